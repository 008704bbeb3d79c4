/**
 * A screen's command path, the same in the kiosk's main process and in the
 * browser host: key → command (keymap) → new state (reducers, with the context
 * of context.ts) → save → notify. Reload and quit come back as effects for the
 * shell to perform, since only it knows how.
 *
 * With a hub, the venue's part of the state is the hub's: a shared command goes
 * to it (`SharedChannel`), and what the hub decided comes back through
 * `applyShared`, so every screen shows the same and none diverges. Messages from
 * the fleet page (identify, reload, show a room) arrive through `obey`.
 */
import type { ScreenMessage } from './state.ts';
import { roomsProblemText, screenRooms, selectionOf } from '../engine/screen-rooms.ts';
import type { Program } from '../program/schema.ts';
import { ScreenClock, type ClockSpec } from './clock.ts';
import { commandContext, TimelineCache } from './context.ts';
import type { Notice } from './notice.ts';
import { keyToCommand, scopeOf, type KeyInput } from './keymap.ts';
import { reduceScreen, reduceShared, type SharedContext } from './reducers.ts';
import { sleepAt, WAKE_MS, type SleepDecision, type SleepHours } from './sleep.ts';
import type { Command, ScreenState, SharedState } from './state.ts';

export type Effect = 'reload' | 'quit' | null;

/** A key press as both shells report it (Electron's `Input`, or a KeyboardEvent translated). */
export interface KeyEvent extends KeyInput {
  /** 'keyDown' or 'keyUp'. */
  type: string;
  isAutoRepeat?: boolean;
}

/** Where a screen with a hub sends shared commands. */
export interface SharedChannel {
  /** Resolves to null when the hub took the command, or to why it did not, for the screen to tell staff. */
  send(command: Command, at: SharedContext): Promise<Notice | null>;
}

/** How long a notice ("staff key needed") stays on screen. */
export const NOTICE_MS = 6_000;
/** How long the fleet page's "identify" shows the screen's name. */
export const IDENTIFY_MS = 10_000;

export interface ScreenControllerDeps {
  /** How the screen's clock runs (HostInfo.clock). */
  clock: ClockSpec;
  /** Called after every change with the new state (to show it, and to push it to the board). */
  changed(state: ScreenState): void;
  /** Keeps the state across restarts; may throw (the screen carries on and says so). */
  save?(state: ScreenState): void;
  log(line: string): void;
  /** Real time, epoch ms (tests freeze it). */
  realNow?(): number;
  /** The hub, when the screen has one: shared commands go there instead of to the reducer. */
  shared?: SharedChannel;
  /** Sleep hours (HostInfo.sleep); absent or null: never sleeps. */
  sleep?: SleepHours | null;
}

export class ScreenController {
  private current: ScreenState;
  private program: Program | null = null;
  private clock: ScreenClock;
  private readonly timelines = new TimelineCache();
  private readonly deps: ScreenControllerDeps;
  private readonly timers = new Map<'notice' | 'identify', ReturnType<typeof setTimeout>>();

  constructor(initial: ScreenState, deps: ScreenControllerDeps) {
    this.current = initial;
    this.deps = deps;
    // Until a program names the event zone, a wall-time `at` is read in UTC; nothing depends on it before then.
    this.clock = new ScreenClock(deps.clock, 'UTC');
  }

  get state(): ScreenState {
    return this.current;
  }

  setProgram(program: Program): void {
    if (program.event.timezone !== this.program?.event.timezone)
      this.clock = new ScreenClock(this.deps.clock, program.event.timezone);
    this.program = program;
    const room = this.current.room;
    if (room !== null && !program.rooms.some((r) => r.id === room))
      this.deps.log(`room "${room}" is not in the program; the board shows all rooms`);
    const timeline = this.timelines.get(program, this.current.delays);
    const problem = timeline && screenRooms(timeline, selectionOf(this.current)).problem;
    if (problem) this.deps.log(roomsProblemText(problem));
  }

  /**
   * A key press. `handled` means the key is a staff hotkey and must not reach
   * the page. Only the first key-down acts: a held "+" must not add an hour of delay.
   * While the screen sleeps, a staff key only wakes it.
   */
  handleKey(input: KeyEvent): { handled: boolean; effect: Effect } {
    const command = keyToCommand(input, this.current.overlay);
    if (command === null) return { handled: false, effect: null };
    if (input.type !== 'keyDown' || input.isAutoRepeat) return { handled: true, effect: null };
    if (this.sleep().asleep) {
      this.commit({ ...this.current, wakeUntil: this.now() + WAKE_MS });
      return { handled: true, effect: null };
    }
    return { handled: true, effect: this.handleCommand(command) };
  }

