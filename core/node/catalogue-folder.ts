/**
 * The catalogue folder beside a program file (`languages/` next to `program.json`): each `<tag>.json` in it adds or
 * overrides a language on every screen that program reaches. A file with a problem is left out, with the problem
 * (file, key, what is wrong) reported; the other files and the shipped words stay.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CATALOGUE_MAX_BYTES,
  languageOfFile,
  readCatalogueText,
  type CustomCatalogues,
  type FileWords,
} from '../i18n/catalogue-file.ts';
import { ALL_ENGLISH } from '../i18n/staff.ts';

export const CATALOGUE_FOLDER = 'languages';

export interface CatalogueFolderRead {
  /** By language tag; undefined when the folder holds none (or is not there). */
  catalogues: CustomCatalogues | undefined;
  problems: string[];
}

async function catalogueFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    // No folder is the usual case: no catalogue of one's own.
    return [];
  }
}

/** Reads every catalogue in `folder`; `shownAs` names the folder in problems (`languages`, not a full path). */
export async function readCatalogueFolder(folder: string, shownAs = CATALOGUE_FOLDER): Promise<CatalogueFolderRead> {
  const catalogues: Record<string, FileWords> = {};
  const problems: string[] = [];
  for (const name of await catalogueFiles(folder)) {
    const shown = `${shownAs}/${name}`;
    if (languageOfFile(name) === null) {
      problems.push(`${shown}: the name must be a language tag and .json, like de.json or pt-BR.json`);
      continue;
    }
    let text: string;
    try {
      const info = await stat(join(folder, name));
      if (info.size > CATALOGUE_MAX_BYTES) {
        problems.push(`${shown}: larger than ${CATALOGUE_MAX_BYTES / 1024} KiB`);
        continue;
      }
      text = await readFile(join(folder, name), 'utf8');
    } catch (error) {
      problems.push(`${shown}: could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    // The staff pages' words too: the hub hands the files to its control and fleet pages.
    const read = readCatalogueText(text, shown, ALL_ENGLISH);
    if (read.ok) catalogues[read.lang] = read.catalogue;
    else problems.push(...read.errors);
  }
  return { catalogues: Object.keys(catalogues).length > 0 ? catalogues : undefined, problems };
}

/** What changes when a catalogue is added, removed or edited: names, sizes and modification times. */
export async function catalogueFolderSignature(folder: string): Promise<string> {
  const parts: string[] = [];
  for (const name of await catalogueFiles(folder)) {
    try {
      const info = await stat(join(folder, name));
      parts.push(`${name}:${info.size}:${info.mtimeMs}`);
    } catch {
      parts.push(`${name}:gone`);
    }
  }
  return parts.join('|');
}
