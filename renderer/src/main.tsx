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
import { DEFAULT_SCREEN_STATE } from '../../core/screen/state.ts';
import { App } from './app.tsx';
import { signalFailed, signalStarted } from './boot/signals.ts';
import { installCssFallbacks } from './css-fallbacks.ts';
import { browserIo } from './host/browser-io.ts';
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
  return createBrowserHost(
    {
      ...DEFAULT_SCREEN_STATE,
      name: screen.name,
      room: options.room ?? null,
      group: options.group ?? null,
      rooms: options.rooms ?? null,
      view: options.view ?? 'board',
    },
    {
      version: import.meta.env.VITE_FOYER_VERSION ?? '0.1.0',
      clock: { at: options.at, speed: options.speed, realStart: Date.now() },
      sleep: screen.sleep,
      display: options.display,
    },
    { id: screenIdOf(io.storage, (count) => crypto.getRandomValues(new Uint8Array(count))), token },
    io,
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
createRoot(document.getElementById('root')!, { onUncaughtError }).render(
  <>
    <App host={host} options={options} />
    <Started />
  </>,
);
