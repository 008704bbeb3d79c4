/**
 * The screen's language and clock: `?lang=` / `--lang` over the program's
 * `event.locale`, `?clock=` over `event.display.clock`. The catalogue is a
 * chunk of its own, loaded when first needed; until it is there the screen
 * keeps the language it had (English at first, unless main.tsx set the URL's). Returns a key that changes
 * when the language does, so the board is drawn again in the new words.
 */
import { useEffect, useState } from 'react';
import { clockStyle, directionOf, language, loadCatalogue, setLanguage, type ClockStyle } from '../../../core/i18n/index.ts';

export function useLanguage(lang: string, clock: ClockStyle): string {
  const wanted = `${lang} ${clock}`;
  // What is set already (main.tsx loads the URL's language before the first board is drawn over the hub's).
  const [shown, setShown] = useState(() => `${language()} ${clockStyle()}`);
  useEffect(() => {
    let live = true;
    loadCatalogue(lang).then(
      (catalogue) => {
        if (!live) return;
        setLanguage(lang, catalogue, clock);
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
  }, [lang, clock, wanted]);
  return shown;
}
