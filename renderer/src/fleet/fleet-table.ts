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
import { listOf, t } from '../../../core/i18n/index.ts';
import { saidOr, st } from '../../../core/i18n/staff.ts';
import { h } from '../staff/dom.ts';
import { nodesOf } from '../staff/said.ts';
import { timeOfDay } from '../staff/staff-language.ts';

/** A time of day to the second in `zone` (UTC before a program), in the event's clock. */
export function clockTime(at: number, zone: string | null): string {
  return timeOfDay(DateTime.fromMillis(at, { zone: zone ?? 'UTC' }), true);
}

const ago = (ms: number): string =>
  ms < 60_000 ? st('fleet.secondsAgo', { n: Math.max(0, Math.round(ms / 1000)) }) : st('fleet.ago', { time: duration(ms) });

/** What a screen is behind on, as the hub names it (core/hub/rules/fleet.ts outdatedParts), in the page's words. */
const PARTS = { program: 'fleet.part.program', 'live state': 'fleet.part.live', app: 'fleet.part.app' } as const;

/** A kind of screen by its name in the page's language ("Agenda"). */
export const viewName = (view: View): string => st(`staff.view.${view}`);

function infoCells(row: FleetRow, view: FleetView): HTMLElement[] {
  const hb = row.heartbeat;
  const roomName = hb.room === null ? t('where.allRooms') : (view.rooms.find((r) => r.id === hb.room)?.name ?? hb.room);
  const flags: HTMLElement[] = [];
  if (row.silent) flags.push(h('span', { class: 'flag flag-silent' }, st('fleet.silent')));
  if (row.outdated.length > 0) {
    const what = listOf(row.outdated.map((part) => (part in PARTS ? st(PARTS[part as keyof typeof PARTS]) : part)));
    flags.push(h('span', { class: 'flag flag-outdated' }, st('fleet.outdated', { what })));
  }
  flags.push(
    h(
      'span',
      { class: `flag ${row.connected ? 'flag-ok' : 'flag-off'}` },
      st(row.connected ? 'fleet.connected' : 'fleet.noStream'),
    ),
  );
  return [
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'screen-name' }, hb.name),
      h('small', {}, `${hb.host} · ${row.id} · ${row.address}`),
    ),
    // data-label: the column's name, shown in the cell when a narrow screen lays the rows out as cards (fleet.css).
    h('td', { class: 'shows', 'data-label': st('fleet.column.shows') }, `${roomName} · ${viewName(hb.view)}`),
    h(
      'td',
      { class: 'versions', 'data-label': st('fleet.column.versions') },
      st('fleet.versions', {
        app: hb.appVersion,
        program: hb.programVersion?.slice(0, 8) ?? '—',
        live: String(hb.liveVersion),
      }),
    ),
    h('td', { class: 'window', 'data-label': st('fleet.column.window') }, `${hb.window.width}×${hb.window.height}`),
    h('td', { class: 'uptime', 'data-label': st('fleet.column.up') }, duration(hb.uptime * 1000)),
    h('td', { class: 'last-seen', 'data-label': st('fleet.column.lastSeen') }, ago(view.now - row.lastSeen)),
    h(
      'td',
      { class: 'flags', 'data-label': st('fleet.column.state') },
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
  const room = h(
    'select',
    { 'aria-label': t('rooms.room') },
    h('option', { value: '' }, t('where.allRooms')),
  ) as HTMLSelectElement;
  for (const r of view.rooms) room.append(h('option', { value: r.id }, r.name));
  room.value = row.heartbeat.room ?? '';
  const viewSelect = h('select', { 'aria-label': st('fleet.view') }) as HTMLSelectElement;
  for (const v of VIEWS) viewSelect.append(h('option', { value: v }, viewName(v)));
  viewSelect.value = row.heartbeat.view;
  const show = h('button', { type: 'button' }, st('fleet.show'));
  show.addEventListener('click', () =>
    send(id, { type: 'show', room: room.value === '' ? null : room.value, view: viewSelect.value as View }),
  );
  return h(
    'td',
    { class: 'actions' },
    button(st('fleet.identify'), { type: 'identify' }),
    button(st('fleet.reload'), { type: 'reload' }),
    room,
    viewSelect,
    show,
  );
}

/**
 * Brings `tbody` up to `view`, one row per screen keyed by its id. A row's
 * actions cell is built once, so a room being chosen there survives a refresh (`fresh`: built again all the same,
 * in the page's new language).
 */
export function renderScreens(
  tbody: HTMLElement,
  view: FleetView,
  send: (screen: string, message: ScreenMessage) => void,
  fresh = false,
): void {
  const existing = new Map<string, HTMLElement>();
  for (const tr of Array.from(tbody.children) as HTMLElement[]) existing.set(tr.dataset.screen ?? '', tr);
  for (const row of view.screens) {
    let tr = existing.get(row.id);
    existing.delete(row.id);
    const actions = (fresh ? null : tr?.lastElementChild) ?? actionsCell(row, view, send);
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
        h('span', { class: 'who' }, ...nodesOf(saidOr(e.whoSaid, e.who))),
        ': ',
        h('span', { class: 'change' }, ...nodesOf(saidOr(e.said, e.change))),
        e.version !== null && h('small', {}, ` ${st('fleet.auditVersion', { version: String(e.version), address: e.address })}`),
      ),
    ),
  );
}
