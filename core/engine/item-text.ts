/** What an item is called and who gives it, the same words on every view and every host. */
import { baseOf, contentLanguage, t } from '../i18n/index.ts';
import type { Speaker } from '../program/schema.ts';
import type { Slot } from './timeline.ts';

/** The item's title and abstract in the screen's language, where the program has them (`translations`). */
function translated(slot: Slot): { title?: string; abstract?: string } | undefined {
  const all = slot.item.translations;
  if (!all) return undefined;
  const lang = contentLanguage();
  return all[lang] ?? all[baseOf(lang)];
}

/** The item's title; a talk without one is "to be announced", anything else is named by its kind. */
export function titleOf(slot: Slot): string {
  const own = translated(slot)?.title ?? slot.item.title;
  if (own) return own;
  return slot.item.kind === 'talk' ? t('item.tba') : t(`kind.${slot.item.kind}`);
}

/** A talk whose title is not known yet (shown in italics). */
export function isTba(slot: Slot): boolean {
  return !slot.item.title && slot.item.kind === 'talk';
}

/** "Part 1 of 2" for a multi-part talk. */
export function partLabel(slot: Slot): string | null {
  const part = slot.item.part;
  return part ? t('item.part', { index: part.index, count: part.count }) : null;
}

export function speakerNames(speakers: readonly Speaker[]): string {
  return speakers.map((s) => s.name).join(' & ');
}

/** The other items on now beside the first (in the order given), each by its title or its room. */
export function alsoNow(slots: readonly Slot[]): { slot: Slot; text: string }[] {
  return slots.slice(1).map((slot) => ({ slot, text: translated(slot)?.title ?? slot.item.title ?? slot.room?.name ?? '' }));
}

/** The item's abstract, in the screen's language where the program has it. */
export function abstractOf(slot: Slot): string | undefined {
  return translated(slot)?.abstract ?? slot.item.abstract;
}

/** The opening of an abstract: whole sentences, about `limit` characters. */
export function abstractStart(text: string | undefined, limit: number): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  // A sentence ends at . ! or ? followed by a capital: "e.g. smoothed" is not an end.
  const sentences = flat.split(/(?<=[.!?][”"’)]?)\s+(?=[A-Z“"(])/);
  let out = '';
  for (const sentence of sentences) {
    if (out && out.length + sentence.length + 1 > limit) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return out;
}
