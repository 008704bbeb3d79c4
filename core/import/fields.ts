/**
 * The fields every schedule format names alike (an event's title, subtitle,
 * type, abstract and description; a conference's acronym, URL and dates), read
 * one way for all of them, so no importer cleans a text differently.
 */
import { instant, offsetOf, resolveZone, type Draft, type DraftSession, type ImportWarning } from './draft.ts';
import { lineText, plainText } from './text.ts';

export interface EventTexts {
  title?: unknown;
  subtitle?: unknown;
  type?: unknown;
  abstract?: unknown;
  description?: unknown;
  /** frab `<language>`, schedule.json `language`, pretalx `content_locale`: "de", "en", or "de, en" for both. */
  language?: unknown;
}

/** The first language tag an export names ("de, en" → "de"); nothing for text that is no BCP 47 tag. */
export function languageOf(value: unknown): string | undefined {
  const first = lineText(value)?.split(/[,;/ ]+/)[0];
  if (!first || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(first)) return undefined;
  const [primary, ...rest] = first.split(/[-_]/);
  return [primary!.toLowerCase(), ...rest].join('-');
}

type Texts = Record<string, unknown>;

function languageTexts(value: unknown): Texts | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Texts) : undefined;
}

/** Of `{"en": …, "de": …}` (pretalx's translated fields), the item's own text: English, else the first there is. */
function ownText(value: unknown): unknown {
  const texts = languageTexts(value);
  if (!texts) return value;
  for (const key of ['en', ...Object.keys(texts)]) if (typeof texts[key] === 'string' && texts[key]) return texts[key];
  return undefined;
}

/**
 * A title and abstract given per language (`{"en": "Lunch break", "de": "Mittagspause"}`): every language but the
 * item's own text's becomes a translation, shown on screens in that language.
 */
export function translationsOf(ev: EventTexts, session: DraftSession): DraftSession['translations'] {
  const titles = languageTexts(ev.title) ?? {};
  const abstracts = languageTexts(ev.abstract) ?? {};
  const descriptions = languageTexts(ev.description) ?? {};
  const out: NonNullable<DraftSession['translations']> = {};
  for (const key of new Set([...Object.keys(titles), ...Object.keys(abstracts), ...Object.keys(descriptions)])) {
    const lang = languageOf(key);
    if (!lang) continue;
    const title = lineText(titles[key]);
    const abstract = combineText(abstracts[key], descriptions[key]);
    const entry: { title?: string; abstract?: string } = {};
    if (title && title !== session.title) entry.title = title;
    if (abstract && abstract !== session.abstract) entry.abstract = abstract;
    if (entry.title || entry.abstract) out[lang] = entry;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function copyEventTexts(session: DraftSession, ev: EventTexts): void {
  const title = lineText(ownText(ev.title));
  if (title) session.title = title;
  const subtitle = lineText(ev.subtitle);
  if (subtitle) session.subtitle = subtitle;
  const type = lineText(ev.type);
  if (type) session.type = type;
  const abstract = combineText(ownText(ev.abstract), ownText(ev.description));
  if (abstract) session.abstract = abstract;
  const language = languageOf(ev.language);
  if (language) session.language = language;
  const translations = translationsOf(ev, session);
  if (translations) session.translations = translations;
}

export interface ConferenceFields {
  acronym?: unknown;
  url?: unknown;
  start?: string | undefined;
  end?: string | undefined;
}

export function copyConferenceFields(draft: Draft, c: ConferenceFields): void {
  const shortName = lineText(c.acronym);
  if (shortName) draft.shortName = shortName;
  const url = lineText(c.url);
  if (url) draft.url = url;
  const startDate = localDate(c.start, draft.timezone);
  const endDate = localDate(c.end, draft.timezone);
  if (startDate) draft.startDate = startDate;
  if (endDate) draft.endDate = endDate;
}

/** The event zone: the one the file declares, else --timezone, else one guessed from the offsets its times carry. */
export function zoneOfTimes(
  declared: string | undefined,
  option: string | undefined,
  times: readonly (string | undefined)[],
  warnings: ImportWarning[],
): string {
  const offsets = times.map((t) => (t ? offsetOf(t) : null)).filter((o): o is number => o !== null);
  return resolveZone(declared || undefined, option, offsets, warnings);
}

function combineText(abstract: unknown, description: unknown): string | undefined {
  const a = plainText(abstract);
  const d = plainText(description);
  if (a && d && !a.includes(d) && !d.includes(a)) return `${a}\n${d}`;
  if (a && d) return a.length >= d.length ? a : d;
  return a ?? d;
}

/** Local date of a conference start/end that may be a date or an instant. */
function localDate(value: string | undefined, zone: string): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  const dt = instant(value, zone);
  return dt.isValid ? dt.toISODate()! : undefined;
}
