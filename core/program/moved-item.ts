/**
 * A moved item at its new place, as the program file describes it (`movedTo`):
 * the validator checks its times, the timeline shows it there, the calendar
 * export lists it there.
 */
import { localToDateTime, wallTimeAt } from '../time.ts';
import type { Item } from './schema.ts';

/** The item at its new place: new start (the length kept unless a new end is given), new room. */
export function movedItem(item: Item, zone: string): Item {
  const moved = item.movedTo!;
  const start = moved.start ?? item.start;
  const copy: Item = { ...item, start };
  delete copy.movedTo;
  if (moved.room !== undefined) copy.room = moved.room;
  if (moved.end !== undefined) copy.end = moved.end;
  else if (item.end !== undefined) {
    const length = localToDateTime(item.end, zone).toMillis() - localToDateTime(item.start, zone).toMillis();
    copy.end = wallTimeAt(localToDateTime(start, zone).toMillis() + length, zone);
  }
  return copy;
}
