/**
 * The validator's checks on times: real wall times in the event's zone, ends
 * after starts, dates inside the event, and items overlapping in one room.
 */
import { movedItem } from './moved-item.ts';
import { hhmm, isRealWallTime, localToDateTime, wallTimeExists } from '../time.ts';
import type { Item, Program } from './schema.ts';
import type { Problem } from './problem.ts';

function itemLabel(item: Item): string {
  return item.title ? `"${item.title}"` : `(${item.kind}, title to be announced)`;
}

/** Checks one wall time; false when it is not a time that exists in `zone`. */
function checkWallTime(local: string, path: string, zone: string, errors: Problem[]): boolean {
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (!isRealWallTime(local) || !localToDateTime(local, zone).isValid) {
    errors.push({ path, message: `${key} ${local} is not a real date and time` });
    return false;
  }
  if (!wallTimeExists(local, zone)) {
    errors.push({ path, message: `${key} ${local} does not exist in ${zone} (the clocks skip it for daylight saving time)` });
    return false;
  }
  return true;
}

function checkOrder(start: string, end: string, path: string, zone: string, errors: Problem[]): void {
  const from = localToDateTime(start, zone);
  const to = localToDateTime(end, zone);
  if (to > from) return;
  const sameDay = end.slice(0, 10) === start.slice(0, 10);
  const show = (local: string, dt: typeof from) => (sameDay ? hhmm(dt) : local);
  errors.push({
    path,
    message: `end ${show(end, to)} is ${to.equals(from) ? 'the same as' : 'before'} start ${show(start, from)}`,
  });
}

export function checkTimes(program: Program, errors: Problem[]): void {
  const zone = program.event.timezone;
  const { startDate, endDate } = program.event;
  if (startDate > endDate) errors.push({ path: 'event.endDate', message: `endDate ${endDate} is before startDate ${startDate}` });

  if (program.event.dayStartsAt !== undefined && !isRealWallTime(`2026-01-01T${program.event.dayStartsAt}`)) {
    errors.push({
      path: 'event.dayStartsAt',
      message: `dayStartsAt ${program.event.dayStartsAt} is not a time of day (00:00 to 23:59)`,
    });
  }
  for (const key of ['startDate', 'endDate'] as const) {
    const date = program.event[key];
    if (!isRealWallTime(`${date}T00:00`)) errors.push({ path: `event.${key}`, message: `${key} ${date} is not a real date` });
  }
  // With the dates themselves reversed, every item would be "outside" them: one message is enough.
  const inside = (local: string, path: string, key: string) => {
    const day = local.slice(0, 10);
    if (startDate <= endDate && (day < startDate || day > endDate)) {
      errors.push({ path, message: `${key} ${local} is outside the event dates ${startDate} to ${endDate}` });
    }
  };

  program.items.forEach((item, index) => {
    // A time already reported as impossible is not compared again ("end 03:30 is the same as start 03:30").
    let timesExist = true;
    for (const key of ['start', 'end'] as const) {
      const local = item[key];
      if (local !== undefined && !checkWallTime(local, `items[${index}].${key}`, zone, errors)) timesExist = false;
    }
    inside(item.start, `items[${index}].start`, 'start');
    if (item.end !== undefined && timesExist) checkOrder(item.start, item.end, `items[${index}]`, zone, errors);

    const moved = item.movedTo;
    if (!moved) return;
    const path = `items[${index}].movedTo`;
    let movedExist = true;
    for (const key of ['start', 'end'] as const) {
      const local = moved[key];
      if (local !== undefined && !checkWallTime(local, `${path}.${key}`, zone, errors)) movedExist = false;
    }
    if (moved.start !== undefined) inside(moved.start, `${path}.start`, 'start');
    if (moved.end !== undefined && movedExist) checkOrder(moved.start ?? item.start, moved.end, path, zone, errors);
  });
}

/** Where and when an item takes place: a moved item at its new place (as screens show it), a cancelled one nowhere. */
function placeOf(item: Item, zone: string): { room: string | undefined; start: string; end: string | undefined } | undefined {
  if (item.cancelled) return undefined;
  const at = item.movedTo ? movedItem(item, zone) : item;
  return { room: at.room, start: at.start, end: at.end };
}

/**
 * Items at the same time in one room. Real congresses do this on purpose (a
 * workshop inside an all-day "Learn to solder"), so it is a warning, never an
 * error; an item marked `"overlaps": true` is silent about every overlap it has.
 * Cancelled items take no place, and a moved one counts at its new place.
 */
export function checkOverlaps(program: Program, warnings: Problem[]): void {
  const zone = program.event.timezone;
  type Entry = { index: number; start: number; end: number; from: string; to: string; silent: boolean };
  const byRoom = new Map<string, Entry[]>();
  program.items.forEach((item, index) => {
    const place = placeOf(item, zone);
    if (!place || place.room === undefined || place.end === undefined) return;
    const start = localToDateTime(place.start, zone).toMillis();
    const end = localToDateTime(place.end, zone).toMillis();
    if (!(end > start)) return;
    const list = byRoom.get(place.room) ?? [];
    list.push({ index, start, end, from: place.start, to: place.end, silent: item.overlaps === true });
    byRoom.set(place.room, list);
  });
  for (const [room, list] of byRoom) {
    list.sort((a, b) => a.start - b.start || a.index - b.index);
    // Every item still running when the next starts, so a talk inside a silent
    // all-day slot is not blamed on the talk before it.
    let running: Entry[] = [];
    for (const entry of list) {
      running = running.filter((r) => r.end > entry.start);
      const other = running.reduce<Entry | undefined>(
        (latest, r) => (!r.silent && (!latest || r.end > latest.end) ? r : latest),
        undefined,
      );
      if (!entry.silent && other) {
        const a = program.items[other.index]!;
        const b = program.items[entry.index]!;
        warnings.push({
          kind: 'overlap',
          path: `items[${entry.index}]`,
          message: `${itemLabel(b)} (${entry.from.slice(11, 16)}–${entry.to.slice(11, 16)}) overlaps items[${other.index}] ${itemLabel(a)} (${other.from.slice(11, 16)}–${other.to.slice(11, 16)}) in room "${room}"`,
        });
      }
      running.push(entry);
    }
  }
}
