/**
 * A made-up 3-room, 2-day program (tests/fixtures/program/three-rooms.json,
 * not the seed): every screen tells the whole truth of a multi-room day. The
 * desk and the spotlight of all rooms name each item's room; the opening,
 * keynote and closing (marked "everyone") are on every room's screen; a room's
 * delay moves the shared coffee on that room's screens only; and no room's
 * screen says the day or the event is over while another room still runs.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { afterThisTalk, betweenDays, upNext } from '../../../core/engine/board.ts';
import { adjustDelay } from '../../../core/engine/delays.ts';
import { deskDay } from '../../../core/engine/desk.ts';
import { timeOf } from '../../../core/engine/format.ts';
import { snapshot } from '../../../core/engine/snapshot.ts';
import { spotlightRotation } from '../../../core/engine/speakers.ts';
import { compileTimeline, type Slot, type Timeline } from '../../../core/engine/timeline.ts';
import { whereOf, wherePhrase } from '../../../core/engine/where.ts';
import { allRoomsRows } from '../../../core/engine/all-rooms-rows.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import type { Program } from '../../../core/program/schema.ts';
import { FIXTURES } from '../../fixture-paths.ts';

const FILE = `${FIXTURES}program/three-rooms.json`;
const ZONE = 'Europe/Stockholm';

function load(edit: (program: Program) => void = () => {}): Program {
  const raw = JSON.parse(readFileSync(FILE, 'utf8')) as Program;
  edit(raw);
  const result = loadProgramText(JSON.stringify(raw), 'three-rooms.json');
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.program;
}

/** A Stockholm wall time, built with luxon directly. */
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
const ids = (slots: readonly Slot[]) => slots.map((s) => s.item.id);
const hhmm = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('HH:mm');
const names = (slots: readonly Slot[], own: string | null, timeline: Timeline) =>
  slots.map((s) => whereOf(s, own, timeline)?.name);

const program = load();
const timeline = compileTimeline(program);

describe('where, always', () => {
  it('the registration desk names the room of each of the three talks at 10:45', () => {
    const snap = snapshot(timeline, at('2026-09-14T10:20'), null);
    const day = deskDay(timeline, snap, null);
    const at1045 = day.slots.filter((s) => hhmm(s.start) === '10:45');
    expect(ids(at1045)).toEqual(['d1-1045-aurora', 'd1-1045-birch', 'd1-1045-cedar']);
    expect(names(at1045, null, timeline)).toEqual(['Aurora Hall', 'Birch Room', 'Cedar Room']);
    // The coffee is for every room, the dinner at a venue of its own.
    const coffee = day.slots.find((s) => s.item.id === 'd1-coffee-1')!;
    expect(whereOf(coffee, null, timeline)).toEqual({ name: 'All rooms', kind: 'all' });
    const dinner = day.slots.find((s) => s.item.id === 'd1-dinner')!;
    expect(whereOf(dinner, null, timeline)).toEqual({ name: 'Harbour Restaurant', kind: 'venue' });
  });

  it('the spotlight of all rooms names each speaker’s room; a room’s own spotlight names only the keynote elsewhere', () => {
    const all = spotlightRotation(timeline, null, at('2026-09-14T12:30'), '2026-09-14')!;
    const rooms = all.entries.map((e) => `${e.speaker.name} ${whereOf(e.slot, null, timeline)?.name}`);
    expect(rooms.slice(0, 3)).toEqual(['Olu Adeyemi Aurora Hall', 'Lucía Romero Birch Room', 'Margit Solberg Aurora Hall']);
    const birch = spotlightRotation(timeline, 'birch', at('2026-09-14T12:30'), '2026-09-14')!;
    const named = birch.entries.map((e) => [e.speaker.name, whereOf(e.slot, 'birch', timeline)?.name]);
    expect(named).toEqual([
      ['Lucía Romero', undefined],
      ['Margit Solberg', 'Aurora Hall'],
      ['Tomasz Nowak', undefined],
    ]);
  });

  it('a room’s own items go unnamed on its screen; a one-room program never names its room', () => {
    const snap = snapshot(timeline, at('2026-09-14T09:40'), 'cedar');
    expect(names([...snap.now, ...snap.next], 'cedar', timeline)).toEqual([undefined, undefined]);
    const single = compileTimeline(
      load((p) => {
        p.rooms = [p.rooms[0]!];
        p.items = p.items.filter((i) => i.room === undefined || i.room === 'aurora');
      }),
    );
    expect(single.slots.every((s) => whereOf(s, null, single) === undefined)).toBe(true);
  });
});

