/** How a time of day is written and read, in the zone asked for whatever the machine zone (core/time.ts). */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { hhmm, hhmmAt, hhmmOfMinutes, hhmmOfText, minutesOfDay } from '../../../core/time.ts';

describe('times of day', () => {
  it('writes an instant as HH:MM in the zone asked for, whatever the machine zone', () => {
    const instant = Date.UTC(2026, 4, 6, 7, 5);
    expect(hhmmAt(instant, 'Europe/Stockholm')).toBe('09:05');
    expect(hhmmAt(instant, 'America/Los_Angeles')).toBe('00:05');
    expect(hhmm(DateTime.fromMillis(instant, { zone: 'Asia/Tokyo' }))).toBe('16:05');
  });

  it('reads and writes minutes after midnight', () => {
    expect(hhmmOfMinutes(4 * 60)).toBe('04:00');
    expect(hhmmOfMinutes(23 * 60 + 59)).toBe('23:59');
    expect(minutesOfDay('04:30')).toBe(270);
  });

  it('tidies a time as exports write it', () => {
    expect(hhmmOfText('9:05')).toBe('09:05');
    expect(hhmmOfText(' 09:05:00')).toBe('09:05');
    expect(hhmmOfText('noon')).toBe('noon');
  });
});
