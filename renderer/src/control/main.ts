/**
 * The control page (/control), for staff on a phone: per room today's delay
 * and status, the emergency message, undo. Everything goes through the one
 * command path (POST /api/command with the staff token), each value made
 * against the live-state version the page showed; a 409 brings the current
 * state, shown, to decide again. The token comes as on the fleet page
 * (`#staff=TOKEN`, taken out of the address at once, kept for this origin).
 * Refreshed every 3 s; every failure is said on the page in plain words.
 * It shows the hub's today, never a rehearsal: a delay counts from the moment
 * it is set, on the hub's clock.
 */
import '../polyfills.ts';
import { DateTime } from 'luxon';
import { HUB_API, type CommandConflict, type LiveCommand } from '../../../core/hub/api.ts';
import type { ControlView } from '../../../core/hub/rules/control-view.ts';
import { forgetStaffToken, takeStaffToken } from '../host/staff-token.ts';
import { h } from '../fleet/fleet-table.ts';
import { renderControl, type ControlUi, type Intent } from './control-view.ts';
import './control.css';

const REFRESH_MS = 3_000;
/** A request the hub does not answer in this time counts as the hub not answering: never "Loading…" for ever. */
const TIMEOUT_MS = 8_000;
/** The emergency confirm step closes by itself: a forgotten one must not be confirmed by a later stray tap. */
const CONFIRM_MS = 10_000;

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const tokenFromAddress = () =>
  takeStaffToken({
    hash: location.hash,
    storage,
    clearFragment: () => history.replaceState(history.state, '', location.pathname + location.search),
  });
let token = tokenFromAddress();
window.addEventListener('hashchange', () => {
  token = tokenFromAddress();
  void refresh();
});

const root = document.getElementById('control')!;
const status = root.querySelector<HTMLElement>('.control-status')!;
const alert = h('div', { class: 'alert', role: 'alert' });
const tokenForm = h(
  'form',
  { class: 'token-form', hidden: '' },
  h('label', { for: 'token' }, 'Staff token'),
  h('input', { id: 'token', type: 'password', autocomplete: 'off', required: '' }),
  h('button', { type: 'submit' }, 'Open'),
) as HTMLFormElement;
const body = h('div', { class: 'control-body' });
root.append(alert, tokenForm, body);

let view: ControlView | null = null;
const ui: ControlUi = { confirming: false, busy: false };
let confirmTimer: ReturnType<typeof setTimeout> | undefined;
/** Problems reaching the hub (cleared by the next answer) and with the last command (cleared by the next one). */
let connectionError: string | null = null;
let commandError: string | null = null;
let shownKey = '';
/** Refreshes in the order they were asked for: an answer older than the one shown (a poll overtaken by a command) is dropped. */
let asked = 0;
let shownAnswer = 0;

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = tokenForm.querySelector('input')!;
  token = takeStaffToken({ hash: `#staff=${encodeURIComponent(input.value)}`, storage, clearFragment: () => {} });
  input.value = '';
  void refresh();
});

/** The time now in the event's zone (the phone's own before the page knows the event). */
const now = (): string => (view ? DateTime.now().setZone(view.feed.timezone) : DateTime.now()).toFormat('HH:mm:ss');
/** When the hub stopped answering: "since" stays the first failure's time, however many retries follow. */
let downSince: string | null = null;

function showAlert(): void {
  const lines = [connectionError, commandError].filter((l): l is string => l !== null);
  alert.replaceChildren(...lines.map((l) => h('p', {}, l)));
  alert.hidden = lines.length === 0;
}

function render(): void {
  showAlert();
  if (view === null) return;
  // Rebuilt only when something shown changed: a button under a finger is not replaced every 3 s.
  const key = JSON.stringify([{ ...view, feed: { ...view.feed, at: '' } }, ui]);
  if (key === shownKey) return;
  shownKey = key;
  body.replaceChildren(...renderControl(view, ui, (intent) => void act(intent)));
}

function needToken(message: string): void {
  connectionError = message;
  tokenForm.hidden = false;
  body.hidden = true;
  status.textContent = 'Not connected';
  showAlert();
}

