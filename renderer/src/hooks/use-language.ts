/**
 * The screen's language and clock: `?lang=` / `--lang` over the program's
 * `event.locale`, `?clock=` over `event.display.clock`. The catalogue is a
 * chunk of its own, loaded when first needed, with the words of a catalogue file
 * beside the program (ProgramUpdate.catalogues) over it; until it is there the screen
 * keeps the language it had (English at first, unless main.tsx set the URL's). With two languages (`?lang=de,en`)
 * `lang` is the one whose turn it is (use-language-turn.ts). Returns a key that changes
 * when the words do, so the board is drawn again in the new words.
 */
import { useEffect, useState } from 'react';
import { customFor, type CustomCatalogues } from '../../../core/i18n/catalogue-file.ts';
import {
  clockStyle,
  directionOf,
  language,
  loadCatalogue,
  setLanguage,
  type ClockStyle,
  type Catalogue,
} from '../../../core/i18n/index.ts';

/** A short digest of a catalogue's words: the same words from a new program update are the same key (no redraw). */
function digest(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = (hash * 33) ^ text.charCodeAt(i);
  return (hash >>> 0).toString(36);
}

export function useLanguage(
  lang: string,
  clock: ClockStyle,
  catalogues?: CustomCatalogues,
  /** All the screen's languages (`?lang=de,en`): loaded at once, so a turn to the next has its words at hand. */
  languages: readonly string[] = [lang],
): string {
  const all = languages.join(',');
  useEffect(() => {
    for (const each of all.split(',')) loadCatalogue(each).catch(() => {});
  }, [all]);
  const custom = customFor(catalogues, lang);
  const words = custom ? JSON.stringify(custom) : '';
  const wanted = `${lang} ${clock}${all === lang ? '' : ` of ${all}`}${custom ? ` +${digest(words)}` : ''}`;
  // What is set already (main.tsx loads the URL's language before the first board is drawn over the hub's).
  const [shown, setShown] = useState(() => `${language()} ${clockStyle()}`);
  useEffect(() => {
    let live = true;
    loadCatalogue(lang).then(
      (catalogue) => {
        if (!live) return;
        const own = words === '' ? undefined : (JSON.parse(words) as Partial<Catalogue>);
        setLanguage(lang, own ? { ...catalogue, ...own } : catalogue, clock, all.split(','));
        document.documentElement.lang = lang;
        document.documentElement.dir = directionOf(lang);
        setShown(wanted);
      },
      (error: unknown) => {
        // The hub was updated under a running screen and the chunk is gone: stay in the language shown.
        console.error(error);
      },
    );
    return () => {
      live = false;
    };
  }, [lang, clock, words, all, wanted]);
  return shown;
}
