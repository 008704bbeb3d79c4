/** The screen's clock: live, rehearsal start in the event zone, time-lapse, frozen, and the staff offset. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isRehearsal, resolveAt, ScreenClock } from '../../../core/screen/clock.ts';

const ZONE = 'Europe/Stockholm';
const at = (wall: string): number => DateTime.fromISO(wall, { zone: ZONE }).toMillis();

describe('screen clock', () => {
  it('reads a bare wall time in the event zone, whatever the machine zone', () => {
    expect(resolveAt('2026-05-06T10:15', ZONE)).toBe(Date.UTC(2026, 4, 6, 8, 15));
    expect(resolveAt('2026-05-06T10:15+02:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 4, 6, 8, 15));
    expect(resolveAt('2026-05-06T10:15Z', ZONE)).toBe(Date.UTC(2026, 4, 6, 10, 15));
    expect(resolveAt('not a time', ZONE)).toBeNull();
    expect(resolveAt(null, ZONE)).toBeNull();
  });

  it('live time is real time plus the offset', () => {
    const clock = new ScreenClock({ at: null, speed: 1, realStart: 1_000 }, ZONE);
    expect(clock.read(5_000, 0)).toBe(5_000);
    expect(clock.read(5_000, 15 * 60_000)).toBe(5_000 + 15 * 60_000);
    expect(clock.live(5_000)).toBe(5_000);
  });

  it('a rehearsal starts at `at` and runs at its speed; the offset adds on top', () => {
    const real = Date.UTC(2030, 0, 1);
    const clock = new ScreenClock({ at: '2026-05-07T09:10', speed: 60, realStart: real }, ZONE);
    expect(clock.read(real, 0)).toBe(at('2026-05-07T09:10'));
    expect(clock.read(real + 1_000, 0)).toBe(at('2026-05-07T09:11'));
    expect(clock.read(real + 1_000, -15 * 60_000)).toBe(at('2026-05-07T08:56'));
    expect(clock.realDelay(60_000)).toBe(1_000);
  });

  it('speed 0 freezes the clock', () => {
    const clock = new ScreenClock({ at: '2026-05-07T09:10', speed: 0, realStart: 0 }, ZONE);
    expect(clock.read(3_600_000, 0)).toBe(at('2026-05-07T09:10'));
    expect(clock.realDelay(1)).toBe(Infinity);
  });

  it('knows a rehearsal from live time', () => {
    expect(isRehearsal({ at: null, speed: 1, realStart: 0 }, 0)).toBe(false);
    expect(isRehearsal({ at: null, speed: 1, realStart: 0 }, 60_000)).toBe(true);
    expect(isRehearsal({ at: null, speed: 60, realStart: 0 }, 0)).toBe(true);
    expect(isRehearsal({ at: '2026-05-07T09:10', speed: 1, realStart: 0 }, 0)).toBe(true);
  });
});
