/**
 * A screen's state as staff steer it, and the commands that change it.
 *
 * The state has two parts. Shared: what the venue decides (delays, whether the
 * announcements show, the emergency message, room status); a screen on its own
 * keeps its own copy, a screen with a hub shows the hub's (core/hub/rules/). Local:
 * what belongs to this screen alone (its name, the rooms it shows, room,
 * view, overlay and rehearsal offset). Which command changes which part is
 * said once, in the keymap table (keymap.ts).
 */
import type { Delay } from '../engine/delays.ts';
import type { RoomStatusEntry } from '../engine/room-status.ts';
import type { LiveAnnouncement } from './announcements.ts';
import type { Notice } from './notice.ts';

export { VIEWS, type View } from './views.ts';
import type { View } from './views.ts';

export type Overlay = 'none' | 'help' | 'identify' | 'quit';

/** What the venue decides; the same on every screen once a hub shares it. */
export interface SharedState {
  delays: Delay[];
  showAnnouncements: boolean;
  emergency: boolean;
  /** The emergency message's own text, set with it on the control page; null: the default. */
  emergencyText: string | null;
  /** Rooms staff marked full or closed (open is not stored). */
  roomStatus: RoomStatusEntry[];
  /** Announcements written on the day (announcements.ts); the program file's are ready-made ones to pick. */
  announcements: LiveAnnouncement[];
}

/** What only this screen decides. */
export interface LocalState {
  /** The screen's name, shown by "identify" (e.g. "Hall B, left of the door"). */
  name: string;
  /** Room id, or null for all the rooms the screen shows. */
  room: string | null;
  /**
   * The program's room group the screen shows (`--group`, `?group=`, the G key),
   * or null. A group wins over `rooms`; an id the program lacks shows every room.
   */
  group: string | null;
  /** The rooms the screen shows, in order (`--rooms`, `?rooms=`), or null for every room. */
  rooms: string[] | null;
  view: View;
  overlay: Overlay;
  /** Rehearsal: ms added to the screen's clock; 0 is live. */
  clockOffset: number;
  /** A line the screen shows for a few seconds (a refused staff key); never saved. */
  notice: Notice | null;
  /** Woken by a staff key during sleep hours: awake until this screen-clock instant; never saved. */
  wakeUntil: number | null;
}

export interface ScreenState extends LocalState, SharedState {}

export const DEFAULT_SCREEN_STATE: ScreenState = {
  name: 'Foyer screen',
  room: null,
  group: null,
  rooms: null,
  view: 'board',
  delays: [],
  showAnnouncements: false,
  emergency: false,
  emergencyText: null,
  roomStatus: [],
  announcements: [],
  overlay: 'none',
  clockOffset: 0,
  notice: null,
  wakeUntil: null,
};

export type Command =
  | { type: 'room-next' }
  | { type: 'room-previous' }
  /** 1-based position among the rooms the screen shows; 0 = all of them. */
  | { type: 'room-number'; number: number }
  /** The next of the program's room groups, then the screen's own rooms again. */
  | { type: 'group-next' }
  | { type: 'view'; view: View }
  | { type: 'delay'; minutes: number }
  | { type: 'delay-reset' }
  | { type: 'announcements-toggle' }
  | { type: 'emergency-toggle' }
  | { type: 'room-status-cycle' }
  | { type: 'identify-toggle' }
  | { type: 'help-toggle' }
  | { type: 'close-overlay' }
  | { type: 'rehearsal-shift'; minutes: number }
  | { type: 'rehearsal-next-boundary' }
  | { type: 'rehearsal-live' }
  | { type: 'reload' }
  | { type: 'quit-request' }
  | { type: 'quit-confirm' };

/** What the reducer needs to know about the program and the clock (built by context.ts). */
export interface CommandContext {
  /** The room the screen shows (ScreenState.room, or the one room its group or list names); null = several. */
  room: string | null;
  /** The ids of the rooms the screen shows (its group, its list, or every room), in display order. */
  rooms: readonly string[];
  /** The program's room group ids, in order. */
  groups: readonly string[];
  /** The screen's clock now (with the rehearsal offset), epoch ms. */
  now: number;
  /** The screen's clock without the rehearsal offset, epoch ms. */
  liveNow: number;
  /** The conference day of `now`; null before a program (and so the event zone) is known. */
  day: string | null;
  /** The next instant the board changes (for "jump to the next change"). */
  nextBoundary: number | null;
}

/** What staff on the fleet page ask a screen to do; it obeys (controller.ts); the hub sends it on its event stream (core/hub/api.ts). */
export type ScreenMessage =
  | { type: 'identify' }
  | { type: 'reload' }
  /** Room id (null = all rooms) and view. */
  | { type: 'show'; room: string | null; view: View };
