/**
 * A screen's command path, the same in the kiosk's main process and in the
 * browser host: key → command (keymap) → new state (reducers, with the context
 * of context.ts) → save → notify. Reload and quit come back as effects for the
 * shell to perform, since only it knows how.
 */
import { screenRooms, selectionOf } from '../engine/screen-rooms.ts';
import type { Program } from '../program/schema.ts';
import { ScreenClock, type ClockSpec } from './clock.ts';
import { commandContext, TimelineCache } from './context.ts';
import { keyToCommand, type KeyInput } from './keymap.ts';
import { reduceScreen } from './reducers.ts';
import type { Command, ScreenState } from './state.ts';

export type Effect = 'reload' | 'quit' | null;

/** A key press as both shells report it (Electron's `Input`, or a KeyboardEvent translated). */
export interface KeyEvent extends KeyInput {
  /** 'keyDown' or 'keyUp'. */
  type: string;
  isAutoRepeat?: boolean;
}

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
}

export class ScreenController {
  private current: ScreenState;
  private program: Program | null = null;
  private clock: ScreenClock;
  private readonly timelines = new TimelineCache();
  private readonly deps: ScreenControllerDeps;

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
    if (problem) this.deps.log(problem);
  }

  /**
   * A key press. `handled` means the key is a staff hotkey and must not reach
   * the page. Only the first key-down acts: a held "+" must not add an hour of delay.
   */
  handleKey(input: KeyEvent): { handled: boolean; effect: Effect } {
    const command = keyToCommand(input, this.current.overlay);
    if (command === null) return { handled: false, effect: null };
    if (input.type !== 'keyDown' || input.isAutoRepeat) return { handled: true, effect: null };
    return { handled: true, effect: this.handleCommand(command) };
  }

  handleCommand(command: Command): Effect {
    if (command.type === 'reload') return 'reload';
    // Quitting only ever answers the question staff were asked.
    const effect: Effect = command.type === 'quit-confirm' && this.current.overlay === 'quit' ? 'quit' : null;
    const realNow = (this.deps.realNow ?? Date.now)();
    const timeline = this.timelines.get(this.program, this.current.delays);
    const next = reduceScreen(this.current, command, commandContext(timeline, this.clock, this.current, realNow));
    if (next !== this.current) this.commit(next);
    return effect;
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
