/**
 * The kiosk's heartbeat to its hub's fleet page, every 30 s with jitter
 * (core/hub/rules/timing.ts): what it shows, which versions, its window, how long
 * it has run and the last problem it had.
 */
import type { Heartbeat } from '../core/hub/api.ts';
import type { HubClient } from '../core/node/hub/client.ts';
import { programVersion } from '../core/hub/rules/program-version.ts';
import { scheduleHeartbeats } from '../core/hub/rules/timing.ts';
import type { ScreenController } from '../core/screen/controller.ts';

export interface ReportSources {
  id: string;
  appVersion: string;
  screen: ScreenController;
  hub: HubClient;
  /** The window's content size. */
  window(): { width: number; height: number };
  /** The last problem worth telling staff about, or null. */
  lastError(): string | null;
}

export function heartbeatOf(sources: ReportSources, uptimeSeconds: number): Heartbeat {
  const state = sources.screen.state;
  const update = sources.hub.current();
  return {
    id: sources.id,
    name: state.name,
    host: 'electron',
    room: state.room,
    view: state.view,
    appVersion: sources.appVersion,
    programVersion: update ? programVersion(update.program) : null,
    liveVersion: sources.hub.live?.version ?? 0,
    window: sources.window(),
    uptime: Math.round(uptimeSeconds),
    lastError: sources.lastError() ?? update?.status.error ?? null,
  };
}

/** Starts the heartbeats; returns the function that stops them. */
export function reportToFleet(sources: ReportSources): () => void {
  return scheduleHeartbeats(() => void sources.hub.heartbeat(heartbeatOf(sources, process.uptime())));
}
