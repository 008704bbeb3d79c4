/** Two languages by turns: the same turn for every screen reading the same clock, switching on multiples of 10 s. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { languageTurn, nextTurnAt } from '../../../core/i18n/alternation.ts';
import { ScreenClock } from '../../../core/screen/clock.ts';

const at = (iso: string, zone = 'Europe/Stockholm') => DateTime.fromISO(iso, { zone }).toMillis();

describe('language turns', () => {
  it('switch on the event clock’s multiples of 10 s, whatever the zone', () => {
    const stockholm = [at('2026-05-06T13:45:00'), at('2026-05-06T13:45:09.999'), at('2026-05-06T13:45:10')];
    const turns = stockholm.map((ms) => languageTurn(ms, 2));
    expect(turns[0]).toBe(turns[1]);
    expect(turns[2]).toBe(1 - turns[0]!);
    // A screen in Kolkata (UTC+05:30) at the same instant takes the same turn: offsets are whole minutes.
    expect(languageTurn(at('2026-05-06T17:15:05', 'Asia/Kolkata'), 2)).toBe(turns[0]);
    expect(nextTurnAt(at('2026-05-06T13:45:03.5'))).toBe(at('2026-05-06T13:45:10'));
    expect(languageTurn(at('2026-05-06T13:45:03'), 1)).toBe(0);
  });

  it('three languages go round in order', () => {
    const start = Math.ceil(at('2026-05-06T13:45:00') / 30_000) * 30_000;
    expect([0, 10_000, 20_000, 30_000].map((d) => languageTurn(start + d, 3))).toEqual([0, 1, 2, 0]);
  });

  it('two screens started apart, on live clocks, agree at every instant', () => {
    const a = new ScreenClock({ at: null, speed: 1, realStart: 1_000 }, 'Europe/Stockholm');
    const b = new ScreenClock({ at: null, speed: 1, realStart: 7_777 }, 'Europe/Stockholm');
    for (const real of [at('2026-05-06T13:45:04'), at('2026-05-06T13:45:14'), at('2026-05-06T13:45:29.5')])
      expect(languageTurn(a.read(real, 0), 2)).toBe(languageTurn(b.read(real, 0), 2));
  });
});
