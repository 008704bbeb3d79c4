/**
 * Which view a screen shows, and for which room: decided from the screen
 * state and the snapshot alone, so the board's components only render.
 */
import type { ScreenState } from './state.ts';
import type { Room } from '../program/schema.ts';
import { screenRooms, shownName, type ScreenRooms } from '../engine/screen-rooms.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import type { Timeline } from '../engine/timeline.ts';

export type ScreenView = 'emergency' | 'agenda' | 'spotlight' | 'rooms' | 'board';

export interface ScreenRoom {
  /**
   * A room of this program, or null for all the rooms the screen shows (also
   * when the state names a room the program lacks). A screen showing a single
   * room (a one-room group or list) shows that room.
   */
  room: string | null;
  /** "Main room", or what the screen's rooms are called: "All rooms", "Stages", "Saal 1 · Saal 2". */
  name: string;
  /** Whether the top bar names the room: always for one room, for all rooms only when there are several. */
  named: boolean;
}

export function screenRoom(
  timeline: Timeline,
  wanted: string | null,
  shown: ScreenRooms = screenRooms(timeline, {}),
): ScreenRoom {
  const found = (wanted === null ? undefined : timeline.rooms.find((r) => r.id === wanted)) ?? onlyOne(timeline, shown);
  if (found) return { room: found.id, name: found.name, named: true };
  return { room: null, name: shownName(timeline, shown), named: timeline.rooms.length > 1 };
}

/** The one room a group or list narrowed the screen to (a one-room program keeps its "all rooms" board). */
function onlyOne(timeline: Timeline, shown: ScreenRooms): Room | undefined {
  return shown.rooms.length === 1 && timeline.rooms.length > 1 ? shown.rooms[0] : undefined;
}

/**
 * The emergency message wins; then the view staff chose. The hallway board of
 * "all rooms" on a program with several rooms is the "on now everywhere"
 * table while the day runs, and the board's own moments before, between and
 * after the days (one table row per room would say nothing then).
 */
export function screenView(
  state: Pick<ScreenState, 'emergency' | 'view'>,
  snap: Snapshot,
  timeline: Timeline,
  room: string | null,
): ScreenView {
  if (state.emergency) return 'emergency';
  if (state.view !== 'board') return state.view;
  const dayRunning = snap.phase === 'session' || snap.phase === 'break' || snap.phase === 'gap';
  return room === null && timeline.rooms.length > 1 && dayRunning ? 'rooms' : 'board';
}