/** A request with the token and a time limit; null when there is no token or the hub refused it (said on the page). */
async function call(path: string, init: RequestInit = {}): Promise<Response | null> {
  if (token === null) {
    needToken('This page needs the staff token: open it with #staff=TOKEN at the end of the address, or enter it here.');
    return null;
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      ...init,
      signal: abort.signal,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
    if (response.status === 401) {
      forgetStaffToken(storage);
      token = null;
      needToken('The hub refused this staff token (wrong or replaced). Enter the current one.');
      return null;
    }
    return response;
  } finally {
    clearTimeout(timer);
  }
}

async function errorOf(response: Response): Promise<string> {
  try {
    return ((await response.json()) as { error?: string }).error ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

/** A failed answer in plain words. */
async function problem(response: Response): Promise<string> {
  const detail = await errorOf(response);
  if (response.status === 429)
    return `The hub refuses staff requests from this phone for a while after wrong tokens (${detail}).`;
  if (response.status >= 500) return `The hub could not do it (error ${response.status}: ${detail}). Try again.`;
  return `The hub refused it (error ${response.status}: ${detail}).`;
}

async function refresh(): Promise<void> {
  const mine = ++asked;
  let response;
  try {
    response = await call(HUB_API.control);
  } catch {
    downSince ??= now();
    connectionError = `The hub does not answer (since ${downSince}): check this phone's network. Retrying every few seconds…`;
    status.textContent = view === null ? 'Not connected' : `Not connected · showing the state as of ${shownAt()}`;
    render();
    return;
  }
  if (response === null) return;
  if (!response.ok) {
    connectionError = await problem(response);
    status.textContent = 'Not connected';
    render();
    return;
  }
  let answer: ControlView;
  try {
    answer = (await response.json()) as ControlView;
  } catch {
    // Cut off mid-answer, or something other than the hub answering (a captive portal).
    connectionError = `The hub's answer could not be read (at ${now()}); retrying…`;
    status.textContent = 'Not connected';
    render();
    return;
  }
  if (mine < shownAnswer) return;
  shownAnswer = mine;
  view = answer;
  connectionError = null;
  downSince = null;
  tokenForm.hidden = true;
  body.hidden = false;
  status.textContent = `Live state v${view.version} · as of ${shownAt()}`;
  render();
}

const shownAt = (): string => (view === null ? '—' : DateTime.fromISO(view.feed.at, { setZone: true }).toFormat('HH:mm:ss'));

/** What a command changes, in words, for "someone else changed … meanwhile". */
function subjectOf(command: LiveCommand): string {
  const room = 'room' in command ? (view?.feed.rooms.find((r) => r.id === command.room)?.name ?? command.room) : '';
  switch (command.type) {
    case 'set-delay':
      return `${room}'s delay`;
    case 'set-room-status':
      return `${room}'s status`;
    case 'set-emergency':
      return 'the emergency message';
    case 'set-announcements':
      return 'the announcements';
    case 'undo':
      return 'the state (the change to undo is no longer the newest)';
  }
}

async function send(command: LiveCommand): Promise<void> {
  if (view === null) return;
  ui.busy = true;
  render();
  try {
    const response = await call(HUB_API.command, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ command, version: view.version, by: 'control page' }),
    });
    if (response === null) return;
    if (response.status === 409) {
      const conflict = (await response.json()) as CommandConflict;
      commandError =
        `Not applied: someone else changed ${subjectOf(command)} meanwhile. ` +
        `The page now shows it as it is (live state v${conflict.live.version}); tap again if your change is still needed.`;
    } else if (!response.ok) commandError = `Not applied. ${await problem(response)}`;
    else commandError = null;
  } catch {
    commandError = `Not applied: the hub did not answer (at ${now()}). Check this phone's network and tap again.`;
  } finally {
    ui.busy = false;
  }
  await refresh();
}

async function act(intent: Intent): Promise<void> {
  clearTimeout(confirmTimer);
  if ('confirmEmergency' in intent) {
    ui.confirming = intent.confirmEmergency;
    if (ui.confirming)
      confirmTimer = setTimeout(() => {
        ui.confirming = false;
        render();
      }, CONFIRM_MS);
    render();
    return;
  }
  ui.confirming = false;
  await send(intent.command);
}

void refresh();
setInterval(() => void refresh(), REFRESH_MS);
