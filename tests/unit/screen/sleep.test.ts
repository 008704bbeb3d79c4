/**
 * When the venue sleeps (core/screen/sleep.ts): the board goes black, the
 * kiosk switches its display off, a staff key wakes it for a while.
 */
import { describe, expect, it } from 'vitest';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import { ScreenController } from '../../../core/screen/controller.ts';
import { burnInShift, parseSleepHours, sleepAt, WAKE_MS, DEFAULT_SLEEP_HOURS } from '../../../core/screen/sleep.ts';
import { DEFAULT_SCREEN_STATE } from '../../../core/screen/state.ts';
import { at, seed } from '../engine/helpers.ts';

describe('sleep hours', () => {
  const timeline = compileTimeline(seed);

  it('awake from 60 min before the day’s first item to 30 min after its last; asleep until the next day’s', () => {
    // Day 1 runs 08:30–17:05; day 2 starts 09:00.
    expect(sleepAt(timeline, at('2026-05-06T07:29'), DEFAULT_SLEEP_HOURS)).toEqual({
      asleep: true,
      changesAt: at('2026-05-06T07:30'),
    });
    expect(sleepAt(timeline, at('2026-05-06T07:30'), DEFAULT_SLEEP_HOURS)).toEqual({
      asleep: false,
      changesAt: at('2026-05-06T17:35'),
    });
    expect(sleepAt(timeline, at('2026-05-06T17:35'), DEFAULT_SLEEP_HOURS)).toEqual({
      asleep: true,
      changesAt: at('2026-05-07T08:00'),
    });
    // Day 2's dinner has no end: it lasts until midnight, so the screen sleeps at 00:30.
    expect(sleepAt(timeline, at('2026-05-07T23:50'), DEFAULT_SLEEP_HOURS)).toEqual({
      asleep: false,
      changesAt: at('2026-05-08T00:30'),
    });
    // After the last day: asleep for good.
    expect(sleepAt(timeline, at('2026-05-08T18:00'), DEFAULT_SLEEP_HOURS)).toEqual({ asleep: true, changesAt: null });
  });

  it('other hours per screen; null never sleeps', () => {
    expect(sleepAt(timeline, at('2026-05-06T08:00'), { before: 15, after: 0 }).asleep).toBe(true);
    expect(sleepAt(timeline, at('2026-05-06T17:10'), { before: 15, after: 0 }).asleep).toBe(true);
    expect(sleepAt(timeline, at('2026-05-06T03:00'), null)).toEqual({ asleep: false, changesAt: null });
  });

  it('a staff key wakes it for 10 minutes, then it sleeps again', () => {
    const woken = at('2026-05-06T22:00');
    expect(sleepAt(timeline, woken + 60_000, DEFAULT_SLEEP_HOURS, woken + WAKE_MS)).toEqual({
      asleep: false,
      changesAt: woken + WAKE_MS,
    });
    expect(sleepAt(timeline, woken + WAKE_MS, DEFAULT_SLEEP_HOURS, woken + WAKE_MS).asleep).toBe(true);
  });

  it('the key that wakes a sleeping screen only wakes it; the next one acts', () => {
    const screen = new ScreenController(DEFAULT_SCREEN_STATE, {
      clock: { at: '2026-05-06T22:00', speed: 0, realStart: 0 },
      changed: () => {},
      log: () => {},
      sleep: DEFAULT_SLEEP_HOURS,
    });
    screen.setProgram(structuredClone(seed));
    expect(screen.sleep().asleep).toBe(true);
    expect(screen.handleKey({ type: 'keyDown', key: 'a' })).toEqual({ handled: true, effect: null });
    expect(screen.state).toMatchObject({ view: 'board', wakeUntil: at('2026-05-06T22:10') });
    expect(screen.sleep()).toEqual({ asleep: false, changesAt: at('2026-05-06T22:10') });
    screen.handleKey({ type: 'keyDown', key: 'a' });
    expect(screen.state.view).toBe('agenda');
    // A key that is no hotkey does not wake it (nor reach anything).
    expect(screen.handleKey({ type: 'keyDown', key: 'Tab' }).handled).toBe(false);
  });

  it('static elements shift a few pixels each hour, and come back round', () => {
    const hour = 3_600_000;
    const base = at('2026-05-06T00:00');
    const shifts = Array.from({ length: 8 }, (_, i) => burnInShift(base + i * hour + 1234));
    expect(new Set(shifts.map((s) => `${s.x},${s.y}`)).size).toBe(8);
    for (const s of shifts) expect(Math.max(Math.abs(s.x), Math.abs(s.y))).toBeLessThanOrEqual(3);
    expect(shifts[0]!.changesAt).toBe(base + hour);
    expect(burnInShift(base + 8 * hour)).toMatchObject({ x: shifts[0]!.x, y: shifts[0]!.y });
  });

  it('reads the option as on, off, or BEFORE,AFTER', () => {
    expect(parseSleepHours('on')).toEqual(DEFAULT_SLEEP_HOURS);
    expect(parseSleepHours('off')).toBeNull();
    expect(parseSleepHours('45,10')).toEqual({ before: 45, after: 10 });
    expect(parseSleepHours('nights')).toMatch(/is not on, off or BEFORE,AFTER/);
  });
});
