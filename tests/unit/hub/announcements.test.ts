/**
 * Announcements written on the day and the emergency's own text (#18), through
 * the one command path of a real hub on 127.0.0.1: posted for some screens from
 * a time until a time, the end of the item on in the room, the end of the day
 * or until stopped; replaced by the same id, stopped, undone; each change in
 * the audit log. Bad input is refused with the field named; the state stays
 * bounded (a cap, ended ones pruned) and every state the hub holds is one a
 * screen's own reader accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveState } from '../../../core/hub/api.ts';
import type { ControlView } from '../../../core/hub/rules/control-view.ts';
import { readLiveState } from '../../../core/hub/rules/wire.ts';
import { announcementsFor, LIVE_ANNOUNCEMENTS_MAX, nextAnnouncementChange } from '../../../core/screen/announcements.ts';
import { startHub, TOKEN, type TestHub } from '../../hub-screens.ts';

const NOW = 1_778_050_800_000; // 2026-05-06T09:00+02:00
const MIN = 60_000;
const at = (hhmm: string) => NOW + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) - 9 * 60) * MIN;

const PROGRAM = {
  version: 1,
  event: {
    name: 'Announce Days',
    timezone: 'Europe/Stockholm',
    startDate: '2026-05-06',
    endDate: '2026-05-07',
    venues: [{ id: 'hall', name: 'Hall' }],
  },
  rooms: [
    { id: 'aurora', name: 'Aurora Hall' },
    { id: 'birch', name: 'Birch Room' },
    { id: 'cedar', name: 'Cedar Room' },
  ],
  groups: [{ id: 'floor-1', name: 'Floor 1', rooms: ['aurora', 'birch'] }],
  items: [
    { id: 'a1', kind: 'talk', room: 'aurora', title: 'Opening', start: '2026-05-06T09:00', end: '2026-05-06T10:00' },
    { id: 'b1', kind: 'talk', room: 'birch', title: 'Birch talk', start: '2026-05-06T09:00', end: '2026-05-06T09:45' },
    { id: 'c1', kind: 'talk', room: 'cedar', title: 'Cedar talk', start: '2026-05-07T09:00', end: '2026-05-07T10:00' },
  ],
  announcements: [{ id: 'lunch', text: 'Lunch is served in the foyer.' }],
};

let hubs: TestHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
});
async function hub(clock = { now: NOW }): Promise<TestHub> {
  const h = await startHub(PROGRAM, { now: () => clock.now });
  hubs.push(h);
  return h;
}

type Answer = { status: number; body: LiveState & { error?: string; live?: LiveState } };
async function command(h: TestHub, command: unknown, extra: object = {}): Promise<Answer> {
  const response = await fetch(`${h.base}/api/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ command, ...extra }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}
const state = async (h: TestHub) => (await (await fetch(`${h.base}/api/state`)).json()) as LiveState;
const post = (fields: object) => ({ type: 'post-announcement', text: 'Coffee in the foyer', ...fields });

describe('announcements written on the day', () => {
  it('posted for one room until the end of its talk, from a time: kept as instants; replaced, stopped and undone; each in the audit log', async () => {
    const h = await hub();
    const one = await command(
      h,
      post({ id: 'coffee', where: { type: 'rooms', rooms: ['birch'] }, from: '09:30', until: 'item-end' }),
      {
        by: "Anna's phone",
      },
    );
    expect(one.status).toBe(200);
    expect(one.body.announcements).toEqual([
      {
        id: 'coffee',
        text: 'Coffee in the foyer',
        priority: 'normal',
        where: { type: 'rooms', rooms: ['birch'] },
        from: at('09:30'),
        until: at('09:45'),
        ends: 'item-end',
      },
    ]);
    // The screens' state carries it, and a screen's own reader accepts it.
    expect(readLiveState(await state(h)).ok).toBe(true);
    // The same post again changes nothing (a double tap); the same id with another text replaces it.
    expect(
      (await command(h, post({ id: 'coffee', where: { type: 'rooms', rooms: ['birch'] }, from: '09:30', until: 'item-end' })))
        .body.version,
    ).toBe(1);
    const high = await command(
      h,
      post({ id: 'coffee', text: 'Fire drill at 11:00', priority: 'high', where: { type: 'all' }, until: 'day-end' }),
    );
    expect(high.body.announcements).toMatchObject([
      {
        id: 'coffee',
        text: 'Fire drill at 11:00',
        priority: 'high',
        from: NOW,
        until: at('09:00') + 15 * 60 * MIN, // midnight: the day starts at 00:00
        ends: 'day-end',
      },
    ]);
    const stopped = await command(h, { type: 'stop-announcement', id: 'coffee' });
    expect(stopped.body.announcements).toEqual([]);
    // Undo of the stop brings back what was stopped, exactly; undo of the replacement the first one.
    await command(h, { type: 'undo', version: stopped.body.version });
    expect((await state(h)).announcements).toEqual(high.body.announcements);
    await command(h, { type: 'undo', version: high.body.version });
    expect((await state(h)).announcements).toEqual(one.body.announcements);
    const audit = readFileSync(join(h.stateDir, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { who: string; change: string });
    expect(audit.map((a) => a.change)).toEqual([
      'announcement posted for Birch Room: "Coffee in the foyer"',
      'high-priority announcement changed for all screens: "Fire drill at 11:00"',
      'announcement stopped: "Fire drill at 11:00"',
      'undo: high-priority announcement posted for all screens: "Fire drill at 11:00"',
      'undo: announcement changed for Birch Room: "Coffee in the foyer"',
    ]);
    expect(audit[0]!.who).toBe("Anna's phone");

    // The control page's data: the list, the program's ready-made ones, the groups, the emergency default.
    const view = (await (
      await fetch(`${h.base}/api/control`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as ControlView;
    expect(view.announcements.map((a) => a.id)).toEqual(['coffee']);
    expect(view.ready).toEqual([{ id: 'lunch', text: 'Lunch is served in the foyer.', priority: 'normal' }]);
    expect(view.groups).toEqual([{ id: 'floor-1', name: 'Floor 1' }]);
    expect(view.emergencyDefault).toBe('Please follow the instructions of venue staff.');
  });

  it('bad input is refused with the field named, and nothing changes; bidi overrides are taken out of the text', async () => {
    const h = await hub();
    const refused = async (fields: object, error: string) => {
      const answer = await command(h, post(fields));
      expect(answer).toMatchObject({ status: 400, body: { error } });
    };
    await refused({ text: 'x'.repeat(201) }, 'request.command.text: longer than 200 characters');
    await refused({ text: '' }, 'request.command.text: must be a non-empty string');
    await refused({ where: { type: 'rooms', rooms: ['attic'] } }, 'request.command.where.rooms: the program has no room "attic"');
    await refused(
      { where: { type: 'group', group: 'floor-9' } },
      'request.command.where.group: the program has no room group "floor-9"',
    );
    await refused(
      { where: { type: 'view', view: 'desk' } },
      'request.command.where.view: must be one of board, agenda, spotlight',
    );
    await refused({ until: '08:30' }, 'request.command.until: 08:30 is already past (now 09:00 in Europe/Stockholm)');
    await refused({ from: '10:00', until: '09:30' }, 'request.command.until: 09:30 must be after from (10:00)');
    await refused(
      { until: '25:00' },
      expect.stringContaining('request.command.until: must be "stopped", "item-end", "day-end", a time like "14:30"') as never,
    );
    await refused(
      { where: { type: 'all' }, until: 'item-end' },
      'request.command.until: "item-end" needs exactly one room in where (the room whose item it is)',
    );
    await refused(
      { where: { type: 'rooms', rooms: ['cedar'] }, until: 'item-end' },
      'request.command.until: nothing is on in Cedar Room at 09:00, so it has no end to last until',
    );
    await refused({ priority: 'urgent' }, 'request.command.priority: must be "normal" or "high"');
    expect((await state(h)).version).toBe(0);
    // A right-to-left override would turn the words around it on screens and in the log: taken out.
    const bidi = await command(h, post({ text: 'Room \u202eB\u202c moved' }));
    expect(bidi.body.announcements[0]!.text).toBe('Room B moved');
    // 200 characters are fine.
    expect((await command(h, post({ text: 'y'.repeat(200) }))).status).toBe(200);
  });

  it('bounded: at most 20 at once (the 21st refused with the reason), ended ones pruned; a full state is one a screen accepts', async () => {
    const clock = { now: NOW };
    const h = await hub(clock);
    for (let i = 0; i < LIVE_ANNOUNCEMENTS_MAX; i++)
      expect((await command(h, post({ id: `n${i}`, until: i === 0 ? '09:10' : 'stopped' }))).status).toBe(200);
    const full = await state(h);
    expect(full.announcements).toHaveLength(LIVE_ANNOUNCEMENTS_MAX);
    expect(readLiveState(full).ok).toBe(true);
    const more = await command(h, post({ id: 'one-more' }));
    expect(more.status).toBe(409);
    expect(more.body.error).toBe('announcements: 20 are showing or scheduled already; stop one before posting another');
    // A screen refuses more than the hub would ever hold.
    expect(
      readLiveState({ ...full, announcements: [...full.announcements, { ...full.announcements[1]!, id: 'extra' }] }),
    ).toMatchObject({
      ok: false,
      error: 'live.announcements: more than 20 entries',
    });
    // At 09:10 the first one ended: the next change prunes it, and there is room again.
    clock.now = at('09:11');
    const after = await command(h, post({ id: 'one-more' }));
    expect(after.status).toBe(200);
    expect(after.body.announcements.map((a) => a.id)).not.toContain('n0');
    expect(after.body.announcements).toHaveLength(LIVE_ANNOUNCEMENTS_MAX);
  });

  it('a screen shows those for its room, group or view at their times, and knows when that next changes', async () => {
    const h = await hub();
    await command(h, post({ id: 'birch', where: { type: 'rooms', rooms: ['birch'] }, from: '09:30', until: '09:40' }));
    await command(h, post({ id: 'floor', where: { type: 'group', group: 'floor-1' }, priority: 'high' }));
    await command(h, post({ id: 'desk', where: { type: 'view', view: 'agenda' } }));
    const { announcements } = await state(h);
    const groups = PROGRAM.groups;
    const ids = (room: string | null, view: 'board' | 'agenda', t: number) => {
      const shown = announcementsFor(announcements, { room, group: null, view, groups }, t);
      return [shown.high.map((a) => a.id), shown.normal.map((a) => a.id)];
    };
    expect(ids('birch', 'board', NOW)).toEqual([['floor'], []]);
    expect(ids('birch', 'board', at('09:30'))).toEqual([['floor'], ['birch']]);
    expect(ids('aurora', 'board', at('09:30'))).toEqual([['floor'], []]);
    expect(ids('cedar', 'board', at('09:30'))).toEqual([[], []]);
    expect(ids(null, 'agenda', at('09:30'))).toEqual([[], ['desk']]);
    expect(ids('birch', 'board', at('09:40'))).toEqual([['floor'], []]);
    const place = { room: 'birch', group: null, view: 'board' as const, groups };
    expect(nextAnnouncementChange(announcements, place, NOW)).toBe(at('09:30'));
    expect(nextAnnouncementChange(announcements, place, at('09:30'))).toBe(at('09:40'));
    expect(nextAnnouncementChange(announcements, place, at('09:40'))).toBeNull();
  });

  it('the emergency with its own text: on every screen instead of the default; undo brings the text back; too long refused', async () => {
    const h = await hub();
    const on = await command(h, { type: 'set-emergency', on: true, text: 'Leave by the \u202enorth exit' });
    expect(on.body).toMatchObject({ emergency: true, emergencyText: 'Leave by the north exit' });
    const off = await command(h, { type: 'set-emergency', on: false });
    expect(off.body).toMatchObject({ emergency: false, emergencyText: null });
    await command(h, { type: 'undo', version: off.body.version });
    expect(await state(h)).toMatchObject({ emergency: true, emergencyText: 'Leave by the north exit' });
    expect(await command(h, { type: 'set-emergency', on: true, text: 'z'.repeat(201) })).toMatchObject({
      status: 400,
      body: { error: 'request.command.text: longer than 200 characters' },
    });
    // On already with this text: a second "on" with another text changes the text.
    expect((await command(h, { type: 'set-emergency', on: true, text: 'Stay where you are' })).body.emergencyText).toBe(
      'Stay where you are',
    );
  });
});
