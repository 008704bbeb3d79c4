/**
 * What one screen needs at one instant: the phase of the day, what is on now,
 * what is next, the rest of today, the speakers coming up during a break, and
 * the next instant at which any of that changes (so a board can sleep until then).
 */
import type { Speaker } from '../program/schema.ts';
import { concurrentOrder } from './concurrent.ts';
import { dayStartInstant, dayWindow, type Slot, type Timeline } from './timeline.ts';

export type Phase = 'before-event' | 'session' | 'break' | 'gap' | 'between-days' | 'after-event';

export interface SpotlightEntry {
  speaker: Speaker;
  slot: Slot;
}

export interface Snapshot {
  at: number;
  phase: Phase;
  /** The conference day `at` belongs to. */
  day: string;
  /**
   * Items on now (start inclusive, end exclusive), in `concurrentOrder`: the
   * specific session before the all-day slot around it, and cancelled or
   * moved-away items (kept in place until their end, `takesPlace` false) last.
   */
  now: Slot[];
  /** The items starting next (all those sharing the earliest start after `at`), in the same order. */
  next: Slot[];
  /** Today's items after `next`. */
  later: Slot[];
  /** Every item of today, in order. */
  today: Slot[];
  /** During a break: the speakers of the talks that follow it. */
  spotlight: SpotlightEntry[];
  /**
   * On one room's screen once that room has nothing more today: what still
   * takes place in other rooms now or later today, so the screen never says the
   * day is over while it is not; when the room has nothing more in the whole
   * event, what comes next elsewhere. Empty otherwise (and on all rooms).
   */
  elsewhere: Slot[];
  /**
   * The next instant at which this snapshot changes. Never later than the end of
   * the conference day, since `day` and `today` change then (even after the event).
   * (Kept nullable in the type for hosts that treat null as "sleep forever".)
   */
  changesAt: number | null;
}

/** Speakers of the talks after `from` up to the next break, today; else the next day's first talks. */
function upcomingSpeakers(slots: readonly Slot[], from: number, day: string): SpotlightEntry[] {
  const collect = (candidates: readonly Slot[]): SpotlightEntry[] => {
    const entries: SpotlightEntry[] = [];
    for (const slot of candidates) {
      if (!slot.takesPlace) continue;
      if (slot.isBreak) break;
      for (const speaker of slot.item.speakers ?? []) entries.push({ speaker, slot });
    }
    return entries;
  };
  const after = slots.filter((s) => s.start >= from);
  const today = collect(after.filter((s) => s.day === day));
  if (today.length > 0) return today;
  const nextDay = after.find((s) => s.day > day)?.day;
  return nextDay ? collect(after.filter((s) => s.day === nextDay)) : [];
}

export function snapshot(timeline: Timeline, at: number, room: string | null = null): Snapshot {
  const slots = timeline.byRoom.get(room) ?? timeline.slots;
  const window = dayWindow(timeline, at);
  const day = window.day;

  const order = concurrentOrder(room);
  const now = slots.filter((s) => s.start <= at && at < s.end).sort(order);
  let nextStart = Infinity;
  let changesAt = window.end;
  for (const s of slots) {
    if (s.start > at && s.start < nextStart) nextStart = s.start;
    if (s.start > at && s.start < changesAt) changesAt = s.start;
    if (s.end > at && s.end < changesAt) changesAt = s.end;
  }
  const next = slots.filter((s) => s.start === nextStart).sort(order);
  const today = slots.filter((s) => s.day === day);
  const later = today.filter((s) => s.start > nextStart);

  // The phase of the day follows what takes place: a cancelled talk on screen
  // does not make the room busy, nor does it start or end the event. The event
  // is over when nothing takes place anywhere any more, whatever one room has left.
  let phase: Phase;
  const live = slots.filter((s) => s.takesPlace);
  const venue = room === null ? { live, lastEnd: latestEnd(live) } : venueOf(timeline);
  const first = live[0] ?? venue.live[0];
  const lastEnd = Math.max(latestEnd(live), venue.lastEnd);
  const liveNow = now.filter((s) => s.takesPlace);
  const nextToday = live.some((s) => s.start > at && s.day === day);
  const elsewhere =
    room !== null && liveNow.length === 0 && !nextToday
      ? elsewhereOf(venue.live, room, at, day, !live.some((s) => s.end > at))
      : ([] as Slot[]);
  for (const s of elsewhere) {
    if (s.start > at && s.start < changesAt) changesAt = s.start;
    if (s.end > at && s.end < changesAt) changesAt = s.end;
  }
  if (!first || at >= lastEnd) phase = 'after-event';
  else if (at < first.start && !elsewhere.some((s) => s.day === day)) phase = 'before-event';
  else if (liveNow.length > 0) phase = liveNow.every((s) => s.isBreak) ? 'break' : 'session';
  else {
    const earlierToday = today.some((s) => s.takesPlace && s.end <= at);
    phase = earlierToday && nextToday ? 'gap' : 'between-days';
  }

  const breakEnd = phase === 'break' ? Math.max(...liveNow.map((s) => s.end)) : null;
  const spotlight = breakEnd !== null ? upcomingSpeakers(slots, breakEnd, day) : [];

  return {
    at,
    phase,
    day,
    now,
    next,
    later,
    today,
    spotlight,
    elsewhere,
    changesAt,
  };
}

/**
 * What takes place in rooms other than `room` now or later on `day`; when
 * nothing does and the room itself is done (`done`), the items sharing the
 * next start elsewhere, on any day.
 */
function latestEnd(slots: readonly Slot[]): number {
  let end = -Infinity;
  for (const s of slots) if (s.end > end) end = s.end;
  return end;
}

/**
 * What takes place anywhere in the venue, and when the last of it ends: the same for every query of a timeline,
 * so worked out once. Every room's query needs it (no room's screen says the event is over while another room still
 * runs); filtering the whole program each time was most of a query (38C3: 45 µs of 47).
 */
const venues = new WeakMap<Timeline, { live: Slot[]; lastEnd: number }>();
function venueOf(timeline: Timeline): { live: Slot[]; lastEnd: number } {
  let venue = venues.get(timeline);
  if (venue === undefined) {
    const live = timeline.slots.filter((s) => s.takesPlace);
    venues.set(timeline, (venue = { live, lastEnd: latestEnd(live) }));
  }
  return venue;
}

function elsewhereOf(venue: readonly Slot[], room: string, at: number, day: string, done: boolean): Slot[] {
  const others = venue.filter((s) => s.item.room !== undefined && s.item.room !== room && s.end > at);
  const today = others.filter((s) => s.day === day);
  if (today.length > 0 || !done) return today;
  const next = others.find((s) => s.start > at);
  return next ? others.filter((s) => s.start === next.start) : [];
}

export { dayStartInstant };
