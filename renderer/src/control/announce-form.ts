/**
 * The control page's form for an announcement written on the day: its text
 * (or a ready-made one from the program), where (all screens, a room group,
 * chosen rooms, a kind of screen), from when, until when, and its priority.
 * Built once and kept across the page's refreshes (a refresh must not wipe
 * what staff are typing); only taps and the phone's own pickers, no keyboard
 * beyond the text itself. The hub checks everything again and its refusal,
 * naming the field, is shown in the page's alert.
 */
import type { LiveCommand } from '../../../core/hub/api.ts';
import type { ControlView } from '../../../core/hub/rules/control-view.ts';
import { ANNOUNCEMENT_TEXT_MAX, type AnnouncementWhere } from '../../../core/screen/announcements.ts';
import { h } from '../staff/dom.ts';

/** Sends a command; true once the hub applied it. */
export type Post = (command: LiveCommand) => Promise<boolean>;

function select(label: string, name: string, options: [string, string][]): { field: HTMLElement; select: HTMLSelectElement } {
  // Named by aria-label: a label around a select would take in the chosen option's words too.
  const el = h('select', { name, id: `announce-${name}`, 'aria-label': label }) as HTMLSelectElement;
  for (const [value, text] of options) el.append(h('option', { value }, text));
  return { field: h('label', { class: 'field', for: `announce-${name}` }, h('span', {}, label), el), select: el };
}

function timeInput(name: string, label: string): HTMLInputElement {
  const el = h('input', { type: 'time', name, 'aria-label': label, hidden: '' }) as HTMLInputElement;
  return el;
}

/** The structure the form is built from: rebuilt only when the program's rooms, groups or ready-made texts change. */
export function formKey(view: ControlView): string {
  return JSON.stringify([view.feed.rooms.map((r) => [r.id, r.name]), view.groups, view.ready]);
}

export function announceForm(view: ControlView, post: Post): HTMLElement {
  const message = h('p', { class: 'form-message', 'aria-live': 'polite' });
  const text = h('textarea', {
    id: 'announce-text',
    'aria-label': 'Text',
    maxlength: String(ANNOUNCEMENT_TEXT_MAX),
    rows: '3',
    placeholder: 'e.g. Coffee is served in the foyer',
  }) as HTMLTextAreaElement;
  const count = h('span', { class: 'count' }, `0 / ${ANNOUNCEMENT_TEXT_MAX}`);
  text.addEventListener('input', () => (count.textContent = `${text.value.length} / ${ANNOUNCEMENT_TEXT_MAX}`));

  const ready = select('Ready-made', 'ready', [
    ['', view.ready.length === 0 ? 'None in the program' : 'Pick one from the program…'],
    ...view.ready.map((r): [string, string] => [r.id, r.text]),
  ]);
  ready.select.addEventListener('change', () => {
    const picked = view.ready.find((r) => r.id === ready.select.value);
    if (picked === undefined) return;
    text.value = picked.text.slice(0, ANNOUNCEMENT_TEXT_MAX);
    text.dispatchEvent(new Event('input'));
    if (picked.priority === 'high') setPriority('high');
  });

  const where = select('Where', 'where', [
    ['all', 'All screens'],
    ...view.groups.map((g): [string, string] => [`group:${g.id}`, `Group: ${g.name}`]),
    ['rooms', 'Chosen rooms…'],
    ['view:agenda', 'Registration desk (agenda screens)'],
    ['view:board', 'Room boards (now/next screens)'],
    ['view:spotlight', 'Speaker spotlight screens'],
  ]);
  const rooms = h('div', { class: 'room-picks', role: 'group', 'aria-label': 'Rooms', hidden: '' });
  for (const room of view.feed.rooms) {
    const b = h('button', { type: 'button', 'aria-pressed': 'false', 'data-room': room.id }, room.name);
    b.addEventListener('click', () => b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true')));
    rooms.append(b);
  }
  where.select.addEventListener('change', () => (rooms.hidden = where.select.value !== 'rooms'));

  const from = select('From', 'from', [
    ['now', 'Now'],
    ['time', 'At a time…'],
  ]);
  const fromTime = timeInput('from-time', 'From (time)');
  from.select.addEventListener('change', () => (fromTime.hidden = from.select.value !== 'time'));
  const until = select('Until', 'until', [
    ['stopped', 'Until stopped'],
    ['item-end', 'End of the current item (one room)'],
    ['day-end', 'End of the day'],
    ['time', 'At a time…'],
  ]);
  const untilTime = timeInput('until-time', 'Until (time)');
  until.select.addEventListener('change', () => (untilTime.hidden = until.select.value !== 'time'));

  const priority = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Priority' });
  const priorities = (['normal', 'high'] as const).map((p) => {
    const b = h(
      'button',
      { type: 'button', 'aria-pressed': String(p === 'normal'), 'data-priority': p },
      p === 'normal' ? 'Normal' : 'High',
    );
    b.addEventListener('click', () => setPriority(p));
    priority.append(b);
    return b;
  });
  function setPriority(p: 'normal' | 'high'): void {
    for (const b of priorities) b.setAttribute('aria-pressed', String(b.dataset.priority === p));
  }

  const submit = h('button', { type: 'submit', class: 'wide primary' }, 'Post announcement');
  const form = h(
    'form',
    { class: 'announce-form', 'aria-label': 'New announcement' },
    h('h2', {}, 'New announcement'),
    h('label', { class: 'field', for: 'announce-text' }, h('span', {}, 'Text '), count),
    text,
    ready.field,
    where.field,
    rooms,
    h('div', { class: 'times' }, h('div', {}, from.field, fromTime), h('div', {}, until.field, untilTime)),
    priority,
    h('p', { class: 'quiet hint' }, 'High: always on the screens, never taking turns with the others.'),
    submit,
    message,
  );

  function placeOf(): AnnouncementWhere | string {
    const value = where.select.value;
    if (value === 'all') return { type: 'all' };
    if (value.startsWith('group:')) return { type: 'group', group: value.slice(6) };
    if (value.startsWith('view:')) return { type: 'view', view: value.slice(5) as 'board' | 'agenda' | 'spotlight' };
    const chosen = Array.from(rooms.querySelectorAll<HTMLElement>('[aria-pressed="true"]')).map((b) => b.dataset.room!);
    return chosen.length > 0 ? { type: 'rooms', rooms: chosen } : 'Choose at least one room.';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const place = placeOf();
    const problem =
      text.value.trim() === ''
        ? 'Write the text first (or pick a ready-made one).'
        : typeof place === 'string'
          ? place
          : from.select.value === 'time' && fromTime.value === ''
            ? 'Choose the time it starts.'
            : until.select.value === 'time' && untilTime.value === ''
              ? 'Choose the time it ends.'
              : null;
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
      from: from.select.value === 'time' ? fromTime.value : 'now',
      until: until.select.value === 'time' ? untilTime.value : until.select.value,
    };
    submit.setAttribute('disabled', '');
    void post(command).then((ok) => {
      submit.removeAttribute('disabled');
      if (!ok) return;
      text.value = '';
      text.dispatchEvent(new Event('input'));
      ready.select.value = '';
      message.textContent = 'Posted.';
    });
  });
  return form;
}
