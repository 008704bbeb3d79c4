/**
 * The words a screen puts on an item people planned around: "Cancelled",
 * "Moved to Hall 2, 15:00", and "Not recorded". Times in the event's zone,
 * the day named when it is not today; the renderer only places them.
 */
import { baseOf, isScreenLanguage, languageName, t } from '../i18n/index.ts';
import { startLabel } from './format.ts';
import type { Place, Slot } from './timeline.ts';

export interface ChangeLabel {
  kind: 'cancelled' | 'moved-away' | 'moved-here';
  /** "Cancelled", "Moved to Hall 2, 15:00", "Moved here from Hall 1, was 14:00" */
  text: string;
  /** For the board: strike the title through (the item does not take place here). */
  struck: boolean;
}

function whereAndWhen(place: Place, other: Place, today: string, zone: string): string {
  const parts: string[] = [];
  if (place.room && place.room.id !== other.room?.id) parts.push(place.room.name);
  if (place.start !== other.start) parts.push(startLabel(place.start, place.day, today, zone));
  return parts.join(', ');
}

/** `today` is the conference day the screen shows (snapshot.day). */
export function changeLabel(slot: Slot, today: string, zone: string): ChangeLabel | undefined {
  const change = slot.change;
  if (!change) return undefined;
  if (change.kind === 'cancelled') return { kind: 'cancelled', text: t('change.cancelled'), struck: true };
  const self: Place = { start: slot.start, end: slot.end, day: slot.day, room: slot.room };
  if (change.kind === 'moved-away') {
    const where = whereAndWhen(change.to, self, today, zone);
    return { kind: 'moved-away', text: where ? t('change.movedTo', { where }) : t('change.moved'), struck: true };
  }
  const from = change.from;
  const room = from.room && from.room.id !== slot.room?.id ? from.room.name : '';
  const time = from.start !== slot.start ? startLabel(from.start, from.day, today, zone) : '';
  const text = room
    ? time
      ? t('change.movedHereFromWas', { room, time })
      : t('change.movedHereFrom', { room })
    : t('change.newTime', { time });
  return { kind: 'moved-here', text, struck: false };
}

/**
 * "DE" (said "In German") beside a talk given in another language than the
 * screen's: people choose talks by it. Nothing when the item names none or its
 * language is one the screen shows ("en-GB" on an English screen included; on a de,en screen neither German nor
 * English, so the badge does not come and go with the labels' turns).
 */
export function languageBadge(slot: Slot): { text: string; label: string } | undefined {
  const tag = slot.item.language;
  if (!tag || isScreenLanguage(tag)) return undefined;
  return { text: baseOf(tag).toUpperCase(), label: t('language.badge', { language: languageName(tag) }) };
}

/** "Not recorded" for an item the program says will not be recorded or streamed. */
export function recordingLabel(slot: Slot): string | undefined {
  return slot.item.recorded === false ? t('change.notRecorded') : undefined;
}
