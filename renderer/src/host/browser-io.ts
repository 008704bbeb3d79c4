/** What the browser host (browser-host.ts) uses of the browser: the hub over EventSource, the keyboard, storage. */
import type { BrowserHostIo } from './browser-host.ts';
import { eventSourceTransport } from './hub-transport.ts';

export function browserIo(): BrowserHostIo {
  return {
    hub: eventSourceTransport(),
    keys: window,
    reload: () => location.reload(),
    log: (line) => console.warn(`foyer: ${line}`),
    storage: (() => {
      try {
        return window.localStorage;
      } catch {
        return null;
      }
    })(),
    random: Math.random,
    viewport: () => ({ width: window.innerWidth, height: window.innerHeight }),
  };
}
