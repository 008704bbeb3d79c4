/** What the hallway board lists, phase by phase: pure choices over a snapshot, so its components only render. */
import { t } from '../i18n/index.ts';
import { dayLabel } from './format.ts';
import type { Snapshot } from './snapshot.ts';
import type { Slot } from './timeline.ts';

export interface UpNext {
  /** The next item (the first of those sharing the next start). */
  next: Slot | undefined;
  /** Everything after it today: the other items starting with it, then the rest. */
  rest: Slot[];
}

export function upNext(snap: Snapshot): UpNext {
  return { next: snap.next[0], rest: [...snap.next.slice(1), ...snap.later] };
}

export interface BreakLayout {
  /** The speakers coming up take the large column. */
  spotlight: boolean;
  /** Under Next, beside the spotlight: the rest of today, when there is any. */
  later: Slot[] | null;
  /** Without speakers to show, the large column lists the day instead. */
  list: { slots: Slot[]; heading: string } | null;
}

export function breakLayout(snap: Snapshot): BreakLayout {
  const { rest } = upNext(snap);
  if (snap.spotlight.length > 0) return { spotlight: true, later: rest.length > 0 ? rest : null, list: null };
  return { spotlight: false, later: null, list: { slots: rest.length > 0 ? rest : snap.today, heading: t('board.today') } };
}

/** The heading over the next item: "Next" today, else its day ("Tomorrow", "Thu 7 May"). */
export function nextHeading(next: Slot, snap: Snapshot, zone: string): string {
  return next.day === snap.day ? t('board.next') : dayLabel(next.day, snap.day, zone);
}

/**
 * The next item on a room's screen starts when the talk on now ends, because
 * the room's delay moved it there (a shared coffee after a talk running late):
 * its time is then "after this talk, ≈ 10:25", not a time on the clock.
 */
export function afterThisTalk(snap: Snapshot, next: Slot): boolean {
  return next.follows !== undefined && snap.now.some((s) => s.takesPlace && s.item.room === next.follows && s.end === next.start);
}

export type BetweenDays =
  /** Early morning: today's first item is still to come. */
  | { kind: 'morning'; first: Slot }
  /** Today is over: see you on the day of the next item. */
  | { kind: 'evening'; first: Slot | undefined; title: string; label: string }
  /**
   * This room has nothing more today (or at all) while other rooms go on: what
   * is on there, never "that's all". `today`: the list is today's, else it is
   * what comes next elsewhere on a later day.
   */
  | { kind: 'elsewhere'; slots: Slot[]; today: boolean; kicker: string; title: string; label: string };

export function betweenDays(snap: Snapshot, zone: string): BetweenDays {
  const first = snap.next[0];
  if (first && first.day === snap.day) return { kind: 'morning', first };
  const other = snap.elsewhere[0];
  if (other) {
    const today = other.day === snap.day;
    if (today)
      return {
        kind: 'elsewhere',
        slots: snap.elsewhere,
        today,
        kicker: t('board.nothingMoreToday'),
        title: t('board.otherRooms'),
        label: t('board.onToday'),
      };
    if (!first) {
      const day = dayLabel(other.day, snap.day, zone);
      return {
        kind: 'elsewhere',
        slots: snap.elsewhere,
        today,
        kicker: t('board.nothingMore'),
        title: seeYou(day),
        label: t('board.startsWith', { day }),
      };
    }
  }
  const day = first ? dayLabel(first.day, snap.day, zone) : '';
  return {
    kind: 'evening',
    first,
    title: seeYou(day),
    label: t('board.startsWith', { day }),
  };
}

/** "See you tomorrow", "See you Thu 7 May": `day` is dayLabel's. */
function seeYou(day: string): string {
  return day === t('day.tomorrow') ? t('board.seeYouTomorrow') : t('board.seeYouOn', { day });
}
