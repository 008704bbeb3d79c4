/**
 * A staff page's language and clock, as a board finds its own: `?lang=` and `?clock=` on the page's address over the
 * program's `event.locale` and `event.display.clock` (which the hub's answer carries), English and 24-hour
 * otherwise; the catalogue files beside the program win over the shipped words. The page's words come from the
 * board's catalogue with the staff pages' over it (core/i18n/staff.ts); Arabic is laid out right to left.
 */
import type { DateTime } from 'luxon';
import type { CustomCatalogues } from '../../../core/i18n/catalogue-file.ts';
import { baseOf, clockStyle, directionOf, loadCatalogue, setLanguage, type ClockStyle } from '../../../core/i18n/index.ts';
import { loadStaffCatalogue } from '../../../core/i18n/staff.ts';

/** What the hub's answer says of the language (ControlView, FleetView). */
export interface ProgramLanguage {
  locale: string | null;
  clock: '12' | '24' | null;
  catalogues?: CustomCatalogues;
}

/**
 * `?lang=` (its first language: a staff page does not take turns) and `?clock=`, read as the board reads them
 * (renderer/src/query.ts), which is not imported: it would carry the board's options into the staff pages' chunks.
 */
function fromAddress(search: string): { lang: string | undefined; clock: ClockStyle | undefined } {
  const q = new URLSearchParams(search);
  const lang = (q.get('lang') ?? '')
    .split(',')
    .map((l) => l.trim())
    .find((l) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l));
  const clock = q.get('clock');
  return { lang, clock: clock === '12' || clock === '24' ? clock : undefined };
}

const url = fromAddress(location.search);
/** The language set last, with its clock and own words: a new one only when that changes. */
let shown = '';

/**
 * Sets the page's language for `program` (null before the hub answered: the address's, or English); true when the
 * words or the clock changed, so the page draws itself again.
 */
export async function pageLanguage(program: ProgramLanguage | null): Promise<boolean> {
  const lang = url.lang ?? program?.locale ?? 'en';
  const clock: ClockStyle = url.clock ?? program?.clock ?? '24';
  // Checked by the hub when it read the files (core/node/catalogue-folder.ts); the hub served this very page, so it
  // is of the same version, unlike a board's, which checks them again (core/i18n/catalogue-file.ts).
  const own = program?.catalogues?.[lang] ?? program?.catalogues?.[baseOf(lang)];
  const key = JSON.stringify([lang, clock, own ?? null]);
  if (key === shown) return false;
  try {
    const [board, staff] = await Promise.all([loadCatalogue(lang), loadStaffCatalogue(lang)]);
    setLanguage(lang, { ...board, ...staff, ...own }, clock);
  } catch (error) {
    // The hub was updated under the open page and the chunk is gone: the words stay as they are.
    console.error(error);
    return false;
  }
  shown = key;
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
  return true;
}

/** A time of day in the page's clock: "14:05" or "2:05 PM" (with seconds: "14:05:09", "2:05:09 PM"). */
export function timeOfDay(dt: DateTime, seconds = false): string {
  if (clockStyle() === '24') return dt.toFormat(seconds ? 'HH:mm:ss' : 'HH:mm');
  return dt.toFormat(seconds ? 'h:mm:ss a' : 'h:mm a', { locale: 'en-US' });
}
