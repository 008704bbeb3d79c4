/**
 * The screen's state in the main process: hotkeys and renderer commands go
 * through the shared keymap and reducer (core/screen/state.ts), every change is
 * saved and pushed to the board. Reload and quit come back as effects for the
 * Electron shell to perform.
 */
import type { Program } from '../core/program/schema.ts';
import { keyToCommand, reduceScreen, VIEWS, type Command, type KeyInput, type ScreenState } from '../core/screen/state.ts';
import { commandContextOf, TimelineCache } from './command-context.ts';

export type Effect = 'reload' | 'quit' | null;

export interface KeyEvent extends KeyInput {
  /** Electron's `input.type`: 'keyDown' or 'keyUp'. */
  type: string;
  isAutoRepeat?: boolean;
}

export interface ScreenControllerDeps {
  save(state: ScreenState): void;
  /** Called after every change, with the new state (to push to the renderer). */
  changed(state: ScreenState): void;
  now(): number;
  log(line: string): void;
}

// Pressed on their own they are half of a chord (Shift+Y, Ctrl+Q), not an answer to "quit?".
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn', 'OS']);

export class ScreenController {
  private current: ScreenState;
  private program: Program | null = null;
  private readonly timelines = new TimelineCache();
  private readonly deps: ScreenControllerDeps;

  constructor(initial: ScreenState, deps: ScreenControllerDeps) {
    this.current = initial;
    this.deps = deps;
  }

  get state(): ScreenState {
    return this.current;
  }

  setProgram(program: Program | null): void {
    this.program = program;
  }

  /**
   * A key from `before-input-event`. `handled` means the key is a staff hotkey
   * and must not reach the page (the board would otherwise act on it twice).
   * Only the first key-down acts: a held "+" must not add an hour of delay.
   */
  handleKey(input: KeyEvent): { handled: boolean; effect: Effect } {
    if (MODIFIER_KEYS.has(input.key)) return { handled: false, effect: null };
    const command = keyToCommand(input, this.current.overlay);
    if (command === null) return { handled: false, effect: null };
    if (input.type !== 'keyDown' || input.isAutoRepeat) return { handled: true, effect: null };
    return { handled: true, effect: this.handleCommand(command) };
  }

  handleCommand(command: Command): Effect {
    if (command.type === 'reload') return 'reload';
    if (command.type === 'quit-confirm') {
      // Only as the answer to the quit prompt, whoever sends it.
      return this.current.overlay === 'quit' ? 'quit' : null;
    }
    const ctx = commandContextOf(this.timelines.get(this.program, this.current.delays), this.current, this.deps.now());
    const next = reduceScreen(this.current, command, ctx);
    if (next === this.current) return null;
    this.current = next;
    try {
      this.deps.save(next);
    } catch (error) {
      // The screen keeps working; it just will not remember this after a restart.
      this.deps.log(`could not save the screen state: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.deps.changed(next);
    return null;
  }
}

const SIMPLE = new Set<Command['type']>([
  'room-next',
  'room-previous',
  'delay-reset',
  'announcements-toggle',
  'emergency-toggle',
  'identify-toggle',
  'help-toggle',
  'close-overlay',
  'rehearsal-next-boundary',
  'rehearsal-live',
  'reload',
  'quit-request',
  'quit-confirm',
]);

function boundedInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A command from the renderer is untrusted input: only well-formed, bounded commands pass. */
export function parseCommand(value: unknown): Command | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type } = value as { type?: unknown };
  if (typeof type !== 'string') return null;
  const v = value as Record<string, unknown>;
  if (SIMPLE.has(type as Command['type'])) return { type } as Command;
  switch (type) {
    case 'room-number':
      return boundedInteger(v.number, 0, 999) ? { type, number: v.number } : null;
    case 'view':
      return typeof v.view === 'string' && (VIEWS as readonly string[]).includes(v.view)
        ? { type, view: v.view as ScreenState['view'] }
        : null;
    case 'delay':
      return boundedInteger(v.minutes, -24 * 60, 24 * 60) ? { type, minutes: v.minutes } : null;
    case 'rehearsal-shift':
      return boundedInteger(v.minutes, -366 * 24 * 60, 366 * 24 * 60) ? { type, minutes: v.minutes } : null;
    default:
      return null;
  }
}
