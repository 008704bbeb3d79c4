/**
 * A moved item becomes two slots: its old place, kept on screens until its old
 * end with "Moved to Hall 2, 15:00", and its new place, where it takes place.
 */
import type { Item } from '../program/schema.ts';
import { localToDateTime, wallTimeAt } from '../time.ts';
import type { Place, Slot } from './timeline.ts';

const NOWHERE: Place = { start: Number.NaN, end: Number.NaN, day: '', room: undefined };

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

export function movedSlots(old: Slot, item: Item, zone: string, slotOf: (item: Item, order: number) => Slot): Slot[] {
  const here = slotOf(movedItem(item, zone), old.order);
  return [
    { ...old, takesPlace: false, change: { kind: 'moved-away', to: NOWHERE } },
    { ...here, change: { kind: 'moved-here', from: NOWHERE } },
  ];
}

const placeOf = (slot: Slot): Place => ({ start: slot.start, end: slot.end, day: slot.day, room: slot.room });

/** Once delays and open ends are settled, each half of a move learns where the other one is. */
export function linkMoves(slots: readonly Slot[]): void {
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
    away.change = { kind: 'moved-away', to: placeOf(here) };
    here.change = { kind: 'moved-here', from: placeOf(away) };
  }
}
