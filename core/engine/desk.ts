/** The registration desk: which day's agenda it shows, and which venues it lists. */
import { DateTime } from 'luxon';
import { dateIn } from '../i18n/index.ts';
import type { Venue } from '../program/schema.ts';
import type { Snapshot } from './snapshot.ts';
import type { Slot, Timeline } from './timeline.ts';

export interface DeskDay {
  day: string;
  /** "Wednesday 6 May". */
  heading: string;
  slots: Slot[];
}

/**
 * Today's agenda while today has items; before the day's first item is over
 * that is still today, and between days (or after the last) the coming day, or
 * the last day of the event.
 */
export function deskDay(timeline: Timeline, snap: Snapshot, room: string | null): DeskDay {
  const day = snap.today.length > 0 ? snap.day : (snap.next[0]?.day ?? timeline.days.at(-1) ?? snap.day);
  const slots = (timeline.byRoom.get(room) ?? timeline.slots).filter((s) => s.day === day);
  const heading = dateIn(DateTime.fromISO(day, { zone: timeline.zone }), 'heading');
  return { day, heading, slots };
}

/** The venues worth listing at the desk: those with an address or notes. */
export function deskVenues(timeline: Timeline): Venue[] {
  return timeline.program.event.venues.filter((v) => v.address || v.notes);
}
