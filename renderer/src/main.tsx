/** Entry: the Electron preload's host when present, otherwise the web host over HTTP. */
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './styles/base.css';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SCREEN_STATE } from '../../core/screen/state.ts';
import { App } from './app.tsx';
import { createWebHost } from './host/web-host.ts';
import { parseQuery } from './query.ts';

const options = parseQuery(location.search);
const host =
  window.foyer ??
  createWebHost(
    {
      ...DEFAULT_SCREEN_STATE,
      name: 'Browser board',
      room: options.room ?? null,
      group: options.group ?? null,
      rooms: options.rooms ?? null,
      view: options.mode ?? 'board',
    },
    {
      version: import.meta.env.VITE_FOYER_VERSION ?? '0.1.0',
      clock: { at: options.at, speed: options.speed, realStart: Date.now() },
    },
  );

createRoot(document.getElementById('root')!).render(<App host={host} options={options} />);
