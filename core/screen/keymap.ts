/**
 * The staff keymap, as one table. `keyToCommand` reads it, the help dialog
 * shows it, the hotkey table of docs/venue-operation.md is checked against it
 * (tests/unit/screen/keymap.test.ts), and it says of every command whether it changes
 * what the venue decided (`shared`) or only this screen (`local`).
 *
 * Plain keys a technician can remember; Ctrl only for what must not happen by
 * accident (quit, reload). While the quit question shows, Y answers it and any
 * other key cancels.
 */
import type { Key } from '../i18n/index.ts';
import type { Command, Overlay, View } from './state.ts';

export type Scope = 'shared' | 'local';

export interface Hotkey {
  /** The keys as people read them. */
  keys: string;
  /** What it does, as the help dialog says it in the screen's language. */
  action: Key;
  scope: Scope;
  /**
   * Chord → command. A chord is `KeyboardEvent.key` (a letter in lower case, so
   * Shift and CapsLock do not matter), after "Ctrl+" when Ctrl or ⌘ is held.
   */
  bind: Readonly<Record<string, Command>>;
  /** Chords that answer the question this row asks (the quit prompt). */
  answers?: Readonly<Record<string, Command>>;
}

const view = (v: View): Command => ({ type: 'view', view: v });
const delay = (minutes: number): Command => ({ type: 'delay', minutes });
const shift = (minutes: number): Command => ({ type: 'rehearsal-shift', minutes });
const digits = Object.fromEntries(
  [...'0123456789'].map((d): [string, Command] => [d, { type: 'room-number', number: Number(d) }]),
);

export const HOTKEYS: readonly Hotkey[] = [
  {
    keys: '← / →',
    action: 'keys.rooms',
    scope: 'local',
    bind: { ArrowLeft: { type: 'room-previous' }, ArrowRight: { type: 'room-next' } },
  },
  { keys: '1 – 9, 0', action: 'keys.roomNumber', scope: 'local', bind: digits },
  {
    keys: 'G',
    action: 'keys.group',
    scope: 'local',
    bind: { g: { type: 'group-next' } },
  },
  {
    keys: 'B / A / S',
    action: 'keys.view',
    scope: 'local',
    bind: { b: view('board'), a: view('agenda'), s: view('spotlight') },
  },
  {
    keys: '+ / −',
    action: 'keys.delay',
    scope: 'shared',
    bind: { '+': delay(5), '=': delay(5), '-': delay(-5) },
  },
  {
    keys: 'Backspace',
    action: 'keys.onTime',
    scope: 'shared',
    bind: { Backspace: { type: 'delay-reset' } },
  },
  {
    keys: 'N',
    action: 'keys.announcements',
    scope: 'shared',
    bind: { n: { type: 'announcements-toggle' } },
  },
  {
    keys: 'E',
    action: 'keys.emergency',
    scope: 'shared',
    bind: { e: { type: 'emergency-toggle' } },
  },
  {
    keys: 'F',
    action: 'keys.roomStatus',
    scope: 'shared',
    bind: { f: { type: 'room-status-cycle' } },
  },
  {
    keys: 'I',
    action: 'keys.identify',
    scope: 'local',
    bind: { i: { type: 'identify-toggle' } },
  },
  { keys: '[ / ]', action: 'keys.rehearsalShift', scope: 'local', bind: { '[': shift(-15), ']': shift(15) } },
  {
    keys: '.',
    action: 'keys.rehearsalNext',
    scope: 'local',
    bind: { '.': { type: 'rehearsal-next-boundary' } },
  },
  { keys: 'L', action: 'keys.live', scope: 'local', bind: { l: { type: 'rehearsal-live' } } },
  { keys: 'F5 / Ctrl+R', action: 'keys.reload', scope: 'local', bind: { F5: { type: 'reload' }, 'Ctrl+r': { type: 'reload' } } },
  {
    keys: 'Ctrl+Q → Y',
    action: 'keys.quit',
    scope: 'local',
    bind: { 'Ctrl+q': { type: 'quit-request' } },
    answers: { y: { type: 'quit-confirm' } },
  },
  {
    keys: 'F1 / ? / H',
    action: 'keys.help',
    scope: 'local',
    bind: {
      F1: { type: 'help-toggle' },
      '?': { type: 'help-toggle' },
      h: { type: 'help-toggle' },
      Escape: { type: 'close-overlay' },
    },
  },
];

const BINDINGS = new Map(HOTKEYS.flatMap((row) => Object.entries(row.bind)));
const QUIT_ANSWERS = new Map(HOTKEYS.flatMap((row) => Object.entries(row.answers ?? {})));
const SCOPES = new Map(
  HOTKEYS.flatMap((row) => [...Object.values(row.bind), ...Object.values(row.answers ?? {})].map((c) => [c.type, row.scope])),
);

/** The part of the state a command changes; every command has a row (checked by the keymap test). */
export function scopeOf(command: Command): Scope {
  return SCOPES.get(command.type) ?? 'local';
}

export interface KeyInput {
  key: string;
  control?: boolean;
  alt?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/**
 * Keys that modify others. Pressed on their own they are half of a chord
 * (Shift+Y, Ctrl+Q) or a lock, never a command, and never an answer to "quit?".
 */
export const MODIFIER_KEYS: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'Super',
  'Hyper',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'FnLock',
  'Symbol',
  'SymbolLock',
]);

/** The chord a key press is, or null when it cannot be one (a modifier alone, Alt+anything). */
function chordOf(input: KeyInput): string | null {
  if (MODIFIER_KEYS.has(input.key)) return null;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (input.control || input.meta) return `Ctrl+${key}`;
  // Alt+key belongs to the system and the browser (Alt+F4, Alt+←).
  if (input.alt) return null;
  return key;
}

export function keyToCommand(input: KeyInput, overlay: Overlay = 'none'): Command | null {
  const chord = chordOf(input);
  if (chord === null) return null;
  if (overlay === 'quit') return QUIT_ANSWERS.get(chord) ?? { type: 'close-overlay' };
  return BINDINGS.get(chord) ?? null;
}
