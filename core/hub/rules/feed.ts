/**
 * The open live feed: what the hub publishes for others to build on. Per room
 * the delay, the status, the item on now and when the next one really starts
 * (GET /api/live), and the program itself with the delays applied, for the
 * schedule.xml and iCalendar exports attendee apps poll.
 */
import { wallTimeAt } from '../../time.ts';
import { totalDelay } from '../../engine/delays.ts';
import { isoOf } from '../../engine/format.ts';
import { roomStatusOf, type RoomStatus } from '../../engine/room-status.ts';
import { snapshot } from '../../engine/snapshot.ts';
import { compileTimeline, type Slot, type Timeline } from '../../engine/timeline.ts';
import type { Program } from '../../program/schema.ts';
import type { LiveState } from '../api.ts';

export interface FeedItem {
  id: string;
  title: string;
  /** Times with the delay applied, ISO 8601 with the event zone's offset. */
  start: string;
  end: string;
  /** As printed in the program. */
  scheduledStart: string;
  scheduledEnd: string;
  delayMinutes: number;
}

export interface RoomFeed {
  id: string;
  name: string;
  status: RoomStatus;
  /** Today's delay staff set for the room. */
  delayMinutes: number;
  current: FeedItem | null;
  next: FeedItem | null;
}

export interface LiveFeed {
  event: string;
  timezone: string;
  /** The instant the feed describes (now, or `?at=`). */
  at: string;
  /** The conference day of `at`. */
  day: string;
  liveVersion: number;
  programVersion: string;
  emergency: boolean;
  /** Texts of the announcements on screen now (none while they are hidden). */
  announcements: string[];
  rooms: RoomFeed[];
}

function itemOf(slot: Slot, zone: string): FeedItem {
  return {
    id: slot.item.id,
    title: slot.item.title ?? 'To be announced',
    start: isoOf(slot.start, zone),
    end: isoOf(slot.end, zone),
    scheduledStart: isoOf(slot.scheduledStart, zone),
    scheduledEnd: isoOf(slot.scheduledEnd, zone),
    delayMinutes: slot.delay,
  };
}

export function liveFeed(timeline: Timeline, live: LiveState, at: number, programVersion: string): LiveFeed {
  const zone = timeline.zone;
  const rooms = timeline.rooms.map((room): RoomFeed => {
    const snap = snapshot(timeline, at, room.id);
    // What takes place (not a cancelled talk), the room's own item before one for everyone (a talk, not lunch).
    const pick = (slots: Slot[]): Slot | undefined => {
      const real = slots.filter((s) => s.takesPlace);
      return real.find((s) => s.item.room === room.id) ?? real[0];
    };
    const current = pick(snap.now);
    const next = pick(snap.next);
    return {
      id: room.id,
      name: room.name,
      status: roomStatusOf(live.roomStatus, room.id, snap.day),
      delayMinutes: totalDelay(live.delays, room.id, snap.day),
      current: current ? itemOf(current, zone) : null,
      next: next ? itemOf(next, zone) : null,
    };
  });
  const program = timeline.program;
  return {
    event: program.event.name,
    timezone: zone,
    at: isoOf(at, zone),
    day: snapshot(timeline, at).day,
    liveVersion: live.version,
    programVersion,
    emergency: live.emergency,
    announcements: live.showAnnouncements ? (program.announcements ?? []).map((a) => a.text) : [],
    rooms,
  };
}

/**
 * The program as it runs today: every item moved by the delays staff set, as
 * ordinary wall times, so any exporter (or attendee app) shows the real times.
 * Times are rounded to the minute, as programs write them.
 */
export function delayedProgram(program: Program, delays: LiveState['delays']): Program {
  if (delays.length === 0) return program;
  const zone = program.event.timezone;
  const timeline = compileTimeline(program, delays);
  // Only where an item takes place: a cancelled one keeps its printed time, a moved one moves at its new place.
  const moved = new Map<number, Slot>();
  for (const slot of timeline.slots)
    if (slot.takesPlace && (slot.delay !== 0 || slot.endDelay !== 0)) moved.set(slot.order, slot);
  const minute = (ms: number): string => wallTimeAt(Math.round(ms / 60_000) * 60_000, zone);
  return {
    ...program,
    items: program.items.map((item, order) => {
      const slot = moved.get(order);
      if (slot === undefined) return item;
      const times = { start: minute(slot.start), ...(slot.openEnded ? {} : { end: minute(slot.end) }) };
      if (slot.change?.kind === 'moved-here') return { ...item, movedTo: { ...item.movedTo, ...times } };
      return { ...item, ...times };
    }),
  };
}
