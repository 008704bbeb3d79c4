/**
 * The control page's form for an announcement written on the day: its text
 * (or a ready-made one from the program), where (all screens, a room group,
 * chosen rooms, a kind of screen), from when, until when, and its priority.
 * Built once and kept across the page's refreshes (a refresh must not wipe
 * what staff are typing); only taps and the phone's own pickers, no keyboard
 * beyond the text itself. The hub checks everything again and its refusal,
 * naming the field, is shown in the page's alert.
 *
 * Times are an hour and a minute picked from lists, in the event's clock and zone. A native time input was tried:
 * it follows the phone's locale ("12:24 PM" on an English phone at a German event) and says nothing of the zone.
 */
import { DateTime } from 'luxon';
import type { LiveCommand } from '../../../core/hub/api.ts';
import type { ControlView } from '../../../core/hub/rules/control-view.ts';
import { ANNOUNCEMENT_TEXT_MAX, type AnnouncementWhere } from '../../../core/screen/announcements.ts';
import { clockStyle, language } from '../../../core/i18n/index.ts';
import { st } from '../../../core/i18n/staff.ts';
import { h } from '../staff/dom.ts';

/** "Europe/Stockholm" → "Stockholm": the place staff know the zone by. */
const placeOf = (zone: string): string => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

/** Sends a command; true once the hub applied it. */
export type Post = (command: LiveCommand) => Promise<boolean>;

