/**
 * The fleet on the hub: heartbeats recorded in the bounded table
 * (core/hub/rules/fleet.ts), and the fleet page's messages for one screen sent on
 * that screen's event stream. A screen without an open stream gets its
 * messages (at most a few) when it next connects.
 */
import { randomBytes } from 'node:crypto';
import type { FleetMessageRequest, FleetView, Heartbeat } from '../api.ts';
import type { ProgramUpdate } from '../../host-contract.ts';
import type { ScreenMessage } from '../../screen/state.ts';
import { sortedRooms } from '../../engine/timeline.ts';
import { FleetTable, type HubVersions, type Recorded } from '../rules/fleet.ts';
import type { LiveState } from '../api.ts';
import type { AuditLog } from './audit-log.ts';
import { eventFrame, type EventStreams } from './event-streams.ts';
import { english, said, type Said } from '../../i18n/said.ts';

/** Messages kept for a screen that is not connected. */
const PENDING_PER_SCREEN = 4;

export class FleetRegistry {
  private readonly table: FleetTable;
  private readonly pending = new Map<string, ScreenMessage[]>();
  private readonly streams: EventStreams;
  private readonly audit: AuditLog;

  constructor(maxScreens: number, streams: EventStreams, audit: AuditLog) {
    this.table = new FleetTable(maxScreens, () => randomBytes(24).toString('base64url'));
    this.streams = streams;
    this.audit = audit;
  }

  heartbeat(heartbeat: Heartbeat, secret: string | null, address: string, now: number): Recorded {
    return this.table.record(heartbeat, secret, address, now);
  }

  /** Frames waiting for `screen`, handed over (and forgotten) as its stream opens. */
  takePending(screen: string): string[] {
    const messages = this.pending.get(screen) ?? [];
    this.pending.delete(screen);
    return messages.map((m) => eventFrame('screen', m));
  }

  /** 'sent' on an open stream, 'queued' for the next connection, 'unknown' screen. */
  send(request: FleetMessageRequest, address: string, now: number): 'sent' | 'queued' | 'unknown' {
    const { screen, message } = request;
    const connected = this.streams.connected(screen);
    if (!connected && !this.table.has(screen)) return 'unknown';
    const name = this.table.nameOf(screen);
    const target = name === null ? said('audit.screenId', { id: screen }) : said('audit.screen', { name, id: screen });
    const what: Said =
      message.type === 'show'
        ? said('audit.show', {
            room: message.room ?? said('audit.allRooms'),
            view: said(`audit.view.${message.view}`),
            screen: target,
          })
        : said(message.type === 'identify' ? 'audit.identify' : 'audit.reload', { screen: target });
    const fleetPage = said('audit.who.fleet');
    this.audit.append({
      at: now,
      who: english(fleetPage),
      whoSaid: fleetPage,
      address,
      change: english(what),
      said: what,
      version: null,
    });
    if (connected) {
      this.streams.sendTo(screen, eventFrame('screen', message));
      return 'sent';
    }
    const queue = [...(this.pending.get(screen) ?? []), message].slice(-PENDING_PER_SCREEN);
    this.pending.set(screen, queue);
    return 'queued';
  }

  view(now: number, versions: HubVersions, live: LiveState, program: ProgramUpdate | null): FleetView {
    return {
      now,
      timezone: program?.program.event.timezone ?? null,
      rooms: program ? sortedRooms(program.program).map((r) => ({ id: r.id, name: r.name })) : [],
      appVersion: versions.appVersion,
      programVersion: versions.programVersion,
      live,
      screens: this.table.rows(now, versions, (id) => this.streams.connected(id)),
      audit: this.audit.entries(),
      locale: program?.program.event.locale ?? null,
      clock: program?.program.event.display?.clock ?? null,
      ...(program?.catalogues ? { catalogues: program.catalogues } : {}),
    };
  }
}
