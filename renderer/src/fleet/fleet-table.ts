/**
 * The fleet page's DOM: every screen's row and the audit log. Everything a
 * screen reports is text from the network, so it is only ever set as text
 * (text nodes, textContent, option labels), never as markup.
 */
import { DateTime } from 'luxon';
import type { AuditEntry, FleetRow, FleetView } from '../../../core/hub/api.ts';
import type { ScreenMessage } from '../../../core/screen/state.ts';
import { duration } from '../../../core/engine/format.ts';
import { VIEWS, type View } from '../../../core/screen/state.ts';
import { h } from '../staff/dom.ts';

export function clockTime(at: number, zone: string | null): string {
  return DateTime.fromMillis(at, { zone: zone ?? 'UTC' }).toFormat('HH:mm:ss');
}

const ago = (ms: number): string => (ms < 60_000 ? `${Math.max(0, Math.round(ms / 1000))} s ago` : `${duration(ms)} ago`);

function infoCells(row: FleetRow, view: FleetView): HTMLElement[] {
  const hb = row.heartbeat;
  const roomName = hb.room === null ? 'All rooms' : (view.rooms.find((r) => r.id === hb.room)?.name ?? hb.room);
  const flags: HTMLElement[] = [];
  if (row.silent) flags.push(h('span', { class: 'flag flag-silent' }, 'silent'));
  if (row.outdated.length > 0) flags.push(h('span', { class: 'flag flag-outdated' }, `outdated: ${row.outdated.join(', ')}`));
  flags.push(h('span', { class: `flag ${row.connected ? 'flag-ok' : 'flag-off'}` }, row.connected ? 'connected' : 'no stream'));
  return [
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'screen-name' }, hb.name),
      h('small', {}, `${hb.host} · ${row.id} · ${row.address}`),
    ),
    // data-label: the column's name, shown in the cell when a narrow screen lays the rows out as cards (fleet.css).
    h('td', { class: 'shows', 'data-label': 'Shows' }, `${roomName} · ${hb.view}`),
    h(
      'td',
      { class: 'versions', 'data-label': 'Versions' },
      `app ${hb.appVersion} · program ${hb.programVersion?.slice(0, 8) ?? '—'} · live ${hb.liveVersion}`,
    ),
    h('td', { class: 'window', 'data-label': 'Window' }, `${hb.window.width}×${hb.window.height}`),
    h('td', { class: 'uptime', 'data-label': 'Up' }, duration(hb.uptime * 1000)),
    h('td', { class: 'last-seen', 'data-label': 'Last seen' }, ago(view.now - row.lastSeen)),
    h(
      'td',
      { class: 'flags', 'data-label': 'State' },
      ...flags,
      hb.lastError !== null && h('span', { class: 'last-error' }, hb.lastError),
    ),
  ];
}

/** Identify, reload, and a room and view to show, preset to what the screen shows now. */
function actionsCell(row: FleetRow, view: FleetView, send: (screen: string, message: ScreenMessage) => void): HTMLElement {
  const id = row.id;
  const button = (label: string, message: ScreenMessage): HTMLElement => {
    const b = h('button', { type: 'button' }, label);
    b.addEventListener('click', () => send(id, message));
    return b;
  };
  const room = h('select', { 'aria-label': 'Room' }, h('option', { value: '' }, 'All rooms')) as HTMLSelectElement;
  for (const r of view.rooms) room.append(h('option', { value: r.id }, r.name));
  room.value = row.heartbeat.room ?? '';
  const viewSelect = h('select', { 'aria-label': 'View' }) as HTMLSelectElement;
  for (const v of VIEWS) viewSelect.append(h('option', { value: v }, v));
  viewSelect.value = row.heartbeat.view;
  const show = h('button', { type: 'button' }, 'Show');
  show.addEventListener('click', () =>
    send(id, { type: 'show', room: room.value === '' ? null : room.value, view: viewSelect.value as View }),
  );
  return h(
    'td',
    { class: 'actions' },
    button('Identify', { type: 'identify' }),
    button('Reload', { type: 'reload' }),
    room,
    viewSelect,
    show,
  );
}

/**
 * Brings `tbody` up to `view`, one row per screen keyed by its id. A row's
 * actions cell is built once, so a room being chosen there survives a refresh.
 */
export function renderScreens(tbody: HTMLElement, view: FleetView, send: (screen: string, message: ScreenMessage) => void): void {
  const existing = new Map<string, HTMLElement>();
  for (const tr of Array.from(tbody.children) as HTMLElement[]) existing.set(tr.dataset.screen ?? '', tr);
  for (const row of view.screens) {
    let tr = existing.get(row.id);
    existing.delete(row.id);
    const actions = tr?.lastElementChild ?? actionsCell(row, view, send);
    tr ??= h('tr', { 'data-screen': row.id });
    tr.replaceChildren(...infoCells(row, view), actions);
    tr.className = row.silent ? 'silent' : row.outdated.length > 0 ? 'outdated' : '';
    tbody.append(tr); // also puts rows in the hub's order
  }
  for (const gone of existing.values()) gone.remove();
}

export function renderAudit(list: HTMLElement, entries: readonly AuditEntry[], zone: string | null): void {
  list.replaceChildren(
    ...entries.map((e) =>
      h(
        'li',
        {},
        h('time', { datetime: new Date(e.at).toISOString() }, clockTime(e.at, zone)),
        ' ',
        h('span', { class: 'who' }, e.who),
        ': ',
        h('span', { class: 'change' }, e.change),
        e.version !== null && h('small', {}, ` (live state v${e.version}, from ${e.address})`),
      ),
    ),
  );
}
