/**
 * A program compiled for queries: every item becomes a slot with absolute
 * instants (epoch ms) computed once in the event's zone, delays applied and
 * open-ended items given an end.
 */
import { DateTime } from 'luxon';
import { BREAK_KINDS } from '../program/kinds.ts';
import type { Item, Program, Room, Venue } from '../program/schema.ts';
import { movedItem } from '../program/moved-item.ts';
import { localToDateTime, minutesOfDay } from '../time.ts';
import { delaysFor, shiftedBy, type Delay } from './delays.ts';

export interface Slot {
  item: Item;
  /** Position in program.items, the tie-breaker for equal starts. */
  order: number;
  /** Effective times, delays applied (epoch ms). End is exclusive. */
  start: number;
  end: number;
  /** Times as printed in the program. */
  scheduledStart: number;
  scheduledEnd: number;
  /** The program gives no end: `end` was inferred. */
  openEnded: boolean;
  /** Minutes of delay applied to the start (0 when on time). */
  delay: number;
  /** Minutes of delay applied to the end. */
  endDelay: number;
  /** Conference day (ISO date) the slot belongs to. */
  day: string;
  room: Room | undefined;
  venue: Venue | undefined;
  isBreak: boolean;
  /**
   * False for a cancelled item and for the old place of a moved one: they stay
   * on screens until their end so people who planned around them see what
   * changed, but the room is not busy (phase, spotlight, open-ended ends and
   * delays ignore them).
   */
  takesPlace: boolean;
  /** What changed for people who planned around this item; absent when nothing did. */
  change?: SlotChange;
  /**
   * Set on a shared item (a break for every room, a venue-wide moment) as one
   * room's screens see it: that room's delay moved it, so it starts when the
   * room's talk ends. Absent on the item's own times.
   */
  follows?: string;
}

/** When and where a moved item was or now is (effective times, epoch ms). */
export interface Place {
  start: number;
  end: number;
  day: string;
  room: Room | undefined;
}

export type SlotChange =
  | { kind: 'cancelled' }
  /** This slot is the old place; the item now takes place `to`. */
  | { kind: 'moved-away'; to: Place }
  /** This slot is the new place of an item moved `from` its old one. */
  | { kind: 'moved-here'; from: Place };

export interface Timeline {
  program: Program;
  zone: string;
  /** Minutes after midnight at which a conference day starts. */
  dayStart: number;
  /** Sorted by start, then program order. */
  slots: Slot[];
  /** Rooms in display order. */
  rooms: Room[];
  /** Conference days that have items, in order. */
  days: string[];
  /**
   * Slots visible on one room's screen, keyed by room id (null = all rooms): its
   * own, those for every room, and those marked `everyone` in another room;
   * shared ones moved by the room's delay (`roomSlots`).
   */
  byRoom: Map<string | null, Slot[]>;
  /** Conference days from the day before the first to the day after the last, with their instants: zone lookups are done once here, not per query. */
  dayBounds: DayBounds[];
}

export interface DayBounds {
  day: string;
  start: number;
  end: number;
}

/** The conference day containing `at` and when it ends; a cached lookup inside the event's span. */
export function dayWindow(timeline: Timeline, at: number): DayBounds {
  const bounds = timeline.dayBounds;
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = bounds[mid]!;
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return b;
  }
  const day = dayOf(at, timeline.zone, timeline.dayStart);
  return {
    day,
    start: dayStartInstant(day, timeline.zone, timeline.dayStart),
    end: dayEndInstant(day, timeline.zone, timeline.dayStart),
  };
}

/**
 * The conference day an instant belongs to (days may run past midnight). The
 * day starts at a wall time (04:00), not a fixed number of hours after midnight:
 * on a DST night those differ.
 */
export function dayOf(at: number, zone: string, dayStart: number): string {
  const local = DateTime.fromMillis(at, { zone });
  const date = local.hour * 60 + local.minute < dayStart ? local.minus({ days: 1 }) : local;
  return date.toISODate()!;
}

function wallInstant(day: string, zone: string, minutes: number): number {
  return DateTime.fromISO(day, { zone })
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
    .toMillis();
}

