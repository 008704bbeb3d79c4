/**
 * The order of items on at the same time in one room. Congresses nest
 * sessions on purpose: workshops inside an all-day "Learn to solder",
 * lightning talks inside their slot. A visitor wants the specific session
 * first and the container after it, and what was cancelled or moved away last.
 */
import type { Slot } from './timeline.ts';

/**
 * Compare function for `now` (and for items starting together):
 * 1. items that take place before cancelled or moved-away ones;
 * 2. with a room given, that room's own items before those for every room (lunch);
 * 3. the shorter before the longer, so an item comes before any item that contains it;
 * 4. then by start and program order, like every other list.
 */
export function concurrentOrder(room: string | null = null): (a: Slot, b: Slot) => number {
  const own = (s: Slot) => (room !== null && s.item.room === room ? 0 : 1);
  return (a, b) =>
    Number(b.takesPlace) - Number(a.takesPlace) ||
    own(a) - own(b) ||
    a.end - a.start - (b.end - b.start) ||
    a.start - b.start ||
    a.order - b.order;
}
