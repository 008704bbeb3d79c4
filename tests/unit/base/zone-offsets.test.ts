/**
 * Offsets asked once per minute (core/zone-offsets.ts) are the offsets Intl gives for every instant, on both sides of
 * each change of 2026, asked twice (the second time from the cache), in zones whose changes are not on the hour.
 */
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import '../../../core/zone-offsets.ts';

/** The offset by Intl alone, never through luxon: "GMT+05:45" → 345. */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(zone: string, ts: number): number {
  let format = formats.get(zone);
  if (!format) formats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name = format.formatToParts(new Date(ts)).find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

const ZONES = [
  'Europe/Stockholm',
  'America/New_York',
  'America/St_Johns', // -3:30, changes at 02:00 local
  'Australia/Lord_Howe', // a half-hour DST
  'Pacific/Chatham', // +12:45, changes at 02:45 local
  'Asia/Kathmandu', // +5:45, never changes
];

/** The instants of 2026 around which the zone's offset changes: hourly steps that disagree, then minute by minute. */
function changesIn2026(zone: string): number[] {
  const start = Date.UTC(2026, 0, 1);
  const changes: number[] = [];
  for (let ts = start; ts < Date.UTC(2027, 0, 1); ts += 3_600_000) {
    if (intlOffset(zone, ts) === intlOffset(zone, ts + 3_600_000)) continue;
    for (let minute = ts; minute <= ts + 3_600_000; minute += 60_000)
      if (intlOffset(zone, minute) !== intlOffset(zone, minute + 60_000)) changes.push(minute + 60_000);
  }
  return changes;
}

describe('zone offsets, asked once a minute', () => {
  it.each(ZONES)('%s: every minute around each change, and the last and first millisecond of it', (zone) => {
    const changes = changesIn2026(zone);
    expect(changes.length).toBe(zone === 'Asia/Kathmandu' ? 0 : 2);
    for (const change of changes) {
      const instants = [change - 1, change, change + 59_999];
      for (let minute = -5; minute <= 5; minute++) instants.push(change + minute * 60_000 + 30_000);
      for (const round of [1, 2])
        for (const ts of instants)
          expect({ ts: new Date(ts).toISOString(), round, offset: DateTime.fromMillis(ts, { zone }).offset }).toEqual({
            ts: new Date(ts).toISOString(),
            round,
            offset: intlOffset(zone, ts),
          });
    }
  });

  it('a local wall time on the day the clocks go forward lands on the right instant', () => {
    // 2026-03-29 in Stockholm: 02:00 CET becomes 03:00 CEST.
    const before = DateTime.fromISO('2026-03-29T01:59', { zone: 'Europe/Stockholm' });
    const after = DateTime.fromISO('2026-03-29T03:00', { zone: 'Europe/Stockholm' });
    expect(before.toUTC().toISO()).toBe('2026-03-29T00:59:00.000Z');
    expect(after.toUTC().toISO()).toBe('2026-03-29T01:00:00.000Z');
    expect(IANAZone.create('Europe/Stockholm').offset(after.toMillis() - 1)).toBe(60);
  });

  it('an instant that is no date is still not a number, not a cached minute', () => {
    expect(IANAZone.create('Europe/Stockholm').offset(NaN)).toBeNaN();
  });
});
