/**
 * What gives way first when a screen cannot hold everything (issue #11, rule
 * 2): the abstract, then the biography, then later rows, the last first.
 * Titles, names, times and room names never yield: they have no rank here.
 * The ranks go on the board's units (lower yields first); the fit
 * (core/layout/fit.ts) takes them away whole, in this order.
 */
import type { Slot } from './timeline.ts';

export const YIELD_RANK = {
  /** Later rows beyond the few a layout promises to keep (laterRowRanks). */
  early: -1000,
  abstract: 0,
  /** A biography's window beyond its first lines: it goes before the biography itself, after rows a layout does not keep. */
  biographyRoom: 90,
  biography: 100,
  /** A venue map at the registration desk. */
  map: 150,
  rows: 1000,
} as const;

/**
 * Later rows: the last yields first, the next one last; "+ N more" says how
 * many went. Rows after the first `keep` give way even before the abstract and
 * the biography (a portrait break keeps room for the speaker coming up).
 */
export function laterRowRanks(count: number, keep = Infinity): number[] {
  return Array.from({ length: count }, (_, i) => (i < keep ? YIELD_RANK.rows : YIELD_RANK.early) + (count - 1 - i));
}

/**
 * The registration desk's day: the current items never yield; past items go
 * first, the oldest first; then the future from the end of the day. So the
 * desk always shows what is on now and what comes next.
 */
export function deskRowRanks(slots: readonly Slot[], at: number): (number | undefined)[] {
  const future = slots.filter((s) => s.start > at).length;
  let pastSeen = 0;
  let futureSeen = 0;
  return slots.map((slot) => {
    if (slot.end <= at) return YIELD_RANK.rows + pastSeen++;
    if (slot.start <= at) return undefined;
    return YIELD_RANK.rows + slots.length + (future - 1 - futureSeen++);
  });
}
