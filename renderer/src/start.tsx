/**
 * The board's start: the Electron preload's host when present, otherwise the browser host, connected to the hub that
 * served the page; then the board, drawn over the hub's first board (if any) in one commit. Loaded by main.tsx, once
 * the hub's first board has been painted.
 */
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { signalFailed, signalStarted } from './boot/signals.ts';
import { installCssFallbacks } from './css-fallbacks.ts';
import { directionOf, loadCatalogue, setLanguage } from '../../core/i18n/index.ts';
import { encodeAtOnce } from './features/agenda/qr-matrix.ts';
import { FIRST_BOARD } from '../../core/hub/api.ts';
import { firstBoardSeed } from './first-board/seed.ts';
import { browserIo } from './host/browser-io.ts';
import { initialScreenState } from './host/initial-state.ts';
import { parseScreenOptions } from './host/screen-options.ts';
import { keepIdOwn, screenIdOf, screenNameOf, secretPlaceOf, tabChannel, tabStorage } from './host/screen-identity.ts';
import { takeStaffToken } from './host/staff-token.ts';
import { createBrowserHost } from './host/browser-host.ts';
import { parseQuery } from './query.ts';

installCssFallbacks();
const options = parseQuery(location.search);

function browserHost() {
  const io = browserIo();
  // Each tab is its own screen on the fleet page: its own id, its secret, its name from the URL or its id.
  const tab = tabStorage();
  const id = screenIdOf(tab, (count) => crypto.getRandomValues(new Uint8Array(count)));
  keepIdOwn(id, tab, () => location.reload(), tabChannel());
  const screen = { ...parseScreenOptions(location.search), name: screenNameOf(location.search, id) };
  const token = takeStaffToken({
    hash: location.hash,
    storage: io.storage,
    clearFragment: () => history.replaceState(history.state, '', location.pathname + location.search),
  });
  const seed = firstBoardSeed(document, (line) => io.log(line));
  return createBrowserHost(
    initialScreenState(options, screen, seed?.live ?? null),
    {
      version: import.meta.env.VITE_FOYER_VERSION ?? '0.1.0',
      clock: { at: options.at, speed: options.speed, realStart: Date.now() },
      sleep: screen.sleep,
      display: options.display,
    },
    { id, token, secret: secretPlaceOf(tab) },
    io,
    seed,
  );
}

const host = window.foyer ?? browserHost();

/** Tells the boot guard (boot/guard.ts) the board is on the page. */
function Started() {
  useEffect(signalStarted, []);
  return null;
}

// A render error no boundary caught leaves nothing on screen: the boot guard says so and reloads.
const onUncaughtError = (error: unknown): void => {
  console.error(error);
  signalFailed(error);
};
/**
 * The URL's language is loaded before the first commit, so the hub's first board (drawn in that language) is
 * replaced by the same words, not by English for a moment. No top-level await: the oldest players lack it.
 */
function urlLanguage(): Promise<void> {
  const lang = options.lang?.[0];
  if (lang === undefined) return Promise.resolve();
  return loadCatalogue(lang).then(
    (catalogue) => {
      setLanguage(lang, catalogue, options.clock ?? '24', options.lang);
      document.documentElement.lang = lang;
      document.documentElement.dir = directionOf(lang);
    },
    (error: unknown) => console.error(error),
  );
}

/**
 * The hub drew the program's QR code in the first board: the encoder (a chunk of its own) is loaded before the first
 * commit, so the script's board draws the code too instead of a blank square until the chunk is in (issue #20).
 */
function firstBoardQrEncoder(): Promise<void> {
  if (document.querySelector('#root svg.qr') === null) return Promise.resolve();
  return import('qrcode').then(
    ({ create }) => encodeAtOnce(create),
    // The board starts all the same; its code tries the chunk again and, failing, leaves the rest alone.
    (error: unknown) => console.error(error),
  );
}

// Replaces the first board the hub put in #root (if any) with the same board, live, in one commit. The rules of the hub's
// board before its first fit (first-board/until-fitted.css, unfitted.css) never touch it, even where that fit never
// ran (its script failed to load).
void Promise.all([urlLanguage(), firstBoardQrEncoder()]).then(() => {
  document.documentElement.setAttribute(FIRST_BOARD.fittingAttribute, '');
  document.documentElement.setAttribute(FIRST_BOARD.fittedAttribute, '');
  createRoot(document.getElementById('root')!, { onUncaughtError }).render(
    <>
      <App host={host} options={options} />
      <Started />
    </>,
  );
});