  handleCommand(command: Command): Effect {
    if (command.type === 'reload') return 'reload';
    // Quitting only ever answers the question staff were asked.
    const effect: Effect = command.type === 'quit-confirm' && this.current.overlay === 'quit' ? 'quit' : null;
    const timeline = this.timelines.get(this.program, this.current.delays);
    const ctx = commandContext(timeline, this.clock, this.current, this.realNow());
    if (scopeOf(command) === 'shared') {
      const at: SharedContext = { room: ctx.room, day: ctx.day, now: ctx.now };
      if (reduceShared(this.current, command, at) === this.current) {
        // A key that changes nothing says why: staff pressing it cannot tell a lost key from a refused one.
        const why = whyNothing(timeline !== null, at);
        if (why !== null) this.showNotice(why);
        return effect;
      }
      if (this.deps.shared !== undefined) {
        this.deps.shared.send(command, at).then(
          (refusal) => refusal !== null && this.showNotice(refusal),
          (error: unknown) =>
            this.showNotice({ reason: 'not-sent', error: error instanceof Error ? error.message : String(error) }),
        );
        return effect;
      }
    }
    const next = reduceScreen(this.current, command, ctx);
    if (next !== this.current) this.commit(next);
    return effect;
  }

  /** The venue's state as the hub decided it; replaces this screen's copy. */
  applyShared(shared: SharedState): void {
    const { delays, showAnnouncements, emergency, emergencyText, roomStatus, announcements } = shared;
    const c = this.current;
    const next = { delays, showAnnouncements, emergency, emergencyText, roomStatus, announcements };
    const had = {
      delays: c.delays,
      showAnnouncements: c.showAnnouncements,
      emergency: c.emergency,
      emergencyText: c.emergencyText,
      roomStatus: c.roomStatus,
      announcements: c.announcements,
    };
    if (JSON.stringify(had) === JSON.stringify(next)) return;
    this.commit({ ...c, ...next });
  }

  /** A message from the fleet page. */
  obey(message: ScreenMessage): Effect {
    switch (message.type) {
      case 'reload':
        return 'reload';
      case 'identify':
        this.commit({ ...this.current, overlay: 'identify' });
        this.later('identify', IDENTIFY_MS, () => {
          if (this.current.overlay === 'identify') this.commit({ ...this.current, overlay: 'none' });
        });
        return null;
      case 'show':
        this.commit({ ...this.current, room: message.room, view: message.view });
        return null;
    }
  }

  /** A line on screen for NOTICE_MS (a refused key, an offline hub). */
  showNotice(notice: Notice): void {
    this.commit({ ...this.current, notice });
    this.later('notice', NOTICE_MS, () => {
      if (this.current.notice === notice) this.commit({ ...this.current, notice: null });
    });
  }

  /** Whether the screen sleeps now (sleep hours, or woken by a key), and until when. The emergency message never sleeps. */
  sleep(): SleepDecision {
    const timeline = this.timelines.get(this.program, this.current.delays);
    if (timeline === null || !this.deps.sleep || this.current.emergency) return { asleep: false, changesAt: null };
    return sleepAt(timeline, this.now(), this.deps.sleep, this.current.wakeUntil);
  }

  /** Real milliseconds until the screen's clock reaches `at`. */
  realDelayUntil(at: number): number {
    return this.clock.realDelay(at - this.now());
  }

  private now(): number {
    return this.clock.read(this.realNow(), this.current.clockOffset);
  }

  private realNow(): number {
    return (this.deps.realNow ?? Date.now)();
  }

  private later(name: 'notice' | 'identify', ms: number, run: () => void): void {
    clearTimeout(this.timers.get(name));
    const timer = setTimeout(run, ms);
    // In Node (the kiosk's main process, tests) a pending notice must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
    this.timers.set(name, timer);
  }

  private commit(next: ScreenState): void {
    this.current = next;
    try {
      this.deps.save?.(next);
    } catch (error) {
      // The screen keeps working; it just will not remember this after a restart.
      this.deps.log(`could not save the screen state: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.deps.changed(next);
  }
}

/** Why a shared key changed nothing before it reached the hub, or null when it is a key that never says. */
function whyNothing(hasProgram: boolean, at: SharedContext): Notice | null {
  if (!hasProgram) return { reason: 'not-ready' };
  // A delay or a room status on the all-rooms view has no room to act on.
  return at.room === null ? { reason: 'choose-room' } : null;
}
