/**
 * A catalogue from a file beside the program (`languages/de.json`): a flat JSON object of key → text that adds a
 * language or overrides some of a shipped one's words, without rebuilding. Checked whole: one unknown key, one
 * value that is not text, or one placeholder the English text has and the translation lacks rejects the file, and
 * the screen keeps the shipped words. Pure (no file access), so the hub, the kiosk, the board and the command line
 * share it. A file also holds the staff pages' words (core/i18n/staff.ts): the hub and the command line check those
 * against the staff catalogue (`english`), a board, which has not got it, leaves them out unchecked.
 */
import { en, type Key } from './catalogues/en.ts';
import type { StaffKey } from './catalogues/staff/en.ts';

/** The words of a catalogue file: the board's keys and the staff pages'. */
export type FileWords = Partial<Record<Key | StaffKey, string>>;
/** English text by key: what a file is checked against (the board's catalogue, or it with the staff pages'). */
export type English = Readonly<Partial<Record<string, string>>>;

export type CustomCatalogues = Readonly<Record<string, FileWords>>;

export type CatalogueRead = { ok: true; lang: string; catalogue: FileWords } | { ok: false; errors: string[] };

/** The staff pages' keys ("control.title"), which a board neither shows nor checks. */
export const STAFF_KEY = /^(staff|control|announce|fleet|audit|refusal)\./;

/** A catalogue file is a few kilobytes; anything far larger is not one. */
export const CATALOGUE_MAX_BYTES = 256 * 1024;

/** `de.json`, `pt-BR.json`: the file's name is the language it holds (a BCP 47 tag). */
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
}

/** The language of a catalogue file's name, or null when the name is not `<tag>.json`. */
export function languageOfFile(name: string): string | null {
  if (!name.endsWith('.json')) return null;
  const tag = name.slice(0, -'.json'.length);
  return TAG.test(tag) ? tag : null;
}

/** The problems of one key's text, each naming the file and the key. */
function problemsOf(file: string, key: string, value: unknown, english: English): string[] {
  const source = Object.prototype.hasOwnProperty.call(english, key) ? english[key] : undefined;
  if (source === undefined) return [`${file}: "${key}": not a key Foyer knows (npm run lang -- template lists them)`];
  if (typeof value !== 'string') return [`${file}: "${key}": must be text, not ${value === null ? 'null' : typeof value}`];
  if (value.trim() === '') return [`${file}: "${key}": is empty (leave the key out to keep the shipped text)`];
  const own = placeholders(value);
  const theirs = placeholders(source);
  const problems: string[] = [];
  // Plural forms may spell the count out ("one room"), so {n} alone may go.
  for (const name of theirs)
    if (!own.has(name) && name !== 'n') problems.push(`${file}: "${key}": lacks the placeholder {${name}} ("${source}")`);
  for (const name of own) if (!theirs.has(name)) problems.push(`${file}: "${key}": {${name}} is not a placeholder of this key`);
  return problems;
}

/** Checks a parsed catalogue against `english`'s keys; `file` names it in every problem. */
export function checkCatalogue(
  value: unknown,
  file: string,
  english: English = en,
): { ok: true; catalogue: FileWords } | { ok: false; errors: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: [`${file}: must be a JSON object of key → text, like {"board.now": "Jetzt"}`] };
  const errors = Object.entries(value).flatMap(([key, text]) => problemsOf(file, key, text, english));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalogue: value as FileWords };
}

/**
 * Reads a catalogue file's text; `file` is its name or path (`languages/de.json`), which gives the language. The hub,
 * the kiosk and the command line pass the board's and the staff pages' English (`ALL_ENGLISH` in core/i18n/staff.ts).
 */
export function readCatalogueText(text: string, file: string, english: English = en): CatalogueRead {
  const name = file.split(/[\\/]/).pop() ?? file;
  const lang = languageOfFile(name);
  if (lang === null)
    return { ok: false, errors: [`${file}: the name must be a language tag and .json, like de.json or pt-BR.json`] };
  if (text.length > CATALOGUE_MAX_BYTES) return { ok: false, errors: [`${file}: larger than ${CATALOGUE_MAX_BYTES / 1024} KiB`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${file}: not JSON (${(error as Error).message})`] };
  }
  const checked = checkCatalogue(value, file, english);
  return checked.ok ? { ok: true, lang, catalogue: checked.catalogue } : checked;
}

/** Every key of `english` with its text in `base` (English where `base` lacks it), as a file to translate: `{"board.now": "Now", …}`. */
export function catalogueTemplate(base: English, english: English = en): string {
  const entries = Object.keys(english).map((key) => [key, base[key] ?? english[key]]);
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

/**
 * The custom catalogues as they came over the network, each checked again: a hub of another version or a cut frame
 * must not put a raw key or a broken text on a board. A bad catalogue is dropped (the shipped words stay). Staff
 * pages' keys that `english` lacks (a board's) are left out, not checked: the hub checked them.
 */
export function readCustomCatalogues(value: unknown, english: English = en): CustomCatalogues | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kept: Record<string, FileWords> = {};
  for (const [lang, catalogue] of Object.entries(value)) {
    if (!TAG.test(lang)) continue;
    const shown =
      typeof catalogue === 'object' && catalogue !== null && !Array.isArray(catalogue)
        ? Object.fromEntries(Object.entries(catalogue).filter(([key]) => key in english || !STAFF_KEY.test(key)))
        : catalogue;
    const checked = checkCatalogue(shown, lang, english);
    if (checked.ok) kept[lang] = checked.catalogue;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The custom catalogue for a screen's language: its own tag first ("pt-BR"), then its base ("pt"). */
export function customFor(custom: CustomCatalogues | undefined, lang: string): FileWords | undefined {
  if (custom === undefined) return undefined;
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? lang;
  return custom[lang] ?? custom[base];
}
