/**
 * Where staff commands change the venue's live state: a value set (rules in
 * core/hub/rules/commands.ts), checked against the version it was made from,
 * saved with its author and its undo before anyone hears of it (one atomic
 * write: the audit line after it is a copy), then the new state to every screen.
 */
import type { LiveCommand, LiveCommandRequest, LiveState, UndoEntry } from '../api.ts';
import { english, refusal, said, type Said } from '../../i18n/said.ts';
import type { ProgramUpdate } from '../../host-contract.ts';
import { describeCommand, HISTORY, holds, isStale, keyOf, prune, setValue } from '../rules/commands.ts';
import { postOf, resolvePost } from '../rules/announcement-post.ts';
import { LIVE_ANNOUNCEMENTS_MAX } from '../../screen/announcements.ts';
import { readLiveState } from '../rules/wire.ts';
import { TimelineCache } from '../../screen/context.ts';
import type { AuditLog } from './audit-log.ts';
import type { LiveStore, Saved } from './live-store.ts';

const NO_DELAYS: LiveState['delays'] = [];

/** A refusal: `error` in English (the API's, as scripts read it), `said` the same as data for the staff pages. */
export type CommandAnswer =
  { ok: true; live: LiveState; changed: boolean } | { ok: false; status: number; error: string; said?: Said; live?: LiveState };

/** Who made a change, as the audit log writes it, and as data when the hub named them itself. */
export interface Author {
  who: string;
  address: string;
  whoSaid?: Said;
}

const refused = (status: number, key: Parameters<typeof said>[0], vars?: Record<string, string | number | Said>) => ({
  ok: false as const,
  status,
  ...refusal(said(key, vars)),
});

export class LiveCommands {
  private saved: Saved;
  private changedAt: number;
  private readonly store: LiveStore;
  private readonly audit: AuditLog;
  private readonly publish: (live: LiveState) => void;
  private readonly now: () => number;
  private readonly timelines = new TimelineCache();
  /** With today's delays, for "until the end of the item" (a second cache: the first holds the program without them). */
  private readonly delayedTimelines = new TimelineCache();

  constructor(store: LiveStore, audit: AuditLog, publish: (live: LiveState) => void, now: () => number) {
    this.store = store;
    this.audit = audit;
    this.publish = publish;
    this.now = now;
    const saved = store.load();
    // A state without an epoch (new, lost with both files, or saved before epochs) gets the time: its ETags are new.
    this.saved = saved.live.epoch === 0 ? { ...saved, live: { ...saved.live, epoch: now() } } : saved;
    this.changedAt = now();
  }

  get live(): LiveState {
    return this.saved.live;
  }

  /** The changes undo can take back, newest first. */
  get history(): readonly UndoEntry[] {
    return [...this.saved.history].reverse();
  }

  /** When the hub's live state last changed or was loaded (for "outdated" on the fleet page). */
  get since(): number {
    return this.changedAt;
  }

  apply(
    request: LiveCommandRequest,
    program: ProgramUpdate | null,
    who: Author,
    /** The clock of the command: a screen's (it may be a rehearsal's), else the hub's. */
    at: number = this.now(),
  ): CommandAnswer {
    if (program === null) return refused(503, 'refusal.noProgram');
    const { rooms, event } = program.program;
    let command = request.command;
    const problem = this.checkPlace(command, program);
    if (problem !== null) return { ok: false, status: 400, ...refusal(problem) };
    const now = this.now();
    const current = prune(this.saved.live, at, event.timezone);
    const version = request.version ?? current.version;
    if (command.type === 'post-announcement') {
      // Its times as instants and its id, once: what the state keeps, what holds() and undo compare.
      const timeline = this.delayedTimelines.get(program.program, current.delays);
      if (timeline === null) return refused(503, 'refusal.noProgram');
      const resolved = resolvePost(command, timeline, at, `a${current.epoch.toString(36)}-${current.version + 1}`);
      if (!resolved.ok) {
        // The field named as the request names it: the same path in every language.
        const field = `request.command.${String(resolved.said.vars?.field ?? '')}`;
        return { ok: false, status: 400, ...refusal({ ...resolved.said, vars: { ...resolved.said.vars, field } }) };
      }
      command = postOf(resolved.announcement);
      const id = command.id;
      if (current.announcements.length >= LIVE_ANNOUNCEMENTS_MAX && !current.announcements.some((a) => a.id === id))
        return this.conflict(said('refusal.tooManyAnnouncements', { max: LIVE_ANNOUNCEMENTS_MAX }));
    }
    if (command.type !== 'undo' && holds(current, command)) return { ok: true, live: this.saved.live, changed: false };
    let effect: LiveCommand = command;
    let history = this.saved.history;
    if (command.type === 'undo') {
      const last = history.at(-1);
      if (last === undefined || last.version !== command.version)
        return this.conflict(said('refusal.notNewest', { version: command.version }));
      effect = last.undo;
      history = history.slice(0, -1);
    } else if (isStale(version, current.version, command, history)) {
      return this.conflict(said('refusal.stale', { version, what: keyOf(command), now: current.version }));
    }
    if (effect.type === 'undo') return { ok: false, status: 500, error: 'an undo cannot undo an undo' };
    const roomName = (id: string): string => rooms.find((r) => r.id === id)?.name ?? id;
    const described = describeCommand(effect, current, roomName);
    const changeSaid = command.type === 'undo' ? said('audit.undo', { change: described }) : described;
    const change = english(changeSaid);
    const whoSaid = who.whoSaid ? { whoSaid: who.whoSaid } : {};
    const set = setValue(current, effect, at);
    const live: LiveState = { ...set.live, version: current.version + 1, updatedAt: now };
    // The same reader a screen uses: a state the hub holds is always one every screen accepts.
    const legal = readLiveState(live);
    if (!legal.ok)
      return {
        ...refused(409, 'refusal.tooLarge', { problem: legal.said ?? legal.error }),
        live: this.live,
      };
    // What the audit log and the undo history both say of this change.
    const entry = { at: now, who: who.who, address: who.address, change, said: changeSaid, ...whoSaid };
    if (command.type !== 'undo')
      history = [...history, { version: live.version, ...entry, key: keyOf(command), undo: set.undo }].slice(-HISTORY);
    const saved: Saved = { live, history };
    try {
      this.store.save(saved);
    } catch (error) {
      // Unsaved, a change would vanish with the next restart while screens show it: refuse it instead.
      return refused(500, 'refusal.notSaved', { error: String(error) });
    }
    this.saved = saved;
    this.changedAt = now;
    this.audit.append({ ...entry, version: live.version });
    this.publish(live);
    this.store.keepCopy(saved);
    return { ok: true, live, changed: true };
  }

  private conflict(s: Said): CommandAnswer {
    return { ok: false, status: 409, ...refusal(s), live: this.live };
  }

  /** Rooms from the program, days the program has (so the state is bounded by the program). */
  private checkPlace(command: LiveCommand, program: ProgramUpdate): Said | null {
    if (command.type !== 'set-delay' && command.type !== 'set-room-status') return null;
    if (!program.program.rooms.some((r) => r.id === command.room)) return said('refusal.unknownRoom', { room: command.room });
    const timeline = this.timelines.get(program.program, NO_DELAYS);
    if (timeline !== null && !timeline.days.includes(command.day)) return said('refusal.noDay', { day: { day: command.day } });
    return null;
  }
}
