/**
 * Titles and abstracts in several languages (`{"en": …, "de": …}`, as pretalx writes translated fields): imported as
 * the item's own text (English first) and `translations`, and shown on a screen in that language.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { abstractOf, titleOf } from '../../../core/engine/item-text.ts';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import { en } from '../../../core/i18n/catalogues/en.ts';
import { loadCatalogue, setLanguage } from '../../../core/i18n/index.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import type { Program } from '../../../core/program/schema.ts';
import { validateProgram } from '../../../core/program/validate.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');

function imported(name: string): Program {
  const result = loadProgramText(fixture(name), name);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.program;
}

afterEach(() => setLanguage('en', en, '24'));

describe('translated titles and abstracts', () => {
  it('schedule.json: the English text is the item’s own, German a translation, and the program stays valid', () => {
    const program = imported('schedule-json-translations.json');
    expect(program.items[0]).toMatchObject({
      title: 'Opening Ceremony',
      abstract: 'A hearty welcome me lasses and lads!',
      translations: { de: { title: 'Eröffnung', abstract: 'Ein herzliches Willkommen!' } },
    });
    expect(validateProgram(JSON.parse(JSON.stringify(program))).ok).toBe(true);
  });

  it('pretalx widget: a translated title only where the export translates it', () => {
    const program = imported('pretalx-widget.json');
    const lunch = program.items.find((i) => i.title === 'Lunch break')!;
    expect(lunch.translations).toEqual({ de: { title: 'Mittagspause' } });
    expect(program.items.filter((i) => i.translations !== undefined)).toHaveLength(1);
  });

  it('a screen shows the title and abstract in its language, and keeps them through the labels’ turns', async () => {
    const program = imported('schedule-json-translations.json');
    const slot = compileTimeline(program).slots[0]!;
    expect([titleOf(slot), abstractOf(slot)]).toEqual(['Opening Ceremony', 'A hearty welcome me lasses and lads!']);
    const de = await loadCatalogue('de');
    setLanguage('de-AT', de);
    expect([titleOf(slot), abstractOf(slot)]).toEqual(['Eröffnung', 'Ein herzliches Willkommen!']);
    setLanguage('fr', await loadCatalogue('fr'));
    expect(titleOf(slot)).toBe('Opening Ceremony');
    // ?lang=de,en in its English turn: the labels are English, the program's text stays German.
    setLanguage('en', en, '24', ['de', 'en']);
    expect(titleOf(slot)).toBe('Eröffnung');
  });
});
