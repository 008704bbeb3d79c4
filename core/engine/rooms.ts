/** "On now everywhere": one row per room, and how the rows are cut into pages. */
import { snapshot } from './snapshot.ts';
import type { Slot, Timeline } from './timeline.ts';

export interface RoomRow {
  id: string;
  name: string;
  /** On now in this room (its own item first; items for everyone, like lunch, show in every room). */
  now: Slot | undefined;
  /** Next in this room today; nothing from another day. */
  next: Slot | undefined;
}

export function roomRows(timeline: Timeline, at: number, day: string): RoomRow[] {
  return timeline.rooms.map((room) => {
    const s = snapshot(timeline, at, room.id);
    const now = s.now.find((x) => x.item.room === room.id) ?? s.now[0];
    const next = s.next.find((x) => x.day === day);
    return { id: room.id, name: room.name, now, next };
  });
}

/**
 * Greedy page breaks: as many whole rows as fit `limit`, then a new page.
 * Rows grow with long titles, so pages are cut from measured heights; a row
 * taller than the page gets a page of its own. Returns each page's first row.
 */
export function pageStarts(heights: readonly number[], limit: number, gap: number): number[] {
  const starts = [0];
  let used = 0;
  heights.forEach((height, index) => {
    const needed = used === 0 ? height : used + gap + height;
    if (needed > limit && used > 0) {
      starts.push(index);
      used = height;
    } else used = needed;
  });
  return starts;
}
