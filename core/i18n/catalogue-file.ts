/**
 * A catalogue from a file beside the program (`languages/de.json`): a flat JSON object of key → text that adds a
 * language or overrides some of a shipped one's words, without rebuilding. Checked whole: one unknown key, one
 * value that is not text, or one placeholder the English text has and the translation lacks rejects the file, and
 * the screen keeps the shipped words. Pure (no file access), so the hub, the kiosk, the board and the command line
 * share it.
 */
import { en, type Catalogue, type Key } from './catalogues/en.ts';

export type CustomCatalogues = Readonly<Record<string, Partial<Catalogue>>>;

export type CatalogueRead = { ok: true; lang: string; catalogue: Partial<Catalogue> } | { ok: false; errors: string[] };

/** A catalogue file is a few kilobytes; anything far larger is not one. */
export const CATALOGUE_MAX_BYTES = 256 * 1024;

/** `de.json`, `pt-BR.json`: the file's name is the language it holds (a BCP 47 tag). */
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const KEYS = new Set<string>(Object.keys(en));

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
function problemsOf(file: string, key: string, value: unknown): string[] {
  if (!KEYS.has(key)) return [`${file}: "${key}": not a key Foyer knows (npm run lang -- template lists them)`];
  if (typeof value !== 'string') return [`${file}: "${key}": must be text, not ${value === null ? 'null' : typeof value}`];
  if (value.trim() === '') return [`${file}: "${key}": is empty (leave the key out to keep the shipped text)`];
  const own = placeholders(value);
  const english = placeholders(en[key as Key]);
  const problems: string[] = [];
  // Plural forms may spell the count out ("one room"), so {n} alone may go.
  for (const name of english)
    if (!own.has(name) && name !== 'n') problems.push(`${file}: "${key}": lacks the placeholder {${name}} ("${en[key as Key]}")`);
  for (const name of own) if (!english.has(name)) problems.push(`${file}: "${key}": {${name}} is not a placeholder of this key`);
  return problems;
}

/** Checks a parsed catalogue; `file` names it in every problem. */
export function checkCatalogue(
  value: unknown,
  file: string,
): { ok: true; catalogue: Partial<Catalogue> } | { ok: false; errors: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: [`${file}: must be a JSON object of key → text, like {"board.now": "Jetzt"}`] };
  const errors = Object.entries(value).flatMap(([key, text]) => problemsOf(file, key, text));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalogue: value as Partial<Catalogue> };
}

/** Reads a catalogue file's text; `file` is its name or path (`languages/de.json`), which gives the language. */
export function readCatalogueText(text: string, file: string): CatalogueRead {
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
  const checked = checkCatalogue(value, file);
  return checked.ok ? { ok: true, lang, catalogue: checked.catalogue } : checked;
}

/** Every key with its text in `base` (English where `base` lacks it), as a file to translate: `{"board.now": "Now", …}`. */
export function catalogueTemplate(base: Partial<Catalogue>): string {
  const entries = (Object.keys(en) as Key[]).map((key) => [key, base[key] ?? en[key]]);
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

/**
 * The custom catalogues as they came over the network, each checked again: a hub of another version or a cut frame
 * must not put a raw key or a broken text on a board. A bad catalogue is dropped (the shipped words stay).
 */
export function readCustomCatalogues(value: unknown): CustomCatalogues | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kept: Record<string, Partial<Catalogue>> = {};
  for (const [lang, catalogue] of Object.entries(value)) {
    if (!TAG.test(lang)) continue;
    const checked = checkCatalogue(catalogue, lang);
    if (checked.ok) kept[lang] = checked.catalogue;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The custom catalogue for a screen's language: its own tag first ("pt-BR"), then its base ("pt"). */
export function customFor(custom: CustomCatalogues | undefined, lang: string): Partial<Catalogue> | undefined {
  if (custom === undefined) return undefined;
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? lang;
  return custom[lang] ?? custom[base];
}