/** The instant a conference day starts, in the event zone. */
export function dayStartInstant(day: string, zone: string, dayStart: number): number {
  return wallInstant(day, zone, dayStart);
}

export function dayEndInstant(day: string, zone: string, dayStart: number): number {
  const nextDay = DateTime.fromISO(day, { zone }).plus({ days: 1 }).toISODate()!;
  return wallInstant(nextDay, zone, dayStart);
}

export function sortedRooms(program: Program): Room[] {
  return program.rooms
    .map((room, index) => ({ room, index }))
    .sort((a, b) => (a.room.order ?? a.index) - (b.room.order ?? b.index) || a.index - b.index)
    .map(({ room }) => room);
}

function placeOf(item: Item, rooms: Map<string, Room>): string | undefined {
  if (item.venue !== undefined) return `venue:${item.venue}`;
  if (item.room !== undefined) {
    const venue = rooms.get(item.room)?.venue;
    return venue !== undefined ? `venue:${venue}` : `room:${item.room}`;
  }
  return undefined;
}

export function compileTimeline(program: Program, delays: readonly Delay[] = []): Timeline {
  const zone = program.event.timezone;
  const dayStart = program.event.dayStartsAt ? minutesOfDay(program.event.dayStartsAt) : 0;
  const roomById = new Map(program.rooms.map((r) => [r.id, r]));
  const venueById = new Map(program.event.venues.map((v) => [v.id, v]));

  const slotOf = (item: Item, order: number): Slot => {
    const scheduledStart = localToDateTime(item.start, zone).toMillis();
    const scheduledEnd = item.end !== undefined ? localToDateTime(item.end, zone).toMillis() : Number.NaN;
    const day = dayOf(scheduledStart, zone, dayStart);
    const room = item.room !== undefined ? roomById.get(item.room) : undefined;
    const venueId = item.venue ?? room?.venue;
    return {
      item,
      order,
      start: scheduledStart,
      end: scheduledEnd,
      scheduledStart,
      scheduledEnd,
      openEnded: item.end === undefined,
      delay: 0,
      endDelay: 0,
      day,
      room,
      venue: venueId !== undefined ? venueById.get(venueId) : undefined,
      isBreak: BREAK_KINDS.has(item.kind),
      takesPlace: item.cancelled !== true,
      ...(item.cancelled ? { change: { kind: 'cancelled' as const } } : {}),
    };
  };
  const slots: Slot[] = program.items.flatMap((item, order) => {
    const slot = slotOf(item, order);
    return item.movedTo && !item.cancelled ? movedSlots(slot, item, zone, slotOf) : [slot];
  });

  for (const slot of slots) {
    // A cancelled talk keeps its printed time: it is not running late, it is not running.
    if (!slot.takesPlace) continue;
    const entries = delaysFor(delays, slot.item.room, slot.day);
    if (entries.length === 0) continue;
    const shifted = shiftedBy(slot.start, slot.end, slot.openEnded, entries);
    slot.start = shifted.start;
    slot.end = shifted.end;
    if (!slot.openEnded) slot.endDelay = Math.round((slot.end - slot.scheduledEnd) / 60_000);
    slot.delay = Math.round((slot.start - slot.scheduledStart) / 60_000);
  }

  slots.sort((a, b) => a.start - b.start || a.order - b.order);

  // An open-ended item lasts until the next item at its venue (for transport,
  // also at its destination: the bus runs until dinner starts) or the end of its day.
  for (const slot of slots) {
    if (!slot.openEnded) continue;
    // An item for everyone (neither room nor venue) ends at the next item anywhere.
    const place = placeOf(slot.item, roomById);
    const places = new Set([place]);
    if (slot.item.destination !== undefined) places.add(`venue:${slot.item.destination}`);
    const dayEnd = dayEndInstant(slot.day, zone, dayStart);
    const following = slots.find(
      (other) =>
        other !== slot &&
        other.start > slot.start &&
        other.start < dayEnd &&
        other.takesPlace &&
        (place === undefined || places.has(placeOf(other.item, roomById))),
    );
    slot.end = following ? following.start : dayEnd;
    slot.scheduledEnd = slot.end;
  }
  linkMoves(slots);

  const rooms = sortedRooms(program);
  const byRoom = new Map<string | null, Slot[]>([[null, slots]]);
  for (const room of rooms) byRoom.set(room.id, roomSlots(slots, room.id, delays));
  const days = [...new Set(slots.map((s) => s.day))].sort();
  const dayBounds: DayBounds[] = [];
  if (days.length > 0) {
    let day = DateTime.fromISO(days[0]!, { zone }).minus({ days: 1 }).toISODate()!;
    const last = DateTime.fromISO(days.at(-1)!, { zone }).plus({ days: 1 }).toISODate()!;
    while (day <= last) {
      dayBounds.push({ day, start: dayStartInstant(day, zone, dayStart), end: dayEndInstant(day, zone, dayStart) });
      day = DateTime.fromISO(day, { zone }).plus({ days: 1 }).toISODate()!;
    }
  }
  return { program, zone, dayStart, slots, rooms, days, byRoom, dayBounds };
}

