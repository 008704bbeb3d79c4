/**
 * The all-rooms view at congress scale: one row per room with something on now
 * or later today, and the rooms left out counted ("31 rooms quiet until
 * tomorrow"), so a visitor looking for one room does not page through ninety
 * rows of "Nothing more today".
 */
import type { Room } from '../program/schema.ts';
import { concurrentOrder } from './concurrent.ts';
import { t } from '../i18n/index.ts';
import { dayLabel } from './format.ts';
import { dayWindow, type Slot, type Timeline } from './timeline.ts';

export interface RoomRow {
  room: Room;
  /** On now in this room, in `concurrentOrder` (specific before container, cancelled last); may be empty. */
  now: Slot[];
  /** The next item that takes place later today, if any. */
  next: Slot | undefined;
  /** Cancelled or moved-away items starting after now and before `next`, for a struck-through line. */
  changedBeforeNext: Slot[];
}

export interface AllRooms {
  rows: RoomRow[];
  /** Rooms with nothing now and nothing more today (cancelled items included), in display order. */
  quiet: Room[];
  /** "31 rooms quiet until tomorrow", "1 room quiet for the rest of the event"; absent when none is quiet. */
  quietLabel?: string;
  /** The conference day shown. */
  day: string;
}

export function allRoomsRows(timeline: Timeline, at: number, rooms: readonly Room[] = timeline.rooms): AllRooms {
  const { day } = dayWindow(timeline, at);
  const rows: RoomRow[] = [];
  const quiet: Room[] = [];
  for (const room of rooms) {
    // The row is the room: a venue-wide item of another room is on that room's row, not on every row.
    const slots = (timeline.byRoom.get(room.id) ?? []).filter((s) => s.item.room === undefined || s.item.room === room.id);
    const now = slots.filter((s) => s.start <= at && at < s.end).sort(concurrentOrder(room.id));
    const ahead = slots.filter((s) => s.start > at && s.day === day);
    if (now.length === 0 && ahead.length === 0) {
      quiet.push(room);
      continue;
    }
    const next = ahead.find((s) => s.takesPlace);
    const changedBeforeNext = ahead.filter((s) => !s.takesPlace && (!next || s.start < next.start));
    rows.push({ room, now, next, changedBeforeNext });
  }
  const result: AllRooms = { rows, quiet, day };
  if (quiet.length > 0) {
    const laterDay = timeline.days.find((d) => d > day);
    const label = laterDay && dayLabel(laterDay, day, timeline.zone);
    const n = quiet.length;
    result.quietLabel = !label
      ? t('rooms.quietRest', { n })
      : label === t('day.tomorrow')
        ? t('rooms.quietTomorrow', { n })
        : t('rooms.quietUntil', { n, day: label });
  }
  return result;
}
