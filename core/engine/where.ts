/**
 * Where an item is, when a screen must say so. With more than one room, an
 * item listed on a screen that is not its room's own names its place: the
 * registration desk's agenda, the all-rooms spotlight and table, a room's
 * "Later today" showing the closing in the main hall. A room's own items go
 * unnamed on its own screens, and a one-room program never names its room.
 */
import { t } from '../i18n/index.ts';
import type { Slot, Timeline } from './timeline.ts';

export interface Where {
  /** "Aurora Hall", "Turning Torso", "All rooms". */
  name: string;
  /** A room, a venue away from the rooms, or every room (an item with neither). */
  kind: 'room' | 'venue' | 'all';
}

/**
 * The place to name beside `slot` on a screen showing `own` (a room id; null
 * for a screen showing several rooms: all of them, a group, the desk).
 */
export function whereOf(slot: Slot, own: string | null, timeline: Timeline): Where | undefined {
  if (timeline.rooms.length < 2) return undefined;
  if (slot.room) return slot.room.id === own ? undefined : { name: slot.room.name, kind: 'room' };
  if (slot.item.venue !== undefined && slot.venue) return { name: slot.venue.name, kind: 'venue' };
  return own === null ? { name: t('where.allRooms'), kind: 'all' } : undefined;
}

/** "now in Aurora Hall" for an item on now, else "in Aurora Hall"; "at Turning Torso"; "in every room". */
export function wherePhrase(where: Where, now: boolean): string {
  const place =
    where.kind === 'all' ? t('where.everyRoom') : t(where.kind === 'venue' ? 'where.at' : 'where.in', { name: where.name });
  return now ? t('where.now', { place }) : place;
}
