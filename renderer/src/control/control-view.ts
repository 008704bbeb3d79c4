/**
 * The control page's DOM, built from the hub's ControlView: per room today's
 * delay (−5 / +5 / on time, with the current and next item's times as the
 * engine on the hub computes them) and its status, the emergency message
 * behind a confirm step, and undo of the last change. Program text and authors
 * are set as text, never as markup. Every button only reports what staff
 * intend (an `Intent`); main.ts turns it into a command.
 */
import { DateTime } from 'luxon';
import type { LiveCommand, UndoEntry } from '../../../core/hub/api.ts';
import type { ControlView } from '../../../core/hub/rules/control-view.ts';
import type { FeedItem, RoomFeed } from '../../../core/hub/rules/feed.ts';
import { ROOM_STATUSES } from '../../../core/engine/room-status.ts';
import type { LiveAnnouncement } from '../../../core/screen/announcements.ts';
import { en } from '../../../core/i18n/catalogues/en.ts';
import { dateIn, listOf, t } from '../../../core/i18n/index.ts';
import { saidOr, st, staffParts, textOf } from '../../../core/i18n/staff.ts';
import { h } from '../staff/dom.ts';
import { nodesOf } from '../staff/said.ts';
import { timeOfDay } from '../staff/staff-language.ts';

/** `emergencyOn`: the confirm step's button (main.ts adds the text from the field). */
export type Intent = { command: LiveCommand } | { confirmEmergency: boolean } | { emergencyOn: true };

/** Elements kept across refreshes (what staff type must survive them): the announcement form, the emergency text. */
export interface Kept {
  form: HTMLElement | null;
  emergencyText: HTMLTextAreaElement;
}

export interface ControlUi {
  /** The emergency confirm step is showing. */
  confirming: boolean;
  /** A command is on its way: buttons wait, so a double tap is not sent twice against the same version. */
  busy: boolean;
}

const STATUS_LABEL = { open: 'control.status.open', full: 'control.status.full', closed: 'control.status.closed' } as const;

/** An ISO time as the hub wrote it (with the event zone's offset), so in the event's zone, in the event's clock. */
const clock = (iso: string): string => timeOfDay(DateTime.fromISO(iso, { setZone: true }));

/**
 * What the screens say in an emergency without words of their own: the program's, else each screen's catalogue's,
 * which the hub gives in English and the page says in its own language.
 */
export const emergencyDefault = (view: ControlView): string =>
  view.emergencyDefault === en['emergency.text'] ? t('emergency.text') : view.emergencyDefault;

export const signed = (minutes: number): string => (minutes > 0 ? `+${minutes}` : minutes < 0 ? `−${-minutes}` : '±0');

function button(label: string, intent: Intent, send: (intent: Intent) => void, attrs: Record<string, string> = {}): HTMLElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', () => send(intent));
  return b;
}

function itemLine(label: string, item: FeedItem | null, withEnd: boolean): HTMLElement {
  if (item === null)
    return h('p', { class: 'item item-none' }, h('span', { class: 'item-label' }, label), ' ', st('control.nothing'));
  const times = withEnd ? `${clock(item.start)}–${clock(item.end)}` : clock(item.start);
  const planned = withEnd ? `${clock(item.scheduledStart)}–${clock(item.scheduledEnd)}` : clock(item.scheduledStart);
  return h(
    'p',
    { class: 'item' },
    h('span', { class: 'item-label' }, label),
    ' ',
    // A time range follows the page's direction, as on the board (whose progress bar fills from the right on an
    // Arabic screen): its start is read first. The title keeps its own direction, whatever the page's.
    h('span', { class: times !== planned ? 'item-time moved' : 'item-time' }, times),
    times !== planned && h('s', { class: 'item-planned' }, planned),
    ' ',
    h('span', { class: 'item-title', dir: 'auto' }, item.title),
  );
}

