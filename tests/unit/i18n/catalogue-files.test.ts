/**
 * Catalogue files beside the program: read from a real folder, checked whole (a file with one problem is left out
 * and named with its key and problem), handed to the screens with the program, followed when edited alone.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueTemplate, readCustomCatalogues } from '../../../core/i18n/catalogue-file.ts';
import { en } from '../../../core/i18n/catalogues/en.ts';
import { loadCatalogue, setLanguage, t } from '../../../core/i18n/index.ts';
import { ALL_ENGLISH, loadStaffCatalogue, st, staffEn } from '../../../core/i18n/staff.ts';
import { readCatalogueFolder } from '../../../core/node/catalogue-folder.ts';
import { ProgramSource } from '../../../core/node/program-source.ts';
import { readProgramUpdate } from '../../../core/hub-client/program-update.ts';
import { nextUpdate, seedText } from '../node/source-helpers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foyer-languages-'));
  await mkdir(join(dir, 'languages'));
});
afterEach(async () => {
  setLanguage('en', en, '24');
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

const write = (name: string, value: unknown) =>
  writeFile(join(dir, 'languages', name), typeof value === 'string' ? value : JSON.stringify(value));

describe('the catalogue folder', () => {
  it('adds a language and overrides a shipped one, key by key', async () => {
    await write('it.json', { 'board.now': 'Adesso', 'time.in': 'tra {time}' });
    await write('de.json', { 'board.next': 'Danach' });
    const read = await readCatalogueFolder(join(dir, 'languages'));
    expect(read.problems).toEqual([]);
    expect(read.catalogues).toEqual({ it: { 'board.now': 'Adesso', 'time.in': 'tra {time}' }, de: { 'board.next': 'Danach' } });

    // On a screen: the file's words first, then the shipped language, then English.
    setLanguage('de', { ...(await loadCatalogue('de')), ...read.catalogues!.de });
    expect([t('board.next'), t('board.now')]).toEqual(['Danach', 'Jetzt']);
    setLanguage('it', { ...(await loadCatalogue('it')), ...read.catalogues!.it });
    expect([t('board.now'), t('time.in', { time: '5 min' }), t('board.laterToday')]).toEqual([
      'Adesso',
      'tra 5 min',
      'Later today',
    ]);
  });

  it('leaves out a file with any problem, naming the file, the key and the problem, and keeps the others', async () => {
    await write('fr.json', {
      'board.now': 'Maintenant',
      'board.nowish': 'Bientôt',
      'board.next': 7,
      'time.in': 'dans',
      'list.more': '+ {count} de plus',
    });
    await write('es.json', '{"board.now": "Ahora",');
    await write('notes.json', { 'board.now': 'x' });
    await write('sv.json', { 'board.now': 'Nu' });
    const read = await readCatalogueFolder(join(dir, 'languages'));
    expect(read.catalogues).toEqual({ sv: { 'board.now': 'Nu' } });
    expect(read.problems).toEqual([
      expect.stringMatching(/^languages\/es\.json: not JSON/),
      'languages/fr.json: "board.nowish": not a key Foyer knows (npm run lang -- template lists them)',
      'languages/fr.json: "board.next": must be text, not number',
      'languages/fr.json: "time.in": lacks the placeholder {time} ("in {time}")',
      'languages/fr.json: "list.more": {count} is not a placeholder of this key',
      'languages/notes.json: the name must be a language tag and .json, like de.json or pt-BR.json',
    ]);
  });

  it('has no catalogues when there is no folder', async () => {
    expect(await readCatalogueFolder(join(dir, 'nowhere'))).toEqual({ catalogues: undefined, problems: [] });
  });

  it('makes a template with every key, which is itself a good catalogue', async () => {
    const template = JSON.parse(catalogueTemplate(await loadCatalogue('de'))) as Record<string, string>;
    expect(Object.keys(template)).toEqual(Object.keys(en));
    expect(template['board.now']).toBe('Jetzt');
    const english = JSON.parse(catalogueTemplate(await loadCatalogue('it'))) as Record<string, string>;
    expect(english['board.laterToday']).toBe('Later today');
    expect(readCustomCatalogues({ it: english })).toEqual({ it: english });
  });

  it("holds the staff pages' words too: the hub takes them, a board leaves them out, a staff page shows them", async () => {
    // The template the command line writes: the board's keys, then the staff pages'.
    const base = { ...(await loadCatalogue('de')), ...(await loadStaffCatalogue('de')) };
    const template = JSON.parse(catalogueTemplate(base, ALL_ENGLISH)) as Record<string, string>;
    expect(Object.keys(template)).toEqual([...Object.keys(en), ...Object.keys(staffEn)]);
    expect(template['announce.post']).toBe('Durchsage veröffentlichen');

    await write('de.json', { 'board.now': 'Nun', 'control.title': 'Saalregie' });
    await write('fr.json', { 'control.title': 'Régie {room}' });
    const read = await readCatalogueFolder(join(dir, 'languages'));
    expect(read.problems).toEqual(['languages/fr.json: "control.title": {room} is not a placeholder of this key']);
    // A board has no staff catalogue: it keeps its own words and leaves the staff pages' out unchecked.
    expect(readCustomCatalogues(read.catalogues)).toEqual({ de: { 'board.now': 'Nun' } });
    const staff = readCustomCatalogues(read.catalogues, ALL_ENGLISH)!;
    setLanguage('de', { ...base, ...staff.de });
    expect([st('control.title'), st('announce.post'), t('board.now')]).toEqual(['Saalregie', 'Durchsage veröffentlichen', 'Nun']);
  });
});

describe('catalogues with the program', () => {
  it('go out with the program, follow an edit of the catalogue alone, and drop a file that turns bad', async () => {
    const file = join(dir, 'program.json');
    await writeFile(file, seedText);
    await write('de.json', { 'board.now': 'Jetzt gleich' });
    const logs: string[] = [];
    const source = new ProgramSource({ location: file, debounceMs: 50, statPollMs: 100, log: (l) => logs.push(l) });
    try {
      const first = await source.start();
      expect(first?.catalogues).toEqual({ de: { 'board.now': 'Jetzt gleich' } });
      // What a screen reads from the hub keeps them.
      const wire = readProgramUpdate(JSON.parse(JSON.stringify(first)));
      expect(wire.ok && wire.value.catalogues).toEqual({ de: { 'board.now': 'Jetzt gleich' } });

      const edited = nextUpdate(source, (u) => u.catalogues?.de?.['board.now'] === 'Nun');
      await write('de.json', { 'board.now': 'Nun' });
      expect((await edited).program).toBe(first!.program);

      const broken = nextUpdate(source, (u) => u.catalogues === undefined);
      await write('de.json', { 'board.now': 'Nun', 'board.next': ['Danach'] });
      await broken;
      expect(logs).toContain('languages/de.json: "board.next": must be text, not object; the screens keep the shipped words');
    } finally {
      source.stop();
    }
  });

  it('a screen drops a catalogue that arrives broken, keeping the program', () => {
    const update = JSON.parse(seedText) as unknown;
    const read = readProgramUpdate({
      program: update,
      status: { source: 'program.json', updatedAt: 1, offlineSince: null, error: null },
      catalogues: { de: { 'board.now': 'Jetzt' }, fr: { 'board.now': 3 }, '../x': { 'board.now': 'x' } },
    });
    expect(read.ok && read.value.catalogues).toEqual({ de: { 'board.now': 'Jetzt' } });
  });
});
