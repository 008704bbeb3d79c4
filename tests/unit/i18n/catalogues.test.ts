/**
 * Every catalogue says every key, with the same placeholders as English, and
 * the formatters speak the screen's language: plurals by the language's rules,
 * dates by luxon's locale, 12- or 24-hour clocks.
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { en, type Key } from '../../../core/i18n/catalogues/en.ts';
import { clockTime, dateIn, LANGUAGES, loadCatalogue, setLanguage, t } from '../../../core/i18n/index.ts';
import { STAFF_KEY } from '../../../core/i18n/catalogue-file.ts';
import { loadStaffCatalogue, st, staffEn } from '../../../core/i18n/staff.ts';
import { dayLabel, duration } from '../../../core/engine/format.ts';

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

afterEach(() => setLanguage('en', en, '24'));

/** Every key of `english` in `catalogue`, none beside, each with English's placeholders. */
function sameKeys(lang: string, catalogue: Readonly<Record<string, string>>, english: Readonly<Record<string, string>>): void {
  for (const key of Object.keys(english)) {
    const text = catalogue[key];
    expect(text, `${lang}: ${key}`).toBeTypeOf('string');
    expect(text!.trim(), `${lang}: ${key}`).not.toBe('');
    // Plural forms may drop {n} where the language spells the number ("one room").
    const own = new Set(text!.split('|').flatMap(placeholders));
    for (const p of placeholders(english[key]!)) if (p !== '{n}') expect(own.has(p), `${lang}: ${key} lacks ${p}`).toBe(true);
    for (const p of own) expect(placeholders(english[key]!), `${lang}: ${key} has unknown ${p}`).toContain(p);
  }
  expect(Object.keys(catalogue).filter((k) => !(k in english))).toEqual([]);
}

describe('catalogues', () => {
  for (const lang of LANGUAGES) {
    it(`${lang} has every key, each with English's placeholders`, async () => {
      sameKeys(lang, (await loadCatalogue(lang)) as Record<Key, string>, en);
    });
    it(`${lang} has every key of the staff pages, each with English's placeholders`, async () => {
      sameKeys(lang, (await loadStaffCatalogue(lang)) as Record<string, string>, staffEn);
    });
  }

  it("translates the staff pages' words: a translation says little in English", async () => {
    // Words that read the same in two languages (Text, Normal, Versions, app) are few; English copies are many.
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const catalogue = (await loadStaffCatalogue(lang)) as Record<string, string>;
      const same = Object.keys(staffEn).filter((key) => catalogue[key] === staffEn[key as keyof typeof staffEn]);
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThan(Object.keys(staffEn).length / 10);
    }
  });

  it("keeps the staff pages' keys apart from the board's, by their names", () => {
    for (const key of Object.keys(staffEn)) expect(key).toMatch(STAFF_KEY);
    for (const key of Object.keys(en)) expect(key).not.toMatch(STAFF_KEY);
  });

  it('French puts a no-break space before : ; ! ? and never a plain one', async () => {
    const fr = { ...(await loadCatalogue('fr')), ...(await loadStaffCatalogue('fr')) };
    for (const [key, text] of Object.entries(fr)) expect(text, key).not.toMatch(/ [:;!?]/);
  });
});

describe('words on screen', () => {
  it('falls back to English for an unknown language and to the English text of a missing key', async () => {
    setLanguage('tlh', await loadCatalogue('tlh'));
    expect(t('board.now')).toBe('Now');
    setLanguage('de', { 'board.now': 'Jetzt' });
    expect(t('board.next')).toBe('Next');
    expect(t('board.now')).toBe('Jetzt');
  });

  it('chooses plural forms by the language: English one/other, Arabic six forms', async () => {
    expect(t('rooms.quietRest', { n: 1 })).toBe('1 room quiet for the rest of the event');
    expect(t('rooms.quietRest', { n: 5 })).toBe('5 rooms quiet for the rest of the event');
    setLanguage('ar', await loadCatalogue('ar'));
    expect(t('rooms.quietRest', { n: 1 })).toBe('قاعة واحدة هادئة حتى النهاية');
    expect(t('rooms.quietRest', { n: 2 })).toBe('قاعتان هادئتان حتى النهاية');
    expect(t('rooms.quietRest', { n: 3 })).toBe('3 قاعات هادئة حتى النهاية');
    expect(t('rooms.quietRest', { n: 11 })).toBe('11 قاعة هادئة حتى النهاية');
  });

  it("counts the staff pages' screens by the language's plural rules", async () => {
    expect([1, 3].map((n) => st('fleet.screenCount', { n }))).toEqual(['1 screen', '3 screens']);
    setLanguage('ar', { ...(await loadCatalogue('ar')), ...(await loadStaffCatalogue('ar')) });
    expect([0, 1, 2, 3, 11].map((n) => st('fleet.screenCount', { n }))).toEqual([
      'لا شاشات',
      'شاشة واحدة',
      'شاشتان',
      '3 شاشات',
      '11 شاشة',
    ]);
  });

  it('counts down in the screen language', async () => {
    expect(`${t('time.in', { time: duration(5 * 60_000) })}`).toBe('in 5 min');
    setLanguage('de', await loadCatalogue('de'));
    expect(t('time.in', { time: duration(65 * 60_000) })).toBe('in 1 Std. 05 Min.');
    setLanguage('fr', await loadCatalogue('fr'));
    expect(t('time.in', { time: duration(5 * 60_000) })).toBe('dans 5\u00a0min');
  });

  it('names days and dates through luxon in the screen language', async () => {
    const zone = 'Europe/Stockholm';
    setLanguage('de', await loadCatalogue('de'));
    expect(dayLabel('2026-05-07', '2026-05-06', zone)).toBe('Morgen');
    expect(dayLabel('2026-05-08', '2026-05-06', zone)).toBe('Fr., 8. Mai');
    expect(dateIn(DateTime.fromISO('2026-05-06', { zone }), 'long')).toBe('Mittwoch, 6. Mai 2026');
    setLanguage('ar', await loadCatalogue('ar'));
    expect(dateIn(DateTime.fromISO('2026-05-06', { zone }), 'heading')).toBe('الأربعاء، 6 مايو');
  });
});

describe('clocks', () => {
  const zone = 'America/New_York';
  const at = (local: string) => DateTime.fromISO(local, { zone }).toMillis();

  it('reads 12:30 and 00:30 as 12:30 PM and 12:30 AM on a 12-hour screen', () => {
    setLanguage('en', en, '12');
    expect(clockTime(at('2026-05-06T12:30'), zone)).toBe('12:30 PM');
    expect(clockTime(at('2026-05-06T00:30'), zone)).toBe('12:30 AM');
    expect(clockTime(at('2026-05-06T14:05'), zone)).toBe('2:05 PM');
  });

  it('is 24-hour by default', () => {
    expect(clockTime(at('2026-05-06T00:30'), zone)).toBe('00:30');
    expect(clockTime(at('2026-05-06T14:05'), zone)).toBe('14:05');
  });
});
