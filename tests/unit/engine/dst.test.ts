/**
 * A synthetic night session across the two DST changes of 2026 in Stockholm:
 * clocks jump 02:00→03:00 on 29 March and fall back 03:00→02:00 on 25 October.
 * Durations are real time, shown times are the program's wall times, and the
 * board's now/next stay right through the change.
 */
import { describe, expect, it } from 'vitest';
import { duration, startLabel, timeOf } from '../../../core/engine/format.ts';
import { snapshot } from '../../../core/engine/snapshot.ts';
import { compileTimeline, dayEndInstant, dayOf, dayStartInstant } from '../../../core/engine/timeline.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import { at, ids, loadProgram, ZONE } from './helpers.ts';

const HOUR = 3_600_000;

function night(date: string, dayBefore: string, items: [string, string, string][], dayStartsAt?: string) {
  return JSON.stringify({
    version: 1,
    event: {
      name: 'Night school',
      timezone: ZONE,
      startDate: dayBefore,
      endDate: date,
      venues: [],
      ...(dayStartsAt ? { dayStartsAt } : {}),
    },
    rooms: [{ id: 'hall', name: 'Hall' }],
    items: [
      { id: 'eve', kind: 'talk', start: `${dayBefore}T20:00`, end: `${dayBefore}T21:00`, room: 'hall', title: 'Evening' },
      ...items.map(([id, start, end]) => ({
        id,
        kind: 'talk',
        start: `${date}T${start}`,
        end: `${date}T${end}`,
        room: 'hall',
        title: id,
      })),
    ],
  });
}

describe('spring forward, 29 March 2026', () => {
  const program = loadProgram(
    night('2026-03-29', '2026-03-28', [
      ['a', '01:00', '01:30'],
      ['b', '01:30', '03:30'],
      ['c', '03:30', '04:00'],
    ]),
  );
  const timeline = compileTimeline(program);
  const slot = (id: string) => timeline.slots.find((s) => s.item.id === id)!;

  it('an item 01:30–03:30 lasts one hour of real time, shown as 01:30–03:30', () => {
    expect(slot('b').end - slot('b').start).toBe(HOUR);
    expect(duration(slot('b').end - slot('b').start)).toBe('1 h 00 min');
    expect([timeOf(slot('b').start, ZONE), timeOf(slot('b').end, ZONE)]).toEqual(['01:30', '03:30']);
  });

  it('the board is right on both sides of the jump', () => {
    const before = snapshot(timeline, at('2026-03-29T01:29'), 'hall');
    expect([ids(before.now), ids(before.next)]).toEqual([['a'], ['b']]);
    expect(before.changesAt).toBe(at('2026-03-29T01:30'));
    // One real minute before 02:00 CET is followed by 03:00 CEST: b is still on.
    const jump = snapshot(timeline, at('2026-03-29T01:59:59.999'), 'hall');
    const after = snapshot(timeline, at('2026-03-29T01:59:59.999') + 1, 'hall');
    expect(timeOf(at('2026-03-29T01:59:59.999') + 1, ZONE)).toBe('03:00');
    expect([ids(jump.now), ids(after.now)]).toEqual([['b'], ['b']]);
    expect(after.next.map((s) => startLabel(s.start, s.day, after.day, ZONE))).toEqual(['03:30']);
    expect(after.changesAt).toBe(at('2026-03-29T03:30'));
  });

  it('the evening before labels the night items "Tomorrow"', () => {
    const eve = snapshot(timeline, at('2026-03-28T21:30'), 'hall');
    expect(eve.phase).toBe('between-days');
    expect(eve.next.map((s) => startLabel(s.start, s.day, eve.day, ZONE))).toEqual(['Tomorrow 01:00']);
  });

  it('the validator rejects 02:30, a time that does not exist that night', () => {
    const result = loadProgramText(night('2026-03-29', '2026-03-28', [['x', '02:30', '03:30']]), 'night.json');
    expect(result).toEqual({
      ok: false,
      errors: [
        'night.json: items[1].start: start 2026-03-29T02:30 does not exist in Europe/Stockholm (the clocks skip it for daylight saving time)',
      ],
    });
  });

  it('a conference day starting at 04:00 starts at 04:00 wall time on the night of the change', () => {
    const day = 24 * 60 - 20 * 60; // 04:00
    expect(dayStartInstant('2026-03-29', ZONE, 240)).toBe(at('2026-03-29T04:00'));
    expect(dayEndInstant('2026-03-28', ZONE, 240)).toBe(at('2026-03-29T04:00'));
    expect(dayOf(at('2026-03-29T03:59'), ZONE, day)).toBe('2026-03-28');
    expect(dayOf(at('2026-03-29T04:00'), ZONE, day)).toBe('2026-03-29');
    const withDayStart = compileTimeline(loadProgram(night('2026-03-29', '2026-03-28', [['late', '03:00', '03:45']], '04:00')));
    expect(withDayStart.slots.find((s) => s.item.id === 'late')!.day).toBe('2026-03-28');
  });
});

