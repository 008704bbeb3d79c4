/**
 * The staff pages' words (control, fleet): their own catalogues (core/i18n/catalogues/staff/), loaded only by those
 * pages, so a board carries none of them. Set with the board's catalogue under them (setLanguage), since the staff
 * pages also say what the board says (durations, "All rooms").
 */
import { say } from './index.ts';
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
