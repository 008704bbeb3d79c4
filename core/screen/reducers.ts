/**
 * What a command does to a screen's state: one reducer for the venue's shared
 * part and one for the screen's own, so that the shared part can later be
 * decided elsewhere (a hub) with the same rules. `reduceScreen` sends each
 * command to the part the keymap table says it belongs to.
 */
import { adjustDelay, resetDelay } from '../engine/delays.ts';
import { cycleGroup } from '../engine/screen-rooms.ts';
import { cycleRoomStatus } from '../engine/room-status.ts';
import { scopeOf } from './keymap.ts';
import type { Command, CommandContext, LocalState, ScreenState, SharedState } from './state.ts';

/** Where and when a shared command was given: the screen's room, and its clock's day and instant. */
export interface SharedContext {
  room: string | null;
  day: string | null;
  now: number;
}

/** Delays, announcements, emergency, room status. Returns `state` itself when nothing changes. */
export function reduceShared<S extends SharedState>(state: S, command: Command, at: SharedContext): S {
  switch (command.type) {
    case 'delay':
      // A delay belongs to one room on one day.
      if (at.room === null || at.day === null) return state;
      return { ...state, delays: adjustDelay(state.delays, at.room, at.day, command.minutes, at.now) };
    case 'delay-reset':
      if (at.room === null || at.day === null) return state;
      return { ...state, delays: resetDelay(state.delays, at.room, at.day) };
    case 'announcements-toggle':
      return { ...state, showAnnouncements: !state.showAnnouncements };
    case 'emergency-toggle':
      return { ...state, emergency: !state.emergency };
    case 'room-status-cycle':
      // Like a delay, a status belongs to one room on one day.
      if (at.room === null || at.day === null) return state;
      return { ...state, roomStatus: cycleRoomStatus(state.roomStatus, at.room, at.day, at.now) };
    default:
      return state;
  }
}

function cycleRoom(current: string | null, rooms: readonly string[], step: 1 | -1): string | null {
  // The cycle is: all rooms, room 1, room 2, …, back to all rooms.
  const cycle: (string | null)[] = [null, ...rooms];
  const at = Math.max(0, cycle.indexOf(current));
  return cycle[(at + step + cycle.length) % cycle.length] ?? null;
}

/** Room, group, view, overlays, rehearsal clock. Returns `state` itself when nothing changes. */
export function reduceLocal<S extends LocalState>(state: S, command: Command, ctx: CommandContext): S {
  switch (command.type) {
    case 'room-next':
      return { ...state, room: cycleRoom(state.room, ctx.rooms, 1) };
    case 'room-previous':
      return { ...state, room: cycleRoom(state.room, ctx.rooms, -1) };
    case 'room-number': {
      if (command.number === 0) return { ...state, room: null };
      const room = ctx.rooms[command.number - 1];
      return room === undefined ? state : { ...state, room };
    }
    case 'group-next':
      // A new group shows all its rooms; ← / → and the digits then move within it.
      return { ...state, group: cycleGroup(ctx.groups, state.group, 1), room: null };
    case 'view':
      return { ...state, view: command.view };
    case 'identify-toggle':
      return { ...state, overlay: state.overlay === 'identify' ? 'none' : 'identify' };
    case 'help-toggle':
      return { ...state, overlay: state.overlay === 'help' ? 'none' : 'help' };
    case 'close-overlay':
      return state.overlay === 'none' ? state : { ...state, overlay: 'none' };
    case 'rehearsal-shift':
      return { ...state, clockOffset: state.clockOffset + command.minutes * 60_000 };
    case 'rehearsal-next-boundary':
      return ctx.nextBoundary === null ? state : { ...state, clockOffset: ctx.nextBoundary - ctx.liveNow };
    case 'rehearsal-live':
      return state.clockOffset === 0 ? state : { ...state, clockOffset: 0 };
    case 'quit-request':
      return { ...state, overlay: 'quit' };
    case 'quit-confirm':
      // The host quits; the question is answered either way (a browser tab cannot quit).
      return state.overlay === 'quit' ? { ...state, overlay: 'none' } : state;
    default:
      return state;
  }
}

/** The new state; reload and quit are effects the host performs (see controller.ts). */
export function reduceScreen(state: ScreenState, command: Command, ctx: CommandContext): ScreenState {
  if (scopeOf(command) === 'shared') return reduceShared(state, command, { room: ctx.room, day: ctx.day, now: ctx.now });
  return reduceLocal(state, command, ctx);
}