function select(label: string, name: string, options: [string, string][]): { field: HTMLElement; select: HTMLSelectElement } {
  // Named by aria-label: a label around a select would take in the chosen option's words too.
  const el = h('select', { name, id: `announce-${name}`, 'aria-label': label }) as HTMLSelectElement;
  for (const [value, text] of options) el.append(h('option', { value }, text));
  return { field: h('label', { class: 'field', for: `announce-${name}` }, h('span', {}, label), el), select: el };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** An hour as the event's clock says it: "14", or "2 PM" on a 12-hour clock. */
function hourText(hour: number): string {
  return clockStyle() === '24' ? two(hour) : `${hour % 12 || 12} ${hour < 12 ? 'AM' : 'PM'}`;
}

interface TimePick {
  el: HTMLElement;
  /** "14:05", as the hub reads it: a wall time in the event's zone. */
  value(): string;
  /** Shows the pick, first set to `at` unless staff picked already. */
  show(at: DateTime): void;
  hide(): void;
}

/** An hour and a minute from two lists, in the event's clock: a phone's own picker for each, no keyboard. */
function timePick(name: string, label: string): TimePick {
  const list = (what: string, values: number[], text: (n: number) => string): HTMLSelectElement => {
    const el = h('select', { name: `${name}-${what}`, 'aria-label': st(what === 'hour' ? 'announce.hour' : 'announce.minute') });
    for (const n of values) el.append(h('option', { value: two(n) }, text(n)));
    return el as HTMLSelectElement;
  };
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const hour = list('hour', range(24), hourText);
  const minute = list('minute', range(60), two);
  let picked = false;
  hour.addEventListener('change', () => (picked = true));
  minute.addEventListener('change', () => (picked = true));
  // Hour before minute in every language: a time reads the same way round on a right-to-left page.
  const el = h(
    'div',
    { class: 'time-pick', role: 'group', 'aria-label': label, dir: 'ltr', hidden: '' },
    hour,
    h('span', {}, ':'),
    minute,
  );
  return {
    el,
    value: () => `${hour.value}:${minute.value}`,
    show(at) {
      if (!picked) {
        hour.value = two(at.hour);
        minute.value = two(at.minute);
      }
      el.hidden = false;
    },
    hide: () => (el.hidden = true),
  };
}

/**
 * The structure the form is built from: rebuilt only when the program's rooms, groups or ready-made texts change, or
 * the page's language or clock.
 */
export function formKey(view: ControlView): string {
  return JSON.stringify([view.feed.rooms.map((r) => [r.id, r.name]), view.groups, view.ready, language(), clockStyle()]);
}

export function announceForm(view: ControlView, post: Post): HTMLElement {
  const message = h('p', { class: 'form-message', 'aria-live': 'polite' });
  const text = h('textarea', {
    id: 'announce-text',
    'aria-label': st('announce.text'),
    maxlength: String(ANNOUNCEMENT_TEXT_MAX),
    rows: '3',
    placeholder: st('announce.placeholder'),
    dir: 'auto',
  }) as HTMLTextAreaElement;
  const count = h('span', { class: 'count' }, `0 / ${ANNOUNCEMENT_TEXT_MAX}`);
  text.addEventListener('input', () => (count.textContent = `${text.value.length} / ${ANNOUNCEMENT_TEXT_MAX}`));

  const ready = select(st('announce.ready'), 'ready', [
    ['', view.ready.length === 0 ? st('announce.readyNone') : st('announce.readyPick')],
    ...view.ready.map((r): [string, string] => [r.id, r.text]),
  ]);
  ready.select.addEventListener('change', () => {
    const picked = view.ready.find((r) => r.id === ready.select.value);
    if (picked === undefined) return;
    text.value = picked.text.slice(0, ANNOUNCEMENT_TEXT_MAX);
    text.dispatchEvent(new Event('input'));
    if (picked.priority === 'high') setPriority('high');
  });

  const where = select(st('announce.where'), 'where', [
    ['all', st('announce.allScreens')],
    ...view.groups.map((g): [string, string] => [`group:${g.id}`, st('announce.group', { name: g.name })]),
    ['rooms', st('announce.chosenRooms')],
    ['view:agenda', st('announce.agenda')],
    ['view:board', st('announce.boards')],
    ['view:spotlight', st('announce.spotlight')],
  ]);
  const rooms = h('div', { class: 'room-picks', role: 'group', 'aria-label': st('announce.rooms'), hidden: '' });
  for (const room of view.feed.rooms) {
    const b = h('button', { type: 'button', 'aria-pressed': 'false', 'data-room': room.id }, room.name);
    b.addEventListener('click', () => b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true')));
    rooms.append(b);
  }
  where.select.addEventListener('change', () => (rooms.hidden = where.select.value !== 'rooms'));

  const from = select(st('announce.from'), 'from', [
    ['now', st('announce.now')],
    ['time', st('announce.atTime')],
  ]);
  const fromTime = timePick('from-time', st('announce.fromTime'));
  const until = select(st('announce.until'), 'until', [
    ['stopped', st('announce.untilStopped')],
    ['item-end', st('announce.itemEnd')],
    ['day-end', st('announce.dayEnd')],
    ['time', st('announce.atTime')],
  ]);
  const untilTime = timePick('until-time', st('announce.untilTime'));
  const zone = h('p', { class: 'quiet hint zone', hidden: '' }, st('announce.zone', { zone: placeOf(view.feed.timezone) }));
  /** Shows the time lists asked for, first set to the next five minutes in the event's zone (and half an hour on). */
  const showTimes = (): void => {
    const soon = DateTime.now().setZone(view.feed.timezone).startOf('minute');
    const next = soon.plus({ minutes: 5 - (soon.minute % 5) });
    if (from.select.value === 'time') fromTime.show(next);
    else fromTime.hide();
    if (until.select.value === 'time') untilTime.show(next.plus({ minutes: 30 }));
    else untilTime.hide();
    zone.hidden = from.select.value !== 'time' && until.select.value !== 'time';
  };
  from.select.addEventListener('change', showTimes);
  until.select.addEventListener('change', showTimes);

  const priority = h('div', { class: 'segmented', role: 'group', 'aria-label': st('announce.priority') });
  const priorities = (['normal', 'high'] as const).map((p) => {
    const b = h(
      'button',
      { type: 'button', 'aria-pressed': String(p === 'normal'), 'data-priority': p },
      p === 'normal' ? st('announce.normal') : st('announce.high'),
    );
    b.addEventListener('click', () => setPriority(p));
    priority.append(b);
    return b;
  });
  function setPriority(p: 'normal' | 'high'): void {
    for (const b of priorities) b.setAttribute('aria-pressed', String(b.dataset.priority === p));
  }

  const submit = h('button', { type: 'submit', class: 'wide primary' }, st('announce.post'));
  const form = h(
    'form',
    { class: 'announce-form', 'aria-label': st('announce.title') },
    h('h2', {}, st('announce.title')),
    h('label', { class: 'field', for: 'announce-text' }, h('span', {}, `${st('announce.text')} `), count),
    text,
    ready.field,
    where.field,
    rooms,
    h('div', { class: 'times' }, h('div', {}, from.field, fromTime.el), h('div', {}, until.field, untilTime.el)),
    zone,
    priority,
    h('p', { class: 'quiet hint' }, st('announce.highHint')),
    submit,
    message,
  );

  function whereTo(): AnnouncementWhere | string {
    const value = where.select.value;
    if (value === 'all') return { type: 'all' };
    if (value.startsWith('group:')) return { type: 'group', group: value.slice(6) };
    if (value.startsWith('view:')) return { type: 'view', view: value.slice(5) as 'board' | 'agenda' | 'spotlight' };
    const chosen = Array.from(rooms.querySelectorAll<HTMLElement>('[aria-pressed="true"]')).map((b) => b.dataset.room!);
    return chosen.length > 0 ? { type: 'rooms', rooms: chosen } : st('announce.chooseRoom');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const place = whereTo();
    const problem = text.value.trim() === '' ? st('announce.writeFirst') : typeof place === 'string' ? place : null;
    if (problem !== null || typeof place === 'string') {
      message.textContent = problem ?? '';
      return;
    }
    message.textContent = '';
    const high = priorities[1]!.getAttribute('aria-pressed') === 'true';
    const command: LiveCommand = {
      type: 'post-announcement',
      id: `c${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
      text: text.value.trim(),
      priority: high ? 'high' : 'normal',
      where: place,
      from: from.select.value === 'time' ? fromTime.value() : 'now',
      until: until.select.value === 'time' ? untilTime.value() : until.select.value,
    };
    submit.setAttribute('disabled', '');
    void post(command).then((ok) => {
      submit.removeAttribute('disabled');
      if (!ok) return;
      text.value = '';
      text.dispatchEvent(new Event('input'));
      ready.select.value = '';
      message.textContent = st('announce.posted');
    });
  });
  return form;
}
