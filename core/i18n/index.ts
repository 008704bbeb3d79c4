/**
 * The screen's language and clock: one catalogue per language with English as
 * the fallback, plural forms through Intl.PluralRules, dates through luxon's
 * locale, 12- or 24-hour times. A screen has one language at a time, so it is
 * module state set once the screen knows it (setLanguage), read by the pure
 * formatters in core/engine; Node tools never set it and stay in English.
 */
import { DateTime } from 'luxon';
import { en, type Catalogue, type Key } from './catalogues/en.ts';
import { unpack } from './packed.ts';

export type { Catalogue, Key };
export type ClockStyle = '12' | '24';

/** The languages Foyer ships; others fall back to English (or come from a catalogue file beside the program). */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'sv', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** A language's words by key: a board's catalogue, or a staff page's (core/i18n/staff.ts) with the board's under it. */
export type Words = Readonly<Partial<Record<string, string>>>;

interface State {
  lang: string;
  /** Every language the screen takes turns in (`?lang=de,en`); just `lang` for one. */
  all: readonly string[];
  catalogue: Words;
  clock: ClockStyle;
}

let state: State = { lang: 'en', all: ['en'], catalogue: en, clock: '24' };

/**
 * Sets the screen's language (a BCP 47 tag; its catalogue from loadCatalogue) and clock; `all` lists every
 * language the screen takes turns in (core/i18n/alternation.ts), when more than one.
 */
export function setLanguage(
  lang: string,
  catalogue: Words,
  clock: ClockStyle = state.clock,
  all: readonly string[] = [lang],
): void {
  state = { lang, all, catalogue, clock };
}

export function setClock(clock: ClockStyle): void {
  state = { ...state, clock };
}

export function language(): string {
  return state.lang;
}

/**
 * The language of the program's own text on this screen (a title's translation): the first of the screen's
 * languages, which does not take turns with the labels.
 */
export function contentLanguage(): string {
  return state.all[0] ?? state.lang;
}

/** True when `tag` is one of the languages the screen shows (by base: "de-AT" is German). */
export function isScreenLanguage(tag: string): boolean {
  return state.all.some((lang) => baseOf(lang) === baseOf(tag)) || baseOf(state.lang) === baseOf(tag);
}

export function clockStyle(): ClockStyle {
  return state.clock;
}

/** "ltr" or "rtl" for a language tag. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL.has(baseOf(lang)) ? 'rtl' : 'ltr';
}

export function baseOf(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/** The shipped catalogue for a tag ("de-AT" → German); loaded lazily so a screen carries only its own language. */
export async function loadCatalogue(lang: string): Promise<Partial<Catalogue>> {
  // Packed by the build (core/i18n/packed.ts): texts in the order of English's keys.
  const words = (catalogue: Catalogue): Partial<Catalogue> => unpack(catalogue, Object.keys(en)) as Partial<Catalogue>;
  switch (baseOf(lang)) {
    case 'de':
      return words((await import('./catalogues/de.ts')).de);
    case 'fr':
      return words((await import('./catalogues/fr.ts')).fr);
    case 'es':
      return words((await import('./catalogues/es.ts')).es);
    case 'sv':
      return words((await import('./catalogues/sv.ts')).sv);
    case 'ar':
      return words((await import('./catalogues/ar.ts')).ar);
    default:
      return en;
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();
/** Counts that between them fall into every plural category of the languages CLDR knows. */
const SAMPLES = [0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 20, 21, 22, 100, 101, 102, 1000000];

function pluralIndex(lang: string, n: number, forms: number): number {
  // Catalogue forms follow CLDR's order, keeping only the categories the language has.
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  // resolvedOptions().pluralCategories is Chrome 106: older players learn the language's categories by asking.
  const categories: readonly string[] = rules.resolvedOptions().pluralCategories ?? [
    ...new Set(SAMPLES.map((n) => rules.select(n))),
  ];
  const order = ['zero', 'one', 'two', 'few', 'many', 'other'].filter((c) => categories.includes(c));
  const index = order.indexOf(rules.select(n));
  return Math.min(index < 0 ? forms - 1 : index, forms - 1);
}

/** The text of `key` in the screen's language (English when the catalogue lacks it), with `{name}` filled in. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  return say(key, en[key], vars);
}

/** `t` for a catalogue beside the board's: the text of `key` in the screen's language, else `english`. */
export function say(key: string, english: string, vars: Record<string, string | number> = {}): string {
  const own = state.catalogue[key];
  const lang = own === undefined ? 'en' : state.lang;
  const text = own ?? english;
  let chosen = text;
  if (text.includes('|')) {
    const forms = text.split('|');
    const n = typeof vars.n === 'number' ? vars.n : 1;
    chosen = forms[pluralIndex(lang, n, forms.length)] ?? forms[forms.length - 1]!;
  }
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(localeFor(lang)) : value;
  });
}

/** Arabic screens keep Western digits, as signage in the region mostly does and the fit's measurement expects. */
function localeFor(lang: string): string {
  return baseOf(lang) === 'ar' ? 'ar-u-nu-latn' : lang;
}

/** "14:05" or "2:05 PM": a time of day in `zone`, in the screen's clock style. */
export function clockTime(at: number, zone: string): string {
  const dt = DateTime.fromMillis(at, { zone });
  if (state.clock === '24') return dt.toFormat('HH:mm');
  return dt.toFormat('h:mm a', { locale: 'en-US' });
}

export type DateStyle = 'day' | 'heading' | 'long';

/** English keeps Foyer's own forms; other languages take their conventions from Intl through luxon ("Fr., 8. Mai"). */
const DATE_FORMATS: Record<DateStyle, { en: string; intl: Intl.DateTimeFormatOptions }> = {
  /** "Thu 7 May" */
  day: { en: 'ccc d LLL', intl: { weekday: 'short', day: 'numeric', month: 'short' } },
  /** "Wednesday 6 May" */
  heading: { en: 'cccc d LLLL', intl: { weekday: 'long', day: 'numeric', month: 'long' } },
  /** "Wednesday 6 May 2026" */
  long: { en: 'cccc d LLLL yyyy', intl: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } },
};

/** A date in the screen's language, through luxon's locale. */
export function dateIn(dt: DateTime, style: DateStyle): string {
  const format = DATE_FORMATS[style];
  if (baseOf(state.lang) === 'en') return dt.setLocale('en-GB').toFormat(format.en);
  return dt.setLocale(localeFor(state.lang)).toLocaleString(format.intl);
}

/** "Breakout A, Breakout B and Hall 2" in the screen's language (`or`: "Breakout A, Breakout B or Hall 2"). */
export function listOf(items: readonly string[], or = false): string {
  return new Intl.ListFormat(localeFor(state.lang), { type: or ? 'disjunction' : 'conjunction' }).format(items);
}

/** The same list in parts: each item (`element`) apart from the language's words between them (`literal`). */
export function listParts(items: readonly string[], or = false): { type: 'element' | 'literal'; value: string }[] {
  return new Intl.ListFormat(localeFor(state.lang), { type: or ? 'disjunction' : 'conjunction' }).formatToParts(items);
}

/** A number as the screen's language writes it (Western digits on an Arabic screen, as everywhere on it). */
export function numberIn(n: number): string {
  return n.toLocaleString(localeFor(state.lang));
}

/** The name of a language in the screen's language: "de" → "Deutsch" on a German screen, "German" on an English one. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([localeFor(state.lang)], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
