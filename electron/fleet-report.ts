/**
 * The kiosk's heartbeat to its hub's fleet page, every 30 s with jitter: what
 * it shows, its window, how long it has run and the last problem it had. The
 * hub session (core/hub-client/session.ts) adds who it is and which program
 * and live state it holds, and sends it, as it does for a browser board.
 */
import type { HubSession, ScreenFacts } from '../core/hub-client/session.ts';
import type { ScreenController } from '../core/screen/controller.ts';

export interface ReportSources {
  appVersion: string;
  screen: ScreenController;
  hub: HubSession;
  /** The window's content size. */
  window(): { width: number; height: number };
  /** The last problem worth telling staff about, or null. */
  lastError(): string | null;
}

export function screenFactsOf(sources: ReportSources, uptimeSeconds: number): ScreenFacts {
  const state = sources.screen.state;
  return {
    room: state.room,
    view: state.view,
    appVersion: sources.appVersion,
    window: sources.window(),
    uptime: uptimeSeconds,
    lastError: sources.lastError(),
  };
}

/** Starts the heartbeats; returns the function that stops them. */
export function reportToFleet(sources: ReportSources): () => void {
  return sources.hub.reportHeartbeats(() => screenFactsOf(sources, process.uptime()));
}
