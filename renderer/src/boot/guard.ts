/**
 * The boot guard: a small classic script (built to ES2017 by vite.config.ts, loaded before the board's module, no
 * inline script under the CSP) that makes sure a board which cannot start is never silent. It installs the
 * polyfills and CSS fallbacks first; then, if the board's script fails to load, fails to parse, throws before its
 * first render, never renders, or later loses its whole tree, the page says so in plain words with the screen's
 * name, the error reaches the hub's fleet page as the screen's heartbeat, and the page reloads with back-off.
 */
import '../polyfills.ts';
import './record-early-keys.ts';
import { FIRST_BOARD, HUB_API, type HeartbeatAnswer } from '../../../core/hub/api.ts';
import { installCssFallbacks } from '../css-fallbacks.ts';
import { screenIdOf, screenNameOf, secretPlaceOf, tabStorage } from '../host/screen-identity.ts';
import { bootLanguage, failureHeartbeat, failureText, retryDelayMs } from './boot-failure.ts';
import { BOOT_FAILED, BOOT_STARTED, errorText } from './signals.ts';

/** A board that has not rendered this long after the page loaded will not. */
const START_DEADLINE_MS = 30_000;
const ATTEMPT_KEY = 'foyer.boot-attempt';

const loadedAt = Date.now();
let started = false;
let failed = false;
let retry: ReturnType<typeof setTimeout> | undefined;

installCssFallbacks();

const storage = tabStorage;
const screenId = screenIdOf(storage(), (count) => crypto.getRandomValues(new Uint8Array(count)));

function attempt(): number {
  const n = Number(storage()?.getItem(ATTEMPT_KEY));
  return Number.isFinite(n) && n > 0 ? n + 1 : 1;
}

/** The program's language, from the seed the hub put in the page (none without a hub, or if it cannot be read). */
function programLocale(): string | null {
  try {
    const seed = JSON.parse(document.getElementById(FIRST_BOARD.seedId)?.textContent ?? 'null') as {
      update?: { program?: { event?: { locale?: unknown } } };
    } | null;
    const locale = seed?.update?.program?.event?.locale;
    return typeof locale === 'string' ? locale : null;
  } catch {
    return null;
  }
}

function show(name: string, error: string, tries: number): void {
  const root = document.getElementById('root') ?? document.body;
  const lang = bootLanguage(location.search, programLocale());
  const text = failureText(name, error, tries, lang);
  const box = document.createElement('div');
  box.className = 'boot boot-failed';
  box.setAttribute('role', 'alert');
  box.setAttribute('lang', lang);
  if (lang === 'ar') box.setAttribute('dir', 'rtl');
  for (const [className, line] of [
    ['boot-headline', text.headline],
    ['boot-detail', text.detail],
    ['boot-retry', text.retry],
  ]) {
    const p = document.createElement('p');
    p.className = className!;
    p.textContent = line!;
    // The engine's own words (English, a file name) keep their direction on a right-to-left screen.
    if (className === 'boot-detail') p.dir = 'auto';
    box.appendChild(p);
  }
  while (root.lastChild) root.removeChild(root.lastChild);
  root.appendChild(box);
}

function report(name: string, error: string): void {
  const secret = secretPlaceOf(storage());
  const heartbeat = failureHeartbeat({
    id: screenId,
    name,
    search: location.search,
    version: import.meta.env.VITE_FOYER_VERSION ?? '0.1.0',
    window: { width: innerWidth, height: innerHeight },
    uptime: (Date.now() - loadedAt) / 1000,
    error,
  });
  const known = secret.read();
  // The hub may be the very thing that is down: then only the page says it.
  fetch(HUB_API.heartbeat, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(known !== null ? { ...heartbeat, secret: known } : heartbeat),
  })
    .then(async (response) => {
      // A first contact: the tab keeps the secret, so that the board (or this guard after the reload) is let in.
      if (response.status !== 200) return;
      const answer = (await response.json()) as Partial<HeartbeatAnswer>;
      if (typeof answer.secret === 'string') secret.write(answer.secret);
    })
    .catch(() => {});
}

function fail(error: string): void {
  if (failed) return;
  failed = true;
  const name = screenNameOf(location.search, screenId);
  const tries = attempt();
  storage()?.setItem(ATTEMPT_KEY, String(tries));
  const render = (): void => show(name, error, tries);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
  else render();
  report(name, error);
  retry = setTimeout(() => location.reload(), retryDelayMs(tries));
}

// Before the first render every error is the board's failing to start: a script that does not load (captured:
// a load error does not bubble), one that does not parse, one that throws. Images and fonts may fail quietly.
addEventListener(
  'error',
  (event) => {
    if (started) return;
    const target = event.target;
    if (target instanceof HTMLScriptElement || (target instanceof HTMLLinkElement && target.rel === 'modulepreload'))
      fail(`${(target as HTMLScriptElement).src || (target as HTMLLinkElement).href} did not load`);
    else if (target === window || !(target instanceof Element))
      fail(event.error !== undefined && event.error !== null ? errorText(event.error) : event.message);
  },
  true,
);
addEventListener('unhandledrejection', (event) => {
  if (!started) fail(errorText(event.reason));
});
document.addEventListener(BOOT_STARTED, () => {
  started = true;
  storage()?.removeItem(ATTEMPT_KEY);
  // An early error that did not stop the board (its render replaced the message): no reload after all.
  clearTimeout(retry);
  failed = false;
});
// After the start too: the board lost its whole tree (a render error no boundary caught).
document.addEventListener(BOOT_FAILED, (event) => fail(String((event as CustomEvent<string>).detail)));
addEventListener('load', () =>
  setTimeout(() => {
    if (!started) fail(`the board did not start within ${START_DEADLINE_MS / 1000} s of the page loading`);
  }, START_DEADLINE_MS),
);
