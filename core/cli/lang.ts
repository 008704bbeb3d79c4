/**
 * npm run lang -- template LANG [-o FILE]
 * npm run lang -- check FILE...
 *
 * Catalogue files beside the program (docs/languages.md): `template` writes every key (the board's, then the staff
 * pages') with its text in LANG (the
 * shipped translation, English where Foyer has none) to translate or override; `check` says what a screen would
 * say of a file: every unknown key, non-text value and missing placeholder, by file and key.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { catalogueTemplate, readCatalogueText } from '../i18n/catalogue-file.ts';
import { loadCatalogue } from '../i18n/index.ts';
import { ALL_ENGLISH, loadStaffCatalogue } from '../i18n/staff.ts';
import { capLines } from '../lines.ts';
import { complain, quietOnClosedPipe, readArgs, say, SHOWN_PROBLEMS } from './output.ts';

const USAGE = 'usage: npm run lang -- template LANG [-o languages/LANG.json] | npm run lang -- check languages/LANG.json...';

async function main(): Promise<number> {
  const args = readArgs(
    { allowPositionals: true, options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const [command, ...rest] = args.positionals;
  if (command === 'template' && rest.length === 1) {
    const lang = rest[0]!;
    // The board's words and the staff pages' (control, fleet): one file holds both.
    const text = catalogueTemplate({ ...(await loadCatalogue(lang)), ...(await loadStaffCatalogue(lang)) }, ALL_ENGLISH);
    const out = args.values.out;
    if (out === undefined) process.stdout.write(text);
    else {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
      say(`${out}: every key, in ${lang} where Foyer has it and in English otherwise`);
    }
    return 0;
  }
  if (command === 'check' && rest.length > 0) {
    let good = true;
    for (const file of rest) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        complain(`${file}: could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        good = false;
        continue;
      }
      const read = readCatalogueText(text, file, ALL_ENGLISH);
      if (read.ok) say(`${file}: OK, ${Object.keys(read.catalogue).length} texts in ${read.lang}`);
      else {
        for (const line of capLines(read.errors, SHOWN_PROBLEMS)) complain(line);
        good = false;
      }
    }
    return good ? 0 : 1;
  }
  complain(USAGE);
  return 2;
}

quietOnClosedPipe();
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    complain(`lang: internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
