/**
 * When a room is full, where else to go: a talk starting about now in another
 * room that is neither full nor closed. A pure selector over the timeline and
 * the room statuses staff set, so every screen of the full room suggests the
 * same thing.
 */
import { roomStatusOf, type RoomStatus, type RoomStatusEntry } from './room-status.ts';
import type { Slot, Timeline } from './timeline.ts';

/** A talk that began this long ago still counts as "starting now"… */
export const JUST_STARTED_MS = 10 * 60_000;
/** …and so does one that begins within this. */
export const STARTING_SOON_MS = 15 * 60_000;

/**
 * The slot to suggest to people turned away from `room` at `at` on `day`, or
 * null. Only items that take place in a room (not breaks, not cancelled, not for everyone) in a room
 * other than `room` that is open; the one whose start is nearest to `at` wins,
 * the earlier on a tie, then the program's room order.
 */
export function suggestionFor(
  timeline: Timeline,
  room: string,
  day: string,
  at: number,
  statuses: readonly RoomStatusEntry[],
): Slot | null {
  const roomOrder = new Map(timeline.rooms.map((r, i) => [r.id, i]));
  let best: Slot | null = null;
  let bestScore = Infinity;
  for (const slot of timeline.slots) {
    const other = slot.item.room;
    if (other === undefined || other === room || slot.isBreak || !slot.takesPlace || slot.day !== day) continue;
    if (slot.start < at - JUST_STARTED_MS || slot.start > at + STARTING_SOON_MS || slot.end <= at) continue;
    if (roomStatusOf(statuses, other, day) !== 'open') continue;
    const score = Math.abs(slot.start - at);
    const better =
      best === null ||
      score < bestScore ||
      (score === bestScore && slot.start < best.start) ||
      (score === bestScore &&
        slot.start === best.start &&
        (roomOrder.get(other) ?? Infinity) < (roomOrder.get(best.item.room!) ?? Infinity));
    if (better) {
      best = slot;
      bestScore = score;
    }
  }
  return best;
}

export interface RoomNotice {
  status: Exclude<RoomStatus, 'open'>;
  /** Where else to go now; null when nothing starts about now in an open room. */
  suggestion: Slot | null;
}

/** What a room's screens say about the room at `at`: null while it is open. */
export function roomNotice(
  timeline: Timeline,
  statuses: readonly RoomStatusEntry[],
  room: string | null,
  day: string,
  at: number,
): RoomNotice | null {
  if (room === null) return null;
  const status = roomStatusOf(statuses, room, day);
  if (status === 'open') return null;
  return { status, suggestion: suggestionFor(timeline, room, day, at, statuses) };
}