function roomCard(room: RoomFeed, day: string, send: (intent: Intent) => void): HTMLElement {
  const delay = (minutes: number): Intent => ({ command: { type: 'set-delay', room: room.id, day, minutes } });
  const status = h('div', { class: 'segmented', role: 'group', 'aria-label': st('control.roomStatus', { room: room.name }) });
  for (const value of ROOM_STATUSES) {
    const on = room.status === value;
    status.append(
      button(st(STATUS_LABEL[value]), { command: { type: 'set-room-status', room: room.id, day, status: value } }, send, {
        'aria-pressed': String(on),
        class: `status-${value}`,
      }),
    );
  }
  return h(
    'section',
    { class: `room room-${room.status}`, 'aria-label': room.name, 'data-room': room.id },
    h(
      'h2',
      {},
      h('span', { class: 'room-name' }, room.name),
      h(
        'span',
        { class: room.delayMinutes === 0 ? 'delay' : 'delay late' },
        room.delayMinutes === 0 ? st('control.onTime') : st('control.delay', { delay: signed(room.delayMinutes) }),
      ),
    ),
    itemLine(t('board.now'), room.current, true),
    itemLine(t('board.next'), room.next, false),
    h(
      'div',
      // Minutes read left to right in every language: −5 stays on the left of +5, as on a number line.
      { class: 'delay-buttons', role: 'group', 'aria-label': st('control.roomDelay', { room: room.name }), dir: 'ltr' },
      button(st('control.delay', { delay: '−5' }), delay(room.delayMinutes - 5), send),
      button(st('control.delay', { delay: '+5' }), delay(room.delayMinutes + 5), send),
      button(st('control.setOnTime'), delay(0), send, room.delayMinutes === 0 ? { disabled: '' } : {}),
    ),
    status,
  );
}

function emergencyPanel(
  view: ControlView,
  ui: ControlUi,
  send: (intent: Intent) => void,
  field: HTMLTextAreaElement,
): HTMLElement {
  const on = view.feed.emergency;
  if (on)
    return h(
      'section',
      { class: 'emergency emergency-on', 'aria-label': st('control.emergency') },
      h('p', { class: 'emergency-state' }, st('control.emergencyIsOn')),
      h('p', { class: 'emergency-words', dir: 'auto' }, view.emergencyText ?? emergencyDefault(view)),
      button(st('control.emergencyOff'), { command: { type: 'set-emergency', on: false } }, send, { class: 'wide' }),
    );
  if (!ui.confirming)
    return h(
      'section',
      { class: 'emergency', 'aria-label': st('control.emergency') },
      button(st('control.emergencyAsk'), { confirmEmergency: true }, send, { class: 'wide danger-outline' }),
    );
  return h(
    'section',
    { class: 'emergency emergency-confirm', 'aria-label': st('control.emergency') },
    h('p', {}, st('control.emergencyWarning')),
    h('label', { class: 'field', for: field.id }, h('span', {}, st('control.emergencyText'))),
    field,
    h(
      'div',
      { class: 'pair' },
      button(st('control.emergencyConfirm'), { emergencyOn: true }, send, { class: 'danger' }),
      button(st('control.cancel'), { confirmEmergency: false }, send),
    ),
  );
}

function changes(entries: readonly UndoEntry[], zone: string, send: (intent: Intent) => void): HTMLElement {
  const shown = entries.slice(0, 5);
  return h(
    'section',
    { class: 'changes', 'aria-label': st('control.lastChanges') },
    h('h2', {}, st('control.lastChanges')),
    shown.length === 0
      ? h('p', { class: 'quiet' }, st('control.noChanges'))
      : h(
          'ol',
          {},
          ...shown.map((e, i) => {
            // The hub's sentence for the change in the page's language (its English before the hub kept it as data).
            const change = saidOr(e.said, e.change);
            const label = textOf(change);
            return h(
              'li',
              {},
              h(
                'p',
                {},
                h('time', { datetime: new Date(e.at).toISOString() }, timeOfDay(DateTime.fromMillis(e.at, { zone }))),
                ' ',
                h('span', { class: 'change' }, ...nodesOf(change)),
                ' ',
                h('small', {}, ...nodesOf(staffParts('control.by', { who: saidOr(e.whoSaid, e.who) }))),
              ),
              // The hub undoes only the newest change (the one before it is undone next).
              i === 0 &&
                button(st('control.undo'), { command: { type: 'undo', version: e.version } }, send, {
                  'aria-label': st('control.undoThis', { change: label }),
                }),
            );
          }),
        ),
  );
}