describe('venue-wide moments', () => {
  it('the closing is on every room’s screen while it is on, with its room: “now in Aurora Hall”', () => {
    for (const room of ['aurora', 'birch', 'cedar']) {
      const snap = snapshot(timeline, at('2026-09-15T13:10'), room);
      expect([room, snap.phase, ids(snap.now)]).toEqual([room, 'session', ['d2-closing']]);
      const where = whereOf(snap.now[0]!, room, timeline);
      expect(where && wherePhrase(where, true)).toBe(room === 'aurora' ? undefined : 'now in Aurora Hall');
    }
  });

  it('and is Next when it is next, in the rooms whose day ended before it', () => {
    const cedar = snapshot(timeline, at('2026-09-15T12:10'), 'cedar');
    expect(ids(cedar.next)).toEqual(['d2-closing']);
    expect(cedar.phase).toBe('gap');
    const birch = snapshot(timeline, at('2026-09-15T12:30'), 'birch');
    expect([ids(birch.now), ids(birch.next)]).toEqual([['d2-1200-birch'], ['d2-closing']]);
    // The opening and the keynote the same way.
    expect(ids(snapshot(timeline, at('2026-09-14T09:10'), 'cedar').now)).toEqual(['d1-opening']);
    expect(ids(snapshot(timeline, at('2026-09-14T13:50'), 'birch').next)).toEqual(['d1-keynote']);
  });

  it('the all-rooms table keeps the closing on its own room’s row', () => {
    const rows = allRoomsRows(timeline, at('2026-09-15T13:10'));
    expect(rows.rows.map((r) => [r.room.id, ids(r.now)])).toEqual([['aurora', ['d2-closing']]]);
  });

  it('no room’s screen says the day or the event has ended while something is on elsewhere', () => {
    // Without "everyone", the closing is Aurora Hall's alone: Cedar Room is quiet, not over.
    const plain = compileTimeline(load((p) => p.items.forEach((i) => delete i.everyone)));
    const snap = snapshot(plain, at('2026-09-15T13:10'), 'cedar');
    expect(snap.phase).not.toBe('after-event');
    expect(ids(snap.elsewhere)).toEqual(['d2-closing']);
    expect(betweenDays(snap, ZONE)).toMatchObject({ kind: 'elsewhere', title: 'Still on in other rooms' });
    // It changes when the closing ends, and then the event is over everywhere.
    expect(snap.changesAt).toBe(at('2026-09-15T13:30'));
    expect(snapshot(plain, at('2026-09-15T13:30'), 'cedar').phase).toBe('after-event');
    // Day 1 at 16:30 Aurora Hall's last talk runs. Birch Room still has the dinner ahead: Coming up.
    expect(snapshot(timeline, at('2026-09-14T16:30'), 'birch')).toMatchObject({ phase: 'gap', elsewhere: [] });
    // Without the dinner its screen lists Aurora Hall's talk, not "That's all for today".
    const noDinner = compileTimeline(load((p) => (p.items = p.items.filter((i) => i.id !== 'd1-dinner'))));
    const evening = snapshot(noDinner, at('2026-09-14T16:30'), 'birch');
    expect(betweenDays(evening, ZONE)).toMatchObject({ kind: 'elsewhere', kicker: 'Nothing more in this room today' });
    expect(ids(evening.elsewhere)).toEqual(['d1-1600-aurora']);
    // Once nothing is on anywhere today, the evening is the evening again.
    expect(betweenDays(snapshot(noDinner, at('2026-09-14T17:00'), 'birch'), ZONE)).toMatchObject({
      kind: 'evening',
      title: 'See you tomorrow',
    });
    // Every minute of both days, on every room's screen: "after-event" only once nothing takes place anywhere.
    const lastEnd = Math.max(...plain.slots.map((s) => s.end));
    for (let t = at('2026-09-14T08:00'); t < at('2026-09-16T00:00'); t += 5 * 60_000) {
      for (const room of ['aurora', 'birch', 'cedar']) {
        const phase = snapshot(plain, t, room).phase;
        if (phase === 'after-event') expect([room, hhmm(t), t >= lastEnd]).toEqual([room, hhmm(t), true]);
      }
    }
  });
});

describe('delays and shared items', () => {
  // Staff in Birch Room press + twice at 09:40 on day 1: the talk runs to 10:25.
  const delays = adjustDelay(
    adjustDelay([], 'birch', '2026-09-14', 5, at('2026-09-14T09:40')),
    'birch',
    '2026-09-14',
    5,
    at('2026-09-14T09:40'),
  );
  const late = compileTimeline(program, delays);

  it('moves that room’s Next, the shared coffee, to the end of its talk: “after this talk, ≈ 10:25”', () => {
    const snap = snapshot(late, at('2026-09-14T10:05'), 'birch');
    expect(ids(snap.now)).toEqual(['d1-0930-birch']);
    expect(hhmm(snap.now[0]!.end)).toBe('10:25');
    const { next } = upNext(snap);
    expect(next!.item.id).toBe('d1-coffee-1');
    expect([hhmm(next!.scheduledStart), hhmm(next!.start), next!.delay]).toEqual(['10:15', '10:25', 10]);
    expect(afterThisTalk(snap, next!)).toBe(true);
    expect(timeOf(next!.start, ZONE)).toBe('10:25');
  });

  it('moves the rest of that room’s day, lunch after the talk before it included', () => {
    const later = snapshot(late, at('2026-09-14T10:05'), 'birch').later;
    const times = Object.fromEntries(later.map((s) => [s.item.id, hhmm(s.start)]));
    expect(times).toMatchObject({ 'd1-1045-birch': '10:55', 'd1-1130-birch': '11:40', 'd1-lunch': '12:25' });
  });

  it('leaves the other rooms, the all-rooms screens and the item itself alone', () => {
    for (const room of ['aurora', 'cedar', null]) {
      const snap = snapshot(late, at('2026-09-14T10:05'), room);
      const coffee = [...snap.next, ...snap.later].find((s) => s.item.id === 'd1-coffee-1')!;
      expect([room, hhmm(coffee.start), coffee.delay, coffee.follows]).toEqual([room, '10:15', 0, undefined]);
      if (room !== null) expect(afterThisTalk(snap, coffee)).toBe(false);
    }
    expect(hhmm(late.slots.find((s) => s.item.id === 'd1-coffee-1')!.start)).toBe('10:15');
    // The dinner is at a venue of its own: the bus and the restaurant do not wait for a talk.
    const dinner = late.byRoom.get('birch')!.find((s) => s.item.id === 'd1-dinner')!;
    expect(hhmm(dinner.start)).toBe('19:00');
  });
});
