/**
 * The server bundle's entry (out/renderer-server/render-board.js, built with the board by renderer/vite.config.ts):
 * the board's own components rendered to HTML for a request's URL, program and live state, which the hub
 * (core/hub/server/first-board.ts) puts into the page it serves. Now is on screen before any script has run, and a
 * player whose script never runs still shows a correct board. What would be a style attribute (the palette, the
 * size floors' factors, a progress bar) becomes a rule in the board's own stylesheet: the CSP allows no inline style.
 */
import { create as createQr } from 'qrcode';
import { renderToString } from 'react-dom/server';
import type { FoyerHost, HostInfo } from '../../../core/host-contract.ts';
import type { FirstBoardRequest, RenderFirstBoard } from '../../../core/hub/api.ts';
import { ScreenClock } from '../../../core/screen/clock.ts';
import { ar } from '../../../core/i18n/catalogues/ar.ts';
import { de } from '../../../core/i18n/catalogues/de.ts';
import { en } from '../../../core/i18n/catalogues/en.ts';
import { es } from '../../../core/i18n/catalogues/es.ts';
import { fr } from '../../../core/i18n/catalogues/fr.ts';
import { sv } from '../../../core/i18n/catalogues/sv.ts';
import { baseOf, setLanguage, type Catalogue } from '../../../core/i18n/index.ts';
import { customFor } from '../../../core/i18n/catalogue-file.ts';
import { Board } from '../app.tsx';
import { PortraitOnServer } from '../hooks/use-orientation.ts';
import { initialScreenState } from '../host/initial-state.ts';
import { parseScreenOptions } from '../host/screen-options.ts';
import { parseQuery } from '../query.ts';
import { withoutStyleAttributes } from './style-attributes.ts';
import noScript from './no-script.css?inline';
import unfitted from './unfitted.css?inline';
import untilFitted from './until-fitted.css?inline';
import oldEngines from '../styles/old-engines.css?inline';
import { withoutFlexGap } from './without-flex-gap.ts';
import { encodeAtOnce } from '../features/agenda/qr-matrix.ts';

const nothing = (): void => {};
// The program's QR code in the page itself: a player that runs no script shows it too.
encodeAtOnce(createQr);
// What a player that runs no script gets: its own rules, and the spaces of the flex gaps as margins.
const noScriptCss = `${withoutFlexGap(oldEngines)}\n${noScript}`;
// The hub answers at once, so every catalogue is in the server bundle (the page's script loads its own lazily).
const CATALOGUES: Record<string, Partial<Catalogue>> = { en, de, fr, es, sv, ar };

export const renderFirstBoard: RenderFirstBoard = ({ search, update, live, realNow }: FirstBoardRequest) => {
  const options = parseQuery(search);
  const screen = parseScreenOptions(search);
  const state = initialScreenState(options, screen, live);
  // What main.tsx gives the page's host, with the request's instant as the clock's start.
  const info: HostInfo = {
    version: import.meta.env.VITE_FOYER_VERSION ?? '0.1.0',
    host: 'web',
    clock: { at: options.at, speed: options.speed, realStart: realNow },
    sleep: screen.sleep,
    display: options.display,
  };
  const host: FoyerHost = {
    info,
    onProgram: (listener) => (listener(update), nothing),
    onStatus: () => nothing,
    onState: (listener) => (listener(state), nothing),
  };
  const clock = new ScreenClock(info.clock, update.program.event.timezone);
  const event = update.program.event;
  const lang = options.lang?.[0] ?? event.locale ?? 'en';
  const clockStyle = options.clock ?? event.display?.clock ?? '24';
  const custom = customFor(update.catalogues, lang);
  const shipped = CATALOGUES[baseOf(lang)] ?? en;
  setLanguage(lang, custom ? { ...shipped, ...custom } : shipped, clockStyle, options.lang ?? [lang]);
  // The hub does not know the screen's shape: both, the page's first fit keeps the one that fits the screen.
  const render = (portrait: boolean): string =>
    renderToString(
      <PortraitOnServer.Provider value={portrait}>
        <Board host={host} update={update} state={state} clock={clock} options={options} language={`${lang} ${clockStyle}`} />
      </PortraitOnServer.Provider>,
    );
  try {
    const board = withoutStyleAttributes(render(false), render(true));
    return { ...board, css: `${untilFitted}\n${unfitted}\n${board.css}`, noScriptCss };
  } finally {
    // One hub renders for screens of every language: none keeps another's.
    setLanguage('en', en, '24');
  }
};
