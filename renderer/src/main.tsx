/** Entry: the Electron preload's host when present, otherwise the browser host, connected to the hub that served the page. */
import './polyfills.ts';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './fonts/noto-sans-arabic/arabic.css';
import './styles/base.css';
import './styles/old-engines.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { signalFailed, signalStarted } from './boot/signals.ts';
import { installCssFallbacks } from './css-fallbacks.ts';
import { directionOf, loadCatalogue, setLanguage } from '../../core/i18n/index.ts';
import { firstBoardSeed } from './first-board/seed.ts';
import { browserIo } from './host/browser-io.ts';
import { initialScreenState } from './host/initial-state.ts';
import { parseScreenOptions } from './host/screen-options.ts';
import { screenIdOf, takeStaffToken } from './host/staff-token.ts';
import { createBrowserHost } from './host/browser-host.ts';
import { parseQuery } from './query.ts';

installCssFallbacks();
const options = parseQuery(location.search);

function browserHost() {
  const io = browserIo();
  const screen = parseScreenOptions(location.search);
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
    { id: screenIdOf(io.storage, (count) => crypto.getRandomValues(new Uint8Array(count))), token },
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
      setLanguage(lang, catalogue, options.clock ?? '24');
      document.documentElement.lang = lang;
      document.documentElement.dir = directionOf(lang);
    },
    (error: unknown) => console.error(error),
  );
}

// Replaces the first board the hub put in #root (if any) with the same board, live, in one commit.
void urlLanguage().then(() =>
  createRoot(document.getElementById('root')!, { onUncaughtError }).render(
    <>
      <App host={host} options={options} />
      <Started />
    </>,
  ),
);
