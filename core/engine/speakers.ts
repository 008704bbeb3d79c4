/**
 * Who is coming up, for the speaker spotlight and for multi-part talks. Pure
 * functions over a compiled timeline, so every host shows the same people.
 */
import { t } from '../i18n/index.ts';
import type { Speaker } from '../program/schema.ts';
import type { SpotlightEntry } from './snapshot.ts';
import type { Slot, Timeline } from './timeline.ts';

/**
 * Every speaker of a multi-part talk, in part order: part 1 lists one person and
 * part 2 another, but the board should name both on either part.
 */
export function speakersOfTalk(timeline: Timeline, slot: Slot): Speaker[] {
  const part = slot.item.part;
  if (!part) return slot.item.speakers ?? [];
  const parts = timeline.slots
    .filter((s) => s.item.part?.group === part.group)
    .sort((a, b) => (a.item.part?.index ?? 0) - (b.item.part?.index ?? 0));
  const seen = new Set<string>();
  const speakers: Speaker[] = [];
  for (const s of parts) {
    for (const speaker of s.item.speakers ?? []) {
      if (seen.has(speaker.name)) continue;
      seen.add(speaker.name);
      speakers.push(speaker);
    }
  }
  return speakers;
}

/**
 * The speakers of the talks still to start today on this screen (or, when today
 * is over, those of the next day): the full-screen spotlight view's rotation.
 */
export function upcomingSpotlight(slots: readonly Slot[], at: number, day: string): SpotlightEntry[] {
  const collect = (candidates: readonly Slot[]): SpotlightEntry[] =>
    candidates.flatMap((slot) => (slot.item.speakers ?? []).map((speaker) => ({ speaker, slot })));
  const running = slots.filter((s) => s.takesPlace && s.end > at && s.item.speakers?.length);
  const today = collect(running.filter((s) => s.day === day));
  if (today.length > 0) return today;
  const nextDay = running.find((s) => s.day > day)?.day;
  return nextDay ? collect(running.filter((s) => s.day === nextDay)) : [];
}

export interface SpotlightRotation {
  entries: SpotlightEntry[];
  /** "Speakers today", or "Speakers next" when today has none left. */
  heading: string;
}

/** The full-screen spotlight view of one room (or all): null once no speaker is left in the event. */
export function spotlightRotation(timeline: Timeline, room: string | null, at: number, day: string): SpotlightRotation | null {
  const entries = upcomingSpotlight(timeline.byRoom.get(room) ?? timeline.slots, at, day);
  const first = entries[0];
  if (!first) return null;
  return { entries, heading: first.slot.day === day ? t('speakers.today') : t('speakers.next') };
}
