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
import { h } from '../staff/dom.ts';
import { staffAccess } from '../staff/staff-access.ts';
import { renderControl, type ControlUi, type Intent, type Kept } from './control-view.ts';
import { announceForm, formKey } from './announce-form.ts';
import './control.css';

const REFRESH_MS = 3_000;
/** The emergency confirm step closes by itself: a forgotten one must not be confirmed by a later stray tap. */
const CONFIRM_MS = 10_000;

const root = document.getElementById('control')!;
const status = root.querySelector<HTMLElement>('.control-status')!;
const alert = h('div', { class: 'alert', role: 'alert' });
const staff = staffAccess({
  page: 'This page',
  needToken: (message) => {
    connectionError = message;
    body.hidden = true;
    status.textContent = 'Not connected';
    showAlert();
  },
  refresh: () => void refresh(),
});
const tokenForm = staff.form;
const body = h('div', { class: 'control-body' });
root.append(alert, tokenForm, body);

let view: ControlView | null = null;
const kept: Kept = {
  form: null,
  emergencyText: h('textarea', { id: 'emergency-text', rows: '3', maxlength: '200', dir: 'auto' }) as HTMLTextAreaElement,
};
let keptFormKey = '';
const ui: ControlUi = { confirming: false, busy: false };
let confirmTimer: ReturnType<typeof setTimeout> | undefined;
/** Problems reaching the hub (cleared by the next answer) and with the last command (cleared by the next one). */
let connectionError: string | null = null;
let commandError: string | null = null;
let shownKey = '';
/** Refreshes in the order they were asked for: an answer older than the one shown (a poll overtaken by a command) is dropped. */
let asked = 0;
let shownAnswer = 0;

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
  if (formKey(view) !== keptFormKey) {
    keptFormKey = formKey(view);
    kept.form = announceForm(view, send);
  }
  if (kept.emergencyText.value === '') kept.emergencyText.value = view.emergencyDefault;
  body.replaceChildren(...renderControl(view, ui, (intent) => void act(intent), kept));
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
    response = await staff.call(HUB_API.control);
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
    case 'post-announcement':
    case 'stop-announcement':
      return 'this announcement';
    case 'undo':
      return 'the state (the change to undo is no longer the newest)';
  }
}

/** Sends a command made against the version shown; true once the hub applied it. */
async function send(command: LiveCommand): Promise<boolean> {
  if (view === null) return false;
  ui.busy = true;
  render();
  try {
    const response = await staff.call(HUB_API.command, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ command, version: view.version, by: 'control page' }),
    });
    if (response === null) return false;
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
  return commandError === null;
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
  if ('emergencyOn' in intent) {
    // The default text is the screens' own: sent only when staff wrote their own words.
    const text = kept.emergencyText.value.trim().slice(0, 200);
    const own = text !== '' && text !== view?.emergencyDefault;
    await send({ type: 'set-emergency', on: true, ...(own ? { text } : {}) });
    return;
  }
  await send(intent.command);
}

void refresh();
setInterval(() => void refresh(), REFRESH_MS);
