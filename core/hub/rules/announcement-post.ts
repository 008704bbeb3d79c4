/**
 * A post-announcement command as staff or a script write it ("from 14:30
 * until the end of the talk in Birch Room") made into the announcement the
 * live state keeps: instants on the hub's clock in the event's zone, its place
 * checked against the program. Everything a screen needs is resolved here once,
 * so every screen shows it at the same instants whatever its own zone.
 */
import { DateTime } from 'luxon';
import { dayWindow, type Timeline } from '../../engine/timeline.ts';
import { snapshot } from '../../engine/snapshot.ts';
import type { AnnouncementEnds, LiveAnnouncement } from '../../screen/announcements.ts';
import type { AnnouncementTime, LiveCommand } from '../api.ts';
import { english, said, type Said, type SaidValue } from '../../i18n/said.ts';

type Post = Extract<LiveCommand, { type: 'post-announcement' }>;

/** Refused: why, with the field it concerns (`field`, inside the command: "until", "where.rooms"). */
export type Resolved = { ok: true; announcement: LiveAnnouncement } | { ok: false; said: Said };

class Refused extends Error {
  readonly said: Said;
  constructor(key: Parameters<typeof said>[0], field: string, vars: Record<string, SaidValue> = {}) {
    const s = said(key, { field, ...vars });
    super(english(s));
    this.said = s;
  }
}

/** "14:30" on the conference day of `at` (a day may run past midnight: 01:00 then is the next date). */
function timeOfDay(text: string, at: number, timeline: Timeline): number {
  const [hour, minute] = text.split(':').map(Number) as [number, number];
  const { day } = dayWindow(timeline, at);
  const date = DateTime.fromISO(day, { zone: timeline.zone });
  const onDate = hour * 60 + minute < timeline.dayStart ? date.plus({ days: 1 }) : date;
  return onDate.set({ hour, minute }).toMillis();
}

function instant(value: AnnouncementTime, at: number, timeline: Timeline): number {
  return typeof value === 'number' ? value : timeOfDay(value, at, timeline);
}

/** The end of the item on in `room` at `from` (with today's delay): what "until the end of this talk" means. */
function itemEnd(post: Post, from: number, timeline: Timeline): number {
  if (post.where.type !== 'rooms' || post.where.rooms.length !== 1) throw new Refused('refusal.itemEndOneRoom', 'until');
  const room = post.where.rooms[0]!;
  const on = snapshot(timeline, from, room).now.filter((s) => s.takesPlace && s.item.room === room);
  const slot = on[0];
  const name = timeline.program.rooms.find((r) => r.id === room)?.name ?? room;
  if (slot === undefined || !Number.isFinite(slot.end))
    throw new Refused('refusal.nothingOn', 'until', { room: name, time: { at: from, zone: timeline.zone } });
  return slot.end;
}

function checkPlace(post: Post, timeline: Timeline): void {
  const { where } = post;
  if (where.type === 'group' && !(timeline.program.groups ?? []).some((g) => g.id === where.group))
    throw new Refused('refusal.noGroup', 'where.group', { group: where.group });
  if (where.type === 'rooms') {
    const unknown = where.rooms.find((id) => !timeline.program.rooms.some((r) => r.id === id));
    if (unknown !== undefined) throw new Refused('refusal.noRoom', 'where.rooms', { room: unknown });
  }
}

/** `at`: the command's clock; `newId`: the name the hub gives one posted without an id. */
export function resolvePost(post: Post, timeline: Timeline, at: number, newId: string): Resolved {
  try {
    checkPlace(post, timeline);
    const from = post.from === 'now' ? at : instant(post.from, at, timeline);
    let until: number | null;
    let ends: AnnouncementEnds;
    if (post.until === 'stopped') [until, ends] = [null, 'stopped'];
    else if (post.until === 'item-end') [until, ends] = [itemEnd(post, Math.max(from, at), timeline), 'item-end'];
    else if (post.until === 'day-end') [until, ends] = [dayWindow(timeline, Math.max(from, at)).end, 'day-end'];
    else [until, ends] = [instant(post.until, at, timeline), typeof post.until === 'number' ? (post.ends ?? 'time') : 'time'];
    const zone = timeline.zone;
    if (until !== null && until <= at)
      throw new Refused('refusal.past', 'until', { time: { at: until, zone }, now: { at, zone }, zone });
    if (until !== null && until <= from)
      throw new Refused('refusal.beforeFrom', 'until', { time: { at: until, zone }, from: { at: from, zone } });
    return {
      ok: true,
      announcement: {
        id: post.id ?? newId,
        text: post.text,
        priority: post.priority,
        where: post.where,
        // Already begun: from now (a time earlier today means "now", not a past the screens never showed).
        from: Math.max(from, at),
        until,
        ends,
      },
    };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, said: error.said };
    throw error;
  }
}

/** The command that brings `a` back as it was (undo of a stop or a replacement). */
export function postOf(a: LiveAnnouncement): Post {
  return {
    type: 'post-announcement',
    id: a.id,
    text: a.text,
    priority: a.priority,
    where: a.where,
    from: a.from,
    until: a.until ?? 'stopped',
    ends: a.ends,
  };
}
