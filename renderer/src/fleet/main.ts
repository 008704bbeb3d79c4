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
import { h } from '../staff/dom.ts';
import { staffAccess } from '../staff/staff-access.ts';
import { clockTime, renderAudit, renderScreens } from './fleet-table.ts';
import './fleet.css';

const REFRESH_MS = 5_000;
const root = document.getElementById('fleet')!;
const status = root.querySelector<HTMLElement>('.fleet-status')!;
const staff = staffAccess({
  page: 'The fleet',
  needToken: (message) => {
    status.textContent = message;
    table.hidden = true;
  },
  refresh: () => void refresh(),
});
const tokenForm = staff.form;
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

async function send(screen: string, message: ScreenMessage): Promise<void> {
  const response = await staff.call(HUB_API.fleetMessage, {
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
    response = await staff.call(HUB_API.fleet);
  } catch {
    status.textContent = `The hub does not answer (since ${clockTime(Date.now(), null)} UTC); retrying…`;
    return;
  }
  if (response === null) return;
  let view: FleetView;
  try {
    if (!response.ok) throw new Error(`error ${response.status}`);
    view = (await response.json()) as FleetView;
  } catch (error) {
    // Too many wrong tokens (429), a hub error, an answer cut off or not the hub's: said, never a stuck page.
    status.textContent = `The hub's answer could not be used (${(error as Error).message}, at ${clockTime(Date.now(), null)} UTC); retrying…`;
    return;
  }
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