function whereText(a: LiveAnnouncement, view: ControlView): string {
  const { where } = a;
  switch (where.type) {
    case 'all':
      return st('control.where.all');
    case 'group':
      return view.groups.find((g) => g.id === where.group)?.name ?? where.group;
    case 'rooms':
      return listOf(where.rooms.map((id) => view.feed.rooms.find((r) => r.id === id)?.name ?? id));
    case 'view':
      return st(`control.where.${where.view}`);
  }
}

function whenText(a: LiveAnnouncement, now: number, zone: string): string {
  const at = (ms: number) => timeOfDay(DateTime.fromMillis(ms, { zone }));
  const start = a.from <= now ? st('control.showing') : st('control.from', { time: at(a.from) });
  const end =
    a.until === null
      ? st('control.untilStopped')
      : st(a.ends === 'item-end' ? 'control.untilItemEnd' : a.ends === 'day-end' ? 'control.untilDayEnd' : 'control.until', {
          time: at(a.until),
        });
  return st('control.when', { start, end });
}

function announcementList(view: ControlView, send: (intent: Intent) => void): HTMLElement {
  // The feed's instant is to the second; a post from "now" carries the milliseconds of that second.
  const now = DateTime.fromISO(view.feed.at, { setZone: true }).toMillis() + 999;
  const list = [...view.announcements].sort((a, b) => a.from - b.from);
  return h(
    'section',
    { class: 'changes announcements', 'aria-label': st('control.announcements') },
    h('h2', {}, st('control.announcementsTitle')),
    list.length === 0
      ? h('p', { class: 'quiet' }, st('control.noAnnouncements'))
      : h(
          'ol',
          {},
          ...list.map((a) =>
            h(
              'li',
              { 'data-id': a.id },
              h(
                'p',
                {},
                a.priority === 'high' && h('strong', { class: 'high' }, `${st('control.high')} · `),
                h('span', { class: 'announcement-text', dir: 'auto' }, a.text),
                h(
                  'small',
                  {},
                  ` — ${st('control.whereWhen', { where: whereText(a, view), when: whenText(a, now, view.feed.timezone) })}`,
                ),
              ),
              button(st('control.stop'), { command: { type: 'stop-announcement', id: a.id } }, send, {
                'aria-label': st('control.stopThis', { text: a.text }),
              }),
            ),
          ),
        ),
  );
}

/** The page below its header: the rooms, announcements, the emergency, the last changes. */
export function renderControl(view: ControlView, ui: ControlUi, send: (intent: Intent) => void, kept: Kept): HTMLElement[] {
  const { feed } = view;
  const rooms = h('div', { class: 'rooms' }, ...feed.rooms.map((room) => roomCard(room, feed.day, send)));
  const emergency = emergencyPanel(view, ui, send, kept.emergencyText);
  const announce = [announcementList(view, send), ...(kept.form ? [kept.form] : [])];
  const day = h('p', { class: 'day' }, `${dateIn(DateTime.fromISO(feed.day), 'heading')} · `, h('bdi', {}, feed.event));
  // While the emergency is on, switching it off is what matters most: first, and kept in view (sticky) wherever
  // the page was scrolled when it was confirmed.
  const parts = feed.emergency
    ? [emergency, day, rooms, ...announce, changes(view.undo, feed.timezone, send)]
    : [day, rooms, ...announce, emergency, changes(view.undo, feed.timezone, send)];
  // Not the kept form's: its own submit waits for its answer, and re-enabling is not ours to do.
  if (ui.busy)
    for (const b of parts.filter((p) => p !== kept.form).flatMap((p) => Array.from(p.querySelectorAll('button'))))
      b.disabled = true;
  return parts;
}