// A moved item becomes two slots: its old place, kept on screens until its old
// end with "Moved to Hall 2, 15:00", and its new place, where it takes place.
const NOWHERE: Place = { start: Number.NaN, end: Number.NaN, day: '', room: undefined };

function movedSlots(old: Slot, item: Item, zone: string, slotOf: (item: Item, order: number) => Slot): Slot[] {
  const here = slotOf(movedItem(item, zone), old.order);
  return [
    { ...old, takesPlace: false, change: { kind: 'moved-away', to: NOWHERE } },
    { ...here, change: { kind: 'moved-here', from: NOWHERE } },
  ];
}

const placeOfSlot = (slot: Slot): Place => ({ start: slot.start, end: slot.end, day: slot.day, room: slot.room });

/** Once delays and open ends are settled, each half of a move learns where the other one is. */
function linkMoves(slots: readonly Slot[]): void {
  const halves = new Map<number, { away?: Slot; here?: Slot }>();
  for (const slot of slots) {
    const kind = slot.change?.kind;
    if (kind !== 'moved-away' && kind !== 'moved-here') continue;
    const pair = halves.get(slot.order) ?? {};
    if (kind === 'moved-away') pair.away = slot;
    else pair.here = slot;
    halves.set(slot.order, pair);
  }
  for (const { away, here } of halves.values()) {
    if (!away || !here) continue;
    away.change = { kind: 'moved-away', to: placeOfSlot(here) };
    here.change = { kind: 'moved-here', from: placeOfSlot(away) };
  }
}

/**
 * What one room's screens list: the room's own items, those for every room,
 * and those marked `everyone` in another room (the closing in the main hall).
 * A shared one (not at a venue away from the rooms: a bus leaves on time)
 * follows the room's delay on these screens: the coffee after a talk running
 * 10 minutes late starts, for the people in that talk, when it ends; and so
 * does the rest of their day. Never before the item really starts or ends.
 * Other rooms' screens, and the item's own times, do not change.
 */
function roomSlots(slots: readonly Slot[], room: string, delays: readonly Delay[]): Slot[] {
  const list: Slot[] = [];
  let moved = false;
  for (const slot of slots) {
    const own = slot.item.room === room;
    if (!own && slot.item.room !== undefined && slot.item.everyone !== true) continue;
    const entries = own || !slot.takesPlace || slot.item.venue !== undefined ? [] : delaysFor(delays, room, slot.day);
    if (entries.length === 0) {
      list.push(slot);
      continue;
    }
    const shifted = shiftedBy(slot.scheduledStart, slot.scheduledEnd, slot.openEnded, entries);
    const start = Math.max(shifted.start, slot.start);
    const end = slot.openEnded ? slot.end + (start - slot.start) : Math.max(shifted.end, slot.end);
    if (start === slot.start && end === slot.end) {
      list.push(slot);
      continue;
    }
    moved = true;
    list.push({
      ...slot,
      start,
      end,
      delay: Math.round((start - slot.scheduledStart) / 60_000),
      endDelay: slot.openEnded ? 0 : Math.round((end - slot.scheduledEnd) / 60_000),
      follows: room,
    });
  }
  return moved ? list.sort((a, b) => a.start - b.start || a.order - b.order) : list;
}
