/** The browser's side of the web host (web-host.ts): fetch, EventSource, the keyboard, storage. */
import { STREAM_EVENT_TYPES, HUB_API } from '../../../core/hub/api.ts';
import type { WebHostIo } from './web-host.ts';

export function browserIo(): WebHostIo {
  return {
    fetchProgram: () =>
      fetch(HUB_API.program).then(
        (response) => (response.ok ? response.text() : null),
        () => null,
      ),
    openStream(screen, handlers) {
      const events = new EventSource(`${HUB_API.events}?screen=${encodeURIComponent(screen)}`);
      events.onopen = () => handlers.open();
      // EventSource would retry by itself every few seconds, all screens at once; the host retries with back-off instead.
      events.onerror = () => {
        events.close();
        handlers.error();
      };
      // EventSource hands on only the named events it is told of: all of them, from the contract.
      for (const type of STREAM_EVENT_TYPES)
        events.addEventListener(type, (event) => handlers.event(type, (event as MessageEvent<string>).data));
      return () => events.close();
    },
    async post(path, body, token) {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, body: await response.text() };
    },
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
