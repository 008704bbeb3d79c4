/**
 * The hub session's transport in a browser (core/hub-client/session.ts): the
 * event stream through EventSource, requests with fetch, on the page's own
 * origin (the hub that served it) unless told another base.
 */
import { STREAM_EVENT_TYPES, HUB_API } from '../../../core/hub/api.ts';
import type { HubTransport } from '../../../core/hub-client/session.ts';

export function eventSourceTransport(base = ''): HubTransport {
  return {
    fetchProgram: () =>
      fetch(base + HUB_API.program).then(
        (response) => (response.ok ? response.text() : null),
        () => null,
      ),
    fetchState: () =>
      fetch(base + HUB_API.state, { signal: AbortSignal.timeout(10_000) }).then(
        (response) => (response.ok ? response.text() : null),
        () => null,
      ),
    openStream(screen, handlers) {
      const events = new EventSource(`${base}${HUB_API.events}?screen=${encodeURIComponent(screen)}`);
      events.onopen = () => handlers.open();
      // EventSource would retry by itself every few seconds, all screens at once; the session retries with back-off instead.
      events.onerror = () => {
        events.close();
        handlers.error();
      };
      // EventSource hands on only the named events it is told of: all of them, from the contract
      // (the hub's keep-alive too: it shows no comments, and the session's watchdog needs to hear the hub).
      for (const type of STREAM_EVENT_TYPES)
        events.addEventListener(type, (event) => handlers.event(type, (event as MessageEvent<string>).data));
      return () => events.close();
    },
    async post(path, body, token) {
      const response = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, body: await response.text() };
    },
  };
}
