/**
 * The staff pages' words (control, fleet): their own catalogues (core/i18n/catalogues/staff/), loaded only by those
 * pages, so a board carries none of them. Set with the board's catalogue under them (setLanguage), since the staff
 * pages also say what the board says (durations, "All rooms").
 */
import { DateTime } from 'luxon';
import { clockTime, dateIn, listParts, numberIn, say } from './index.ts';
import { isDay, isList, isTime, type Said, type SaidValue } from './said.ts';
import { en } from './catalogues/en.ts';
import { staffEn, type StaffCatalogue, type StaffKey } from './catalogues/staff/en.ts';

export { staffEn, type StaffCatalogue, type StaffKey };

/** The text of a staff key in the page's language (English when its catalogue lacks it), with `{name}` filled in. */
export function st(key: StaffKey, vars: Record<string, string | number> = {}): string {
  return say(key, staffEn[key], vars);
}

/** The shipped staff catalogue for a tag ("de-AT" → German), each a chunk of its own. */
export async function loadStaffCatalogue(lang: string): Promise<Partial<StaffCatalogue>> {
  switch (lang.toLowerCase().split(/[-_]/)[0]) {
    case 'de':
      return (await import('./catalogues/staff/de.ts')).staffDe;
    case 'fr':
      return (await import('./catalogues/staff/fr.ts')).staffFr;
    case 'es':
      return (await import('./catalogues/staff/es.ts')).staffEs;
    case 'sv':
      return (await import('./catalogues/staff/sv.ts')).staffSv;
    case 'ar':
      return (await import('./catalogues/staff/ar.ts')).staffAr;
    default:
      return staffEn;
  }
}

/** Every key a catalogue file may hold, in English: the board's and the staff pages'. */
export const ALL_ENGLISH: Readonly<Record<string, string>> = { ...en, ...staffEn };

/**
 * A piece of a staff sentence: the page's own words, or a value the sentence only carries (`value`: a room's name, an
 * announcement's text, a field's path, a time), which a page sets apart (renderer/src/staff/said.ts): it keeps its own
 * direction on an Arabic page, and it is not the page's words.
 */
export interface SaidPart {
  text: string;
  value?: true;
}

/** What fills a `{name}`: text and numbers as they are, or parts already made (a sentence inside). */
export type Filling = string | number | readonly SaidPart[];

function fill(template: string, vars: Readonly<Record<string, Filling>>): SaidPart[] {
  const out: SaidPart[] = [];
  template.split(/\{(\w+)\}/).forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece !== '') out.push({ text: piece });
      return;
    }
    const v = vars[piece];
    if (v === undefined) out.push({ text: `{${piece}}` });
    else if (typeof v === 'number') out.push({ text: numberIn(v) });
    else if (typeof v === 'string') out.push({ text: v, value: true });
    else out.push(...v);
  });
  return out;
}

/** The text of a staff key in the page's language, in parts, each `{name}` filled. */
export function staffParts(key: StaffKey, vars: Readonly<Record<string, Filling>> = {}): SaidPart[] {
  return fill(say(key, staffEn[key]), vars);
}

function filling(v: SaidValue): Filling | null {
  if (typeof v === 'string' || typeof v === 'number') return v;
  // Times in the page's clock, days as its language writes them: values the sentence carries, set apart.
  if (isTime(v)) return [{ text: clockTime(v.at, v.zone), value: true }];
  if (isDay(v)) return [{ text: dateIn(DateTime.fromISO(v.day), 'day'), value: true }];
  if (isList(v))
    return listParts(v.list, v.or === true).map((p) =>
      p.type === 'element' ? { text: p.value, value: true } : { text: p.value },
    );
  return saidParts(v);
}

/**
 * One of the hub's sentences (core/i18n/said.ts) in the page's language; null when a key is not in this page's
 * catalogue (a hub newer than the page): the hub's English stands in for it then.
 */
export function saidParts(s: Said): SaidPart[] | null {
  if (!(s.key in staffEn)) return null;
  const vars: Record<string, Filling> = {};
  for (const [name, v] of Object.entries(s.vars ?? {})) {
    const f = filling(v);
    if (f === null) return null;
    vars[name] = f;
  }
  return fill(say(s.key, staffEn[s.key as StaffKey]), vars);
}

/** The hub's sentence in the page's language, or `english` (what the hub wrote before it kept sentences as data). */
export function saidOr(s: Said | undefined, english: string): SaidPart[] {
  return (s && saidParts(s)) || [{ text: english, value: true }];
}

export const textOf = (parts: readonly SaidPart[]): string => parts.map((p) => p.text).join('');
