/**
 * The fleet page (/fleet), for staff: every screen's last heartbeat, which are
 * silent or behind, the audit log, and buttons to identify, reload or point a
 * screen at a room and view. Its data needs the staff token, taken from
 * `#staff=TOKEN` or the form, and kept like a staff board keeps it. Refreshed
 * every 5 s (a staff page, not a screen: it may poll).
 */
import '../polyfills.ts';
import { HUB_API, type FleetView } from '../../../core/hub/api.ts';
import type { ScreenMessage } from '../../../core/screen/state.ts';
import { forgetStaffToken, takeStaffToken } from '../host/staff-token.ts';
import { clockTime, h, renderAudit, renderScreens } from './fleet-table.ts';
import './fleet.css';

const REFRESH_MS = 5_000;
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
// Pasting …#staff=TOKEN onto the open page changes only its fragment: no reload, so read it here.
window.addEventListener('hashchange', () => {
  token = tokenFromAddress();
  void refresh();
});

const root = document.getElementById('fleet')!;
const status = root.querySelector<HTMLElement>('.fleet-status')!;
const tokenForm = h(
  'form',
  { class: 'token-form', hidden: '' },
  h('label', { for: 'token' }, 'Staff token '),
  h('input', { id: 'token', type: 'password', autocomplete: 'off', required: '' }),
  h('button', { type: 'submit' }, 'Open'),
) as HTMLFormElement;
const tbody = h('tbody');
const table = h(
  'table',
  { class: 'screens', 'aria-label': 'Screens' },
  h(
    'thead',
    {},
    h(
      'tr',
      {},
      ...['Screen', 'Shows', 'Versions', 'Window', 'Up', 'Last seen', 'State', 'Actions'].map((t) =>
        h('th', { scope: 'col' }, t),
      ),
    ),
  ),
  tbody,
);
const audit = h('ol', { class: 'audit', 'aria-label': 'Audit log' });
root.append(tokenForm, table, h('h2', {}, 'Audit log'), audit);

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = tokenForm.querySelector('input')!;
  token = takeStaffToken({ hash: `#staff=${encodeURIComponent(input.value)}`, storage, clearFragment: () => {} });
  input.value = '';
  void refresh();
});

function needToken(message: string): void {
  status.textContent = message;
  tokenForm.hidden = false;
  table.hidden = true;
}

async function call(path: string, init: RequestInit = {}): Promise<Response | null> {
  if (token === null) {
    needToken('The fleet needs the staff token: open this page with #staff=TOKEN, or enter it here.');
    return null;
  }
  const response = await fetch(path, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${token}` },
  });
  if (response.status === 401) {
    forgetStaffToken(storage);
    token = null;
    needToken('The hub refused this staff token. Enter the current one.');
    return null;
  }
  return response;
}

async function send(screen: string, message: ScreenMessage): Promise<void> {
  const response = await call(HUB_API.fleetMessage, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ screen, message }),
  });
  if (response === null) return;
  const answer = (await response.json()) as { delivered?: boolean; error?: string };
  status.textContent = response.ok
    ? `${message.type} ${answer.delivered ? 'sent to' : 'queued for'} ${screen}`
    : `Not sent: ${answer.error ?? response.status}`;
  void refresh();
}

async function refresh(): Promise<void> {
  let response;
  try {
    response = await call(HUB_API.fleet);
  } catch {
    status.textContent = `The hub does not answer (since ${clockTime(Date.now(), null)} UTC); retrying…`;
    return;
  }
  if (response === null) return;
  const view = (await response.json()) as FleetView;
  tokenForm.hidden = true;
  table.hidden = false;
  const silent = view.screens.filter((s) => s.silent).length;
  const outdated = view.screens.filter((s) => s.outdated.length > 0).length;
  status.textContent = [
    `${view.screens.length} screen${view.screens.length === 1 ? '' : 's'}`,
    `${silent} silent`,
    `${outdated} outdated`,
    `live state v${view.live.version}`,
    `program ${view.programVersion?.slice(0, 8) ?? '—'}`,
    `app ${view.appVersion}`,
    `as of ${clockTime(view.now, view.timezone)}`,
  ].join(' · ');
  renderScreens(tbody, view, (screen, message) => void send(screen, message));
  renderAudit(audit, view.audit, view.timezone);
}

void refresh();
setInterval(() => void refresh(), REFRESH_MS);