describe('fall back, 25 October 2026', () => {
  const program = loadProgram(
    night('2026-10-25', '2026-10-24', [
      ['a', '01:00', '02:00'],
      ['b', '02:00', '03:00'],
      ['c', '03:00', '04:00'],
    ]),
  );
  const timeline = compileTimeline(program);
  const slot = (id: string) => timeline.slots.find((s) => s.item.id === id)!;

  it('an item 02:00–03:00 spans the repeated hour and lasts two hours', () => {
    expect(slot('b').end - slot('b').start).toBe(2 * HOUR);
    expect(duration(slot('b').end - slot('b').start)).toBe('2 h 00 min');
    expect(slot('a').end).toBe(slot('b').start);
    expect([timeOf(slot('b').start, ZONE), timeOf(slot('b').end, ZONE)]).toEqual(['02:00', '03:00']);
  });

  it('during the repeated hour the board still shows b, with c next at 03:00', () => {
    const first = slot('b').start + 30 * 60_000; // 02:30 summer time
    const second = first + HOUR; // 02:30 again, winter time
    expect([timeOf(first, ZONE), timeOf(second, ZONE)]).toEqual(['02:30', '02:30']);
    for (const t of [first, second]) {
      const snap = snapshot(timeline, t, 'hall');
      expect(ids(snap.now)).toEqual(['b']);
      expect(snap.next.map((s) => startLabel(s.start, s.day, snap.day, ZONE))).toEqual(['03:00']);
      expect(snap.changesAt).toBe(slot('c').start);
    }
  });

  it('the ambiguous 02:00 is accepted by the validator and means the first 02:00', () => {
    expect(timeOf(slot('a').start, ZONE)).toBe('01:00');
    expect(slot('b').start - slot('a').start).toBe(HOUR);
  });
});

describe('a talk moved out of the night the clocks go forward', () => {
  // 01:30–03:30 on 29 March lasts one hour (02:00–03:00 does not exist). Moved to 10:00 the next day it ends at
  // 11:00 on screen, so a talk at 11:15 in its new room does not overlap it: the validator places it as screens do.
  const program = JSON.parse(night('2026-03-29', '2026-03-28', [['late', '01:30', '03:30']])) as {
    event: { endDate: string };
    items: Record<string, unknown>[];
  };
  program.event.endDate = '2026-03-30';
  program.items.find((item) => item.id === 'late')!.movedTo = { start: '2026-03-30T10:00' };
  program.items.push({
    id: 'next',
    kind: 'talk',
    start: '2026-03-30T11:15',
    end: '2026-03-30T11:45',
    room: 'hall',
    title: 'Next',
  });
  const result = loadProgramText(JSON.stringify(program), 'moved.json');

  it('keeps its elapsed hour at the new place, on screen and in the overlap check', () => {
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const moved = compileTimeline(result.program).slots.find((s) => s.item.id === 'late' && s.takesPlace)!;
    expect(moved.end - moved.start).toBe(HOUR);
    expect(timeOf(moved.end, ZONE)).toBe('11:00');
    expect(result.warnings.filter((line) => /overlap/i.test(line))).toEqual([]);
  });
});
