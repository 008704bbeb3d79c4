/**
 * The control page (/control), for staff on a phone: per room today's delay
 * and status, the emergency message, undo. Everything goes through the one
 * command path (POST /api/command with the staff token), each value made
 * against the live-state version the page showed; a 409 brings the current
 * state, shown, to decide again. The token comes as on the fleet page
 * (`#staff=TOKEN`, taken out of the address at once, kept for this origin).
 * Refreshed every 3 s; every failure is said on the page in plain words.
 * It shows the hub's today, never a rehearsal: a delay counts from the moment
 * it is set, on the hub's clock. Its words are in the program's language or
 * the address's `?lang=` (staff/staff-language.ts), its times in the event's
 * zone and clock.
 */
import '../polyfills.ts';
import { DateTime } from 'luxon';
import { CONTROL_PAGE_BY, HUB_API, type CommandConflict, type LiveCommand, type RefusalBody } from '../../../core/hub/api.ts';
import type { ControlView } from '../../../core/hub/rules/control-view.ts';
import { saidOr, st, staffParts, type SaidPart } from '../../../core/i18n/staff.ts';
import { h } from '../staff/dom.ts';
import { nodesOf } from '../staff/said.ts';
import { staffAccess } from '../staff/staff-access.ts';
import { pageLanguage, timeOfDay } from '../staff/staff-language.ts';
import { emergencyDefault, renderControl, type ControlUi, type Intent, type Kept } from './control-view.ts';
import { announceForm, formKey } from './announce-form.ts';
import '../fonts/noto-sans-arabic/arabic.css';
import './control.css';

const REFRESH_MS = 3_000;
/** The emergency confirm step closes by itself: a forgotten one must not be confirmed by a later stray tap. */
const CONFIRM_MS = 10_000;

const root = document.getElementById('control')!;
const status = root.querySelector<HTMLElement>('.control-status')!;
const alert = h('div', { class: 'alert', role: 'alert' });
const staff = staffAccess({
  askToken: () => st('control.needToken'),
  needToken: (message) => {
    connectionError = message;
    body.hidden = true;
    status.textContent = st('control.notConnected');
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
/** A line of the alert: the page's words, or the page's words around the hub's (staff/said.ts). */
type Line = string | SaidPart[];
/** Problems reaching the hub (cleared by the next answer) and with the last command (cleared by the next one). */
let connectionError: Line | null = null;
let commandError: Line | null = null;
let shownKey = '';
/** Refreshes in the order they were asked for: an answer older than the one shown (a poll overtaken by a command) is dropped. */
let asked = 0;
let shownAnswer = 0;

/** The time now in the event's zone (the phone's own before the page knows the event). */
const now = (): string => timeOfDay(view ? DateTime.now().setZone(view.feed.timezone) : DateTime.now(), true);
/** When the hub stopped answering: "since" stays the first failure's time, however many retries follow. */
let downSince: string | null = null;

function showAlert(): void {
  const lines = [connectionError, commandError].filter((l): l is Line => l !== null);
  alert.replaceChildren(...lines.map((l) => h('p', {}, ...(typeof l === 'string' ? [l] : nodesOf(l)))));
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
  if (kept.emergencyText.value === '') kept.emergencyText.value = emergencyDefault(view);
  body.replaceChildren(...renderControl(view, ui, (intent) => void act(intent), kept));
}

/** Why the hub refused: its sentence in the page's language, else its English, else the status's. */
async function errorOf(response: Response): Promise<SaidPart[]> {
  try {
    const body = (await response.json()) as Partial<RefusalBody>;
    return saidOr(body.said, body.error ?? response.statusText);
  } catch {
    return [{ text: response.statusText, value: true }];
  }
}

/** A failed answer in plain words. */
async function problem(response: Response): Promise<SaidPart[]> {
  const detail = await errorOf(response);
  if (response.status === 429) return staffParts('control.hubBlocks', { detail });
  if (response.status >= 500) return staffParts('control.hubFailed', { status: String(response.status), detail });
  return staffParts('control.hubRefused', { status: String(response.status), detail });
}

async function refresh(): Promise<void> {
  const mine = ++asked;
  let response;
  try {
    response = await staff.call(HUB_API.control);
  } catch {
    downSince ??= now();
    connectionError = st('control.hubSilent', { time: downSince });
    status.textContent = view === null ? st('control.notConnected') : st('control.notConnectedAsOf', { time: shownAt() });
    render();
    return;
  }
  if (response === null) return;
  if (!response.ok) {
    connectionError = await problem(response);
    status.textContent = st('control.notConnected');
    render();
    return;
  }
  let answer: ControlView;
  try {
    answer = (await response.json()) as ControlView;
  } catch {
    // Cut off mid-answer, or something other than the hub answering (a captive portal).
    connectionError = st('control.unreadable', { time: now() });
    status.textContent = st('control.notConnected');
    render();
    return;
  }
  if (mine < shownAnswer) return;
  shownAnswer = mine;
  // The program's language, unless the address has one: the page is drawn again in it.
  if (await pageLanguage(answer)) relabel();
  if (mine < shownAnswer) return;
  view = answer;
  connectionError = null;
  downSince = null;
  tokenForm.hidden = true;
  body.hidden = false;
  status.textContent = st('control.liveState', { version: String(view.version), time: shownAt() });
  render();
}

const shownAt = (): string => (view === null ? '—' : timeOfDay(DateTime.fromISO(view.feed.at, { setZone: true }), true));

/** What a command changes, in words, for "someone else changed … meanwhile". */
function subjectOf(command: LiveCommand): string {
  const room = 'room' in command ? (view?.feed.rooms.find((r) => r.id === command.room)?.name ?? command.room) : '';
  switch (command.type) {
    case 'set-delay':
      return st('control.subject.delay', { room });
    case 'set-room-status':
      return st('control.subject.status', { room });
    case 'set-emergency':
      return st('control.subject.emergency');
    case 'set-announcements':
      return st('control.subject.announcements');
    case 'post-announcement':
    case 'stop-announcement':
      return st('control.subject.announcement');
    case 'undo':
      return st('control.subject.undo');
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
      body: JSON.stringify({ command, version: view.version, by: CONTROL_PAGE_BY }),
    });
    if (response === null) return false;
    if (response.status === 409) {
      const conflict = (await response.json()) as CommandConflict;
      commandError = st('control.conflict', { subject: subjectOf(command), version: String(conflict.live.version) });
    } else if (!response.ok) commandError = staffParts('control.notApplied', { problem: await problem(response) });
    else commandError = null;
  } catch {
    commandError = st('control.noAnswer', { time: now() });
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
    const own = text !== '' && (view === null || text !== emergencyDefault(view));
    await send({ type: 'set-emergency', on: true, ...(own ? { text } : {}) });
    return;
  }
  await send(intent.command);
}

/** The page's own words outside what render() draws (control.html's, the token form's) in its language now. */
function relabel(): void {
  document.title = st('control.title');
  root.querySelector('h1')!.textContent = st('control.title');
  root.querySelector('.screens-link')!.textContent = st('staff.screens');
  if (view === null) status.textContent = st('staff.loading');
  staff.relabel();
  // Drawn again, in the new words, however little else changed.
  shownKey = '';
}

// The address's language first (before anything is said), then the program's with the hub's first answer.
void pageLanguage(null).then(() => {
  relabel();
  void refresh();
  setInterval(() => void refresh(), REFRESH_MS);
});
