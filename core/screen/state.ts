/**
 * A screen's state as staff steer it. One reducer serves both hosts: the
 * Electron main process (which persists it) and the web host's board (which
 * keeps it in the page), so a hotkey means the same thing everywhere.
 */
import { adjustDelay, resetDelay, type Delay } from '../engine/delays.ts';

export type View = 'board' | 'agenda' | 'spotlight';
export const VIEWS: readonly View[] = ['board', 'agenda', 'spotlight'];

export type Overlay = 'none' | 'help' | 'identify' | 'quit';

export interface ScreenState {
  /** The screen's name, shown by "identify" (e.g. "Hall B, left of the door"). */
  name: string;
  /** Room id, or null for all rooms. */
  room: string | null;
  view: View;
  delays: Delay[];
  showAnnouncements: boolean;
  emergency: boolean;
  overlay: Overlay;
  /** Rehearsal: ms added to the live clock; 0 is live. */
  clockOffset: number;
}

export const DEFAULT_SCREEN_STATE: ScreenState = {
  name: 'Foyer screen',
  room: null,
  view: 'board',
  delays: [],
  showAnnouncements: false,
  emergency: false,
  overlay: 'none',
  clockOffset: 0,
};

export type Command =
  | { type: 'room-next' }
  | { type: 'room-previous' }
  /** 1-based position in the program's room order; 0 = all rooms. */
  | { type: 'room-number'; number: number }
  | { type: 'view'; view: View }
  | { type: 'delay'; minutes: number }
  | { type: 'delay-reset' }
  | { type: 'announcements-toggle' }
  | { type: 'emergency-toggle' }
  | { type: 'identify-toggle' }
  | { type: 'help-toggle' }
  | { type: 'close-overlay' }
  | { type: 'rehearsal-shift'; minutes: number }
  | { type: 'rehearsal-next-boundary' }
  | { type: 'rehearsal-live' }
  | { type: 'reload' }
  | { type: 'quit-request' }
  | { type: 'quit-confirm' };

/** What the reducer needs to know about the program and the clock. */
export interface CommandContext {
  /** Room ids in the program's display order. */
  rooms: readonly string[];
  /** The screen's clock now (live time plus rehearsal offset), epoch ms. */
  now: number;
  /** Live wall-clock time, epoch ms. */
  liveNow: number;
  /** The conference day of `now`. */
  day: string;
  /** The next instant the board changes (for "jump to next boundary"). */
  nextBoundary: number | null;
}

function cycleRoom(state: ScreenState, rooms: readonly string[], step: 1 | -1): string | null {
  // The cycle is: all rooms, room 1, room 2, …, back to all rooms.
  const cycle: (string | null)[] = [null, ...rooms];
  const at = Math.max(0, cycle.indexOf(state.room));
  return cycle[(at + step + cycle.length) % cycle.length] ?? null;
}

/** Returns the new state; `reload` and `quit-confirm` are side effects the host performs. */
export function reduceScreen(state: ScreenState, command: Command, ctx: CommandContext): ScreenState {
  switch (command.type) {
    case 'room-next':
      return { ...state, room: cycleRoom(state, ctx.rooms, 1) };
    case 'room-previous':
      return { ...state, room: cycleRoom(state, ctx.rooms, -1) };
    case 'room-number': {
      if (command.number === 0) return { ...state, room: null };
      const room = ctx.rooms[command.number - 1];
      return room === undefined ? state : { ...state, room };
    }
    case 'view':
      return { ...state, view: command.view };
    case 'delay':
      if (state.room === null) return state; // a delay belongs to one room
      return { ...state, delays: adjustDelay(state.delays, state.room, ctx.day, command.minutes, ctx.now) };
    case 'delay-reset':
      if (state.room === null) return state;
      return { ...state, delays: resetDelay(state.delays, state.room, ctx.day) };
    case 'announcements-toggle':
      return { ...state, showAnnouncements: !state.showAnnouncements };
    case 'emergency-toggle':
      return { ...state, emergency: !state.emergency };
    case 'identify-toggle':
      return { ...state, overlay: state.overlay === 'identify' ? 'none' : 'identify' };
    case 'help-toggle':
      return { ...state, overlay: state.overlay === 'help' ? 'none' : 'help' };
    case 'close-overlay':
      return { ...state, overlay: 'none' };
    case 'rehearsal-shift':
      return { ...state, clockOffset: state.clockOffset + command.minutes * 60_000 };
    case 'rehearsal-next-boundary':
      return ctx.nextBoundary === null ? state : { ...state, clockOffset: ctx.nextBoundary - ctx.liveNow };
    case 'rehearsal-live':
      return { ...state, clockOffset: 0 };
    case 'quit-request':
      return { ...state, overlay: 'quit' };
    case 'reload':
    case 'quit-confirm':
      return state;
  }
}

