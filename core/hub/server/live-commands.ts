/**
 * Where staff commands change the venue's live state: the shared reducer
 * applied to the hub's copy, the new version saved before anyone hears of it,
 * one line in the audit log, then the new state to every screen.
 */
import type { CommandRequest } from '../api.ts';
import type { ProgramUpdate } from '../../host-contract.ts';
import { applyCommand } from '../rules/state.ts';
import type { LiveState } from '../api.ts';
import type { AuditLog } from './audit-log.ts';
import type { LiveStore } from './live-store.ts';

export type CommandAnswer = { ok: true; live: LiveState; changed: boolean } | { ok: false; status: number; error: string };

export class LiveCommands {
  private state: LiveState;
  private changedAt: number;
  private readonly store: LiveStore;
  private readonly audit: AuditLog;
  private readonly publish: (live: LiveState) => void;
  private readonly now: () => number;

  constructor(store: LiveStore, audit: AuditLog, publish: (live: LiveState) => void, now: () => number) {
    this.store = store;
    this.audit = audit;
    this.publish = publish;
    this.now = now;
    this.state = store.load();
    this.changedAt = now();
  }

  get live(): LiveState {
    return this.state;
  }

  /** When the hub's live state last changed or was loaded (for "outdated" on the fleet page). */
  get since(): number {
    return this.changedAt;
  }

  apply(request: CommandRequest, program: ProgramUpdate | null, address: string): CommandAnswer {
    if (program === null) return { ok: false, status: 503, error: 'the hub has no program yet' };
    const rooms = program.program.rooms;
    if (request.at.room !== null && !rooms.some((r) => r.id === request.at.room))
      return { ok: false, status: 400, error: `unknown room "${request.at.room}"` };
    const roomName = (id: string): string => rooms.find((r) => r.id === id)?.name ?? id;
    const { live, change } = applyCommand(this.state, request.command, request.at, roomName, this.now());
    if (change === null) return { ok: true, live: this.state, changed: false };
    try {
      this.store.save(live);
    } catch (error) {
      // Unsaved, a change would vanish with the next restart while screens show it: refuse it instead.
      return { ok: false, status: 500, error: `the hub could not save the change (${String(error)})` };
    }
    this.state = live;
    this.changedAt = this.now();
    this.audit.append({
      at: this.now(),
      who: `screen "${request.screen.name}" (${request.screen.id})`,
      address,
      change,
      version: live.version,
    });
    this.publish(live);
    this.store.keepCopy(live);
    return { ok: true, live, changed: true };
  }
}
