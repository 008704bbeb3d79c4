/**
 * The fleet page (/fleet), for staff: every screen's last heartbeat, which are
 * silent or behind, the audit log, and buttons to identify, reload or point a
 * screen at a room and view. Its data needs the staff token, taken from
 * `#staff=TOKEN` or the form, and kept like a staff board keeps it. Refreshed
 * every 5 s (a staff page, not a screen: it may poll). Its words are in the
 * program's language or the address's `?lang=` (staff/staff-language.ts).
 */
import '../polyfills.ts';
import { HUB_API, type FleetView, type RefusalBody } from '../../../core/hub/api.ts';
import type { ScreenMessage } from '../../../core/screen/state.ts';
import { saidOr, st, staffParts, type SaidPart, type StaffKey } from '../../../core/i18n/staff.ts';
import { h } from '../staff/dom.ts';
import { nodesOf } from '../staff/said.ts';
import { staffAccess } from '../staff/staff-access.ts';
import { pageLanguage } from '../staff/staff-language.ts';
import { clockTime, renderAudit, renderScreens } from './fleet-table.ts';
import '../fonts/noto-sans-arabic/arabic.css';
import './fleet.css';

const REFRESH_MS = 5_000;
const root = document.getElementById('fleet')!;
const status = root.querySelector<HTMLElement>('.fleet-status')!;
const staff = staffAccess({
  askToken: () => st('fleet.needToken'),
  needToken: (message) => {
    status.textContent = message;
    table.hidden = true;
  },
  refresh: () => void refresh(),
});
const tokenForm = staff.form;
const COLUMNS: StaffKey[] = [
  'fleet.column.screen',
  'fleet.column.shows',
  'fleet.column.versions',
  'fleet.column.window',
  'fleet.column.up',
  'fleet.column.lastSeen',
  'fleet.column.state',
  'fleet.column.actions',
];
const tbody = h('tbody');
const head = h('tr');
const table = h('table', { class: 'screens' }, h('thead', {}, head), tbody);
const auditTitle = h('h2');
const audit = h('ol', { class: 'audit' });
root.append(tokenForm, table, auditTitle, audit);
/** The words of fleet.html and of the table's frame, in the page's language now; the rows are built again. */
let fresh = true;
function relabel(): void {
  document.title = st('fleet.title');
  root.querySelector('h1')!.textContent = st('fleet.title');
  table.setAttribute('aria-label', st('staff.screens'));
  head.replaceChildren(...COLUMNS.map((key) => h('th', { scope: 'col' }, st(key))));
  auditTitle.textContent = st('fleet.audit');
  audit.setAttribute('aria-label', st('fleet.audit'));
  staff.relabel();
  fresh = true;
}

async function send(screen: string, message: ScreenMessage): Promise<void> {
  const response = await staff.call(HUB_API.fleetMessage, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ screen, message }),
  });
  if (response === null) return;
  const answer = (await response.json()) as { delivered?: boolean } & Partial<RefusalBody>;
  const what = st(message.type === 'identify' ? 'fleet.identify' : message.type === 'reload' ? 'fleet.reload' : 'fleet.show');
  if (response.ok) status.textContent = st(answer.delivered ? 'fleet.sent' : 'fleet.queued', { message: what, screen });
  // The hub's reason in the page's language (its English from an older hub).
  else {
    const error = saidOr(answer.said, answer.error ?? String(response.status));
    status.replaceChildren(...nodesOf(staffParts('fleet.notSent', { error })));
  }
  void refresh();
}

async function refresh(): Promise<void> {
  let response;
  try {
    response = await staff.call(HUB_API.fleet);
  } catch {
    status.textContent = st('fleet.hubSilent', { time: clockTime(Date.now(), null) });
    return;
  }
  if (response === null) return;
  let view: FleetView;
  const unusable = (error: SaidPart[]): void =>
    status.replaceChildren(...nodesOf(staffParts('fleet.unusable', { error, time: clockTime(Date.now(), null) })));
  if (!response.ok) {
    // Too many wrong tokens (429), a hub error: the hub's reason in the page's language, never a stuck page.
    const body = (await response.json().catch(() => ({}))) as Partial<RefusalBody>;
    unusable([{ text: `${response.status}: ` }, ...saidOr(body.said, body.error ?? response.statusText)]);
    return;
  }
  try {
    view = (await response.json()) as FleetView;
  } catch (error) {
    // An answer cut off, or not the hub's (a captive portal).
    unusable([{ text: (error as Error).message, value: true }]);
    return;
  }
  // The program's language, unless the address has one.
  if (await pageLanguage(view)) relabel();
  tokenForm.hidden = true;
  table.hidden = false;
  const silent = view.screens.filter((s) => s.silent).length;
  const outdated = view.screens.filter((s) => s.outdated.length > 0).length;
  status.textContent = [
    st('fleet.screenCount', { n: view.screens.length }),
    st('fleet.silentCount', { n: silent }),
    st('fleet.outdatedCount', { n: outdated }),
    st('fleet.liveState', { version: String(view.live.version) }),
    st('fleet.program', { version: view.programVersion?.slice(0, 8) ?? '—' }),
    st('fleet.app', { version: view.appVersion }),
    st('fleet.asOf', { time: clockTime(view.now, view.timezone) }),
  ].join(' · ');
  renderScreens(tbody, view, (screen, message) => void send(screen, message), fresh);
  fresh = false;
  renderAudit(audit, view.audit, view.timezone);
}

// The address's language first (before anything is said), then the program's with the hub's first answer.
void pageLanguage(null).then(() => {
  relabel();
  status.textContent = st('staff.loading');
  void refresh();
  setInterval(() => void refresh(), REFRESH_MS);
});