export interface KeyInput {
  key: string;
  control?: boolean;
  alt?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/**
 * The staff keymap. Plain keys a technician can remember; Ctrl only for the
 * ones that must not happen by accident (quit). While the quit confirmation is
 * showing, Y confirms and anything else cancels.
 */
export function keyToCommand(input: KeyInput, overlay: Overlay = 'none'): Command | null {
  const key = input.key;
  // A modifier pressed on its own is half of a chord, never a command (Shift+Y must still confirm).
  if (key === 'Shift' || key === 'Control' || key === 'Alt' || key === 'Meta') return null;
  if (overlay === 'quit') return key === 'y' || key === 'Y' ? { type: 'quit-confirm' } : { type: 'close-overlay' };
  if (input.control || input.meta) {
    if (key === 'q' || key === 'Q') return { type: 'quit-request' };
    if (key === 'r' || key === 'R') return { type: 'reload' };
    return null;
  }
  if (input.alt) return null;
  if (/^[0-9]$/.test(key)) return { type: 'room-number', number: Number(key) };
  switch (key) {
    case 'ArrowRight':
      return { type: 'room-next' };
    case 'ArrowLeft':
      return { type: 'room-previous' };
    case 'b':
    case 'B':
      return { type: 'view', view: 'board' };
    case 'a':
    case 'A':
      return { type: 'view', view: 'agenda' };
    case 's':
    case 'S':
      return { type: 'view', view: 'spotlight' };
    case '+':
    case '=':
      return { type: 'delay', minutes: 5 };
    case '-':
      return { type: 'delay', minutes: -5 };
    case 'Backspace':
      return { type: 'delay-reset' };
    case 'n':
    case 'N':
      return { type: 'announcements-toggle' };
    case 'e':
    case 'E':
      return { type: 'emergency-toggle' };
    case 'i':
    case 'I':
      return { type: 'identify-toggle' };
    case 'F1':
    case '?':
    case 'h':
    case 'H':
      return { type: 'help-toggle' };
    case 'Escape':
      return { type: 'close-overlay' };
    case ']':
      return { type: 'rehearsal-shift', minutes: 15 };
    case '[':
      return { type: 'rehearsal-shift', minutes: -15 };
    case '.':
      return { type: 'rehearsal-next-boundary' };
    case 'l':
    case 'L':
      return { type: 'rehearsal-live' };
    case 'F5':
      return { type: 'reload' };
    default:
      return null;
  }
}

/** The help overlay's rows, generated from the same keymap documentation. */
export const HOTKEY_HELP: readonly { keys: string; action: string }[] = [
  { keys: '← / →', action: 'Previous / next room' },
  { keys: '1 – 9, 0', action: 'Room by number; 0 = all rooms' },
  { keys: 'B / A / S', action: 'View: board / agenda (registration desk) / spotlight' },
  { keys: '+ / −', action: 'Running late: +5 / −5 minutes for the rest of today in this room' },
  { keys: 'Backspace', action: 'Back on time: clear today’s delay in this room' },
  { keys: 'N', action: 'Show / hide announcements' },
  { keys: 'E', action: 'Emergency message on / off (works offline)' },
  { keys: 'I', action: 'Identify this screen' },
  { keys: '[ / ]', action: 'Rehearsal: clock −15 / +15 minutes' },
  { keys: '.', action: 'Rehearsal: jump to the next change' },
  { keys: 'L', action: 'Back to live time' },
  { keys: 'F5 / Ctrl+R', action: 'Reload' },
  { keys: 'Ctrl+Q, then Y', action: 'Quit' },
  { keys: 'F1 / ? / H', action: 'This help; Esc closes' },
];
