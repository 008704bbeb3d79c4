/**
 * The board's timer service in Node, under vitest's fake clock (the Node
 * counterpart of Playwright's page.clock): `vi.setSystemTime` steps the wall
 * clock the way NTP does, while elapsed time (performance.now, which timers
 * run on) goes on; `vi.advanceTimersByTime` lets real time pass.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScreenClock } from '../../../core/screen/clock.ts';
import { ClockService, clockTick, JUMP_MS, wallDrift, WATCH_MS } from '../../../renderer/src/clock/clock-service.ts';
import { snapshotReader } from '../../../renderer/src/clock/use-snapshot.ts';
import { ids, seedTimeline } from '../engine/helpers.ts';

const ZONE = 'Europe/Stockholm';
const at = (wall: string): number => DateTime.fromISO(wall, { zone: ZONE }).toMillis();
const MIN = 60_000;

describe('tick choice', () => {
  it('ticks as often as the clock face changes, never more than five times a second', () => {
    expect(clockTick(1)).toBe(1000);
    expect(clockTick(60)).toBe(MIN);
    expect(clockTick(600)).toBe(5 * MIN);
    expect(clockTick(3600)).toBe(15 * MIN);
    expect(clockTick(86_400)).toBe(60 * MIN);
    expect(clockTick(0)).toBeNull();
  });

  it('a jump is wall-clock progress apart from elapsed time', () => {
    expect(wallDrift({ wall: 0, elapsed: 0 }, { wall: 1000, elapsed: 1000 })).toBe(0);
    expect(wallDrift({ wall: 0, elapsed: 0 }, { wall: 3_601_000, elapsed: 1000 })).toBe(3_600_000);
    expect(wallDrift({ wall: 0, elapsed: 0 }, { wall: -59_000, elapsed: 1000 })).toBe(-60_000);
  });
});

describe('clock service', () => {
  let stop: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2030, 0, 1, 12, 0, 0, 250));
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  /** A screen rehearsing 7 May from 09:10 at `speed`, started now. */
  function service(speed = 1, start = '2026-05-07T09:10'): ClockService {
    const clock = new ScreenClock({ at: start, speed, realStart: Date.now() }, ZONE);
    const s = new ClockService(clock);
    stop = s.start();
    return s;
  }

  /** Sets a timer for `target` and records the clock's reading when it fires. */
  function when(s: ClockService, target: number, offset = 0): { fired: number | null } {
    const seen: { fired: number | null } = { fired: null };
    s.at(target, offset, () => (seen.fired = s.read(offset)));
    return seen;
  }

  it('fires a clock-time timer when the clock reaches it, at any speed', () => {
    const live = service();
    const talk = when(live, at('2026-05-07T09:40'));
    vi.advanceTimersByTime(30 * MIN - 1);
    expect(talk.fired).toBeNull();
    vi.advanceTimersByTime(1);
    expect(talk.fired).toBe(at('2026-05-07T09:40'));

    stop();
    const lapse = service(60);
    const lunch = when(lapse, at('2026-05-07T12:10'));
    vi.advanceTimersByTime(180_000); // 3 real minutes = 3 clock hours
    expect(lunch.fired).toBe(at('2026-05-07T12:10'));
  });

  it('reads the rehearsal offset it is given, never a copy', () => {
    const s = service();
    expect(s.read(0)).toBe(at('2026-05-07T09:10'));
    expect(s.read(15 * MIN)).toBe(at('2026-05-07T09:25'));
    expect(s.read(-15 * MIN)).toBe(at('2026-05-07T08:55'));
    // With an offset of +25 min, 09:40 is 5 minutes away.
    const next = when(s, at('2026-05-07T09:40'), 25 * MIN);
    vi.advanceTimersByTime(5 * MIN);
    expect(next.fired).toBe(at('2026-05-07T09:40'));
  });

  it('re-arms within a second when the wall clock is stepped forward', () => {
    const s = service();
    const talk = when(s, at('2026-05-07T09:40'));
    vi.setSystemTime(Date.now() + 20 * MIN); // NTP corrects a clock 20 minutes slow: 09:30
    vi.advanceTimersByTime(1000);
    expect(s.read(0)).toBe(at('2026-05-07T09:30') + 1000);
    vi.advanceTimersByTime(10 * MIN - 1000);
    // Without the re-arm the timer would still wait out its original 30 minutes (until 09:50).
    expect(talk.fired).toBe(at('2026-05-07T09:40'));
  });

  it('re-arms within a second when the wall clock is stepped back', () => {
    const s = service(1, '2026-05-07T09:30');
    const talk = when(s, at('2026-05-07T09:40'));
    vi.setSystemTime(Date.now() - 30 * MIN); // now 09:00
    vi.advanceTimersByTime(10 * MIN); // 09:10: the old timer would have fired here
    expect(talk.fired).toBeNull();
    vi.advanceTimersByTime(30 * MIN);
    expect(talk.fired).toBe(at('2026-05-07T09:40'));
  });

  it('a machine that slept (wall clock moved on, elapsed time did not) catches up at once', () => {
    const s = service();
    const talk = when(s, at('2026-05-07T09:40'));
    const heard: number[] = [];
    s.subscribe(() => heard.push(s.read(0)));
    vi.setSystemTime(Date.now() + 2 * 60 * MIN); // woke at 11:10
    vi.advanceTimersByTime(WATCH_MS + 1);
    // The 09:40 change is long past: within a second the board is told, and reads 11:10.
    expect(talk.fired).toBe(at('2026-05-07T11:10') + WATCH_MS + 1);
    expect(heard[0]).toBe(at('2026-05-07T11:10') + WATCH_MS);
  });

  it('does not call timer jitter a jump', () => {
    const s = service();
    const rearm = vi.spyOn(s, 'rearm');
    vi.setSystemTime(Date.now() + JUMP_MS - 100);
    vi.advanceTimersByTime(5000);
    expect(rearm).not.toHaveBeenCalled();
    vi.setSystemTime(Date.now() + JUMP_MS + 100);
    vi.advanceTimersByTime(1000);
    expect(rearm).toHaveBeenCalledTimes(1);
  });

  it('watches once a second at any speed, and tells subscribers only of a jump or a timer', () => {
    for (const speed of [1, 3600]) {
      const s = service(speed, '2026-05-07T09:00');
      const readings: number[] = [];
      s.subscribe(() => readings.push(s.read(0)));
      const wakes = vi.getTimerCount();
      vi.advanceTimersByTime(10_000);
      // Ten seconds (ten clock hours at 3600) that change nothing: no subscriber reads the clock.
      expect(readings).toEqual([]);
      expect(vi.getTimerCount()).toBe(wakes);
      // A timer for the next quarter hour (what useNow sets) is what tells them.
      const next = Math.floor(s.read(0) / (15 * MIN) + 1) * 15 * MIN;
      s.at(next, 0, s.notify);
      vi.advanceTimersByTime(speed === 1 ? 15 * MIN : 250);
      expect(readings).toHaveLength(1);
      expect(readings[0]! - next).toBeLessThan(speed === 1 ? 1000 : 3600 * 5);
      stop();
    }
  });

  it('a frozen clock (speed 0) never fires clock timers, but still watches the wall clock', () => {
    const s = service(0);
    const talk = when(s, at('2026-05-07T09:40'));
    let ticks = 0;
    s.subscribe(() => ticks++);
    vi.advanceTimersByTime(60 * MIN);
    expect(talk.fired).toBeNull();
    expect(s.read(0)).toBe(at('2026-05-07T09:10'));
    expect(ticks).toBe(0);
    // A stepped wall clock is still noticed within a second (rotations and paging follow it).
    vi.setSystemTime(Date.now() + 5 * MIN);
    vi.advanceTimersByTime(WATCH_MS);
    expect(ticks).toBe(1);
  });

  it('rotation boundaries follow the wall clock, also after it is stepped back', () => {
    const s = service();
    const turns: number[] = [];
    s.onWallBoundary(15_000, () => turns.push(Date.now()));
    vi.advanceTimersByTime(30_000);
    expect(turns.map((t) => t % 15_000)).toEqual([0, 0]);
    vi.setSystemTime(Date.now() - 10 * MIN);
    vi.advanceTimersByTime(16_000);
    // Still on the epoch's 15 s grid, and not waiting 10 minutes for the old boundary.
    expect(turns).toHaveLength(3);
    expect(turns[2]! % 15_000).toBe(0);
  });

  it('a cancelled timer never fires, and stop clears everything', () => {
    const s = service();
    let fired = 0;
    const cancel = s.at(at('2026-05-07T09:11'), 0, () => fired++);
    cancel();
    s.at(at('2026-05-07T09:12'), 0, () => fired++);
    stop();
    vi.advanceTimersByTime(10 * MIN);
    expect(fired).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the snapshot follows the clock reading', () => {
  it('the same snapshot while the reading stays in its span; a new one past changesAt or back before it', () => {
    let reading = at('2026-05-07T09:10');
    const read = snapshotReader(() => reading, seedTimeline(), 'main');
    const first = read();
    expect(ids(first.now)).toEqual(['d2-0900-talk']);
    reading = at('2026-05-07T09:39');
    expect(read()).toBe(first);
    reading = at('2026-05-07T09:40');
    expect(ids(read().now)).toEqual(['d2-0940-talk']);
    // Back to 09:10 (L after a jump): Taylor again, not Giselsson.
    reading = at('2026-05-07T09:10');
    expect(ids(read().now)).toEqual(['d2-0900-talk']);
    reading = at('2026-05-07T08:55');
    expect(read().phase).toBe('between-days');
  });
});
