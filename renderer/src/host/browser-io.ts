/**
 * What the browser host (browser-host.ts) uses of the browser: the hub over EventSource, the keyboard (and the keys
 * the boot guard kept while the board started), storage.
 */
import { takeEarlyKeys } from '../boot/early-keys.ts';
import type { BrowserHostIo } from './browser-host.ts';
import { eventSourceTransport } from './hub-transport.ts';

export function browserIo(): BrowserHostIo {
  return {
    hub: eventSourceTransport(),
    keys: window,
    earlyKeys: () => takeEarlyKeys(window),
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
