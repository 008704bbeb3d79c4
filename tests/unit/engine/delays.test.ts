/**
 * "Running late": staff press +5 at 10:00 on day 1 in the main room. The rest of
 * that day in that room moves; what is over stays; other days and the venue
 * items (bus, dinner, reception) stay; −5 and reset bring the program back.
 */
import { describe, expect, it } from 'vitest';
import { adjustDelay, resetDelay, totalDelay, type Delay } from '../../../core/engine/delays.ts';
import { startLabel, timeOf } from '../../../core/engine/format.ts';
import { snapshot } from '../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../core/engine/timeline.ts';
import { at, seed, seedTimeline, ZONE } from './helpers.ts';

const DAY1 = '2026-05-06';
const TEN = at('2026-05-06T10:00');
const plusFive = adjustDelay([], 'main', DAY1, 5, TEN);

function times(timeline: Timeline, id: string): string {
  const slot = timeline.slots.find((s) => s.item.id === id)!;
  return `${timeOf(slot.start, ZONE)}–${timeOf(slot.end, ZONE)}`;
}

const printed = seedTimeline();
const late = seedTimeline(plusFive);

describe('+5 minutes at 10:00 on day 1 in room main', () => {
  it('moves the coffee break from 10:20 to 10:25 and the rest of the day with it', () => {
    expect(times(late, 'd1-1020-break')).toBe('10:25–10:55');
    expect(times(late, 'd1-1050-talk')).toBe('10:55–11:35');
    expect(times(late, 'd1-1625-talk')).toBe('16:30–17:10');
    const coffee = late.slots.find((s) => s.item.id === 'd1-1020-break')!;
    expect([coffee.delay, coffee.endDelay]).toEqual([5, 5]);
  });

  it('extends the talk running at 10:00 instead of moving its start', () => {
    expect(times(late, 'd1-0940-talk')).toBe('09:40–10:25');
    const talk = late.slots.find((s) => s.item.id === 'd1-0940-talk')!;
    expect([talk.delay, talk.endDelay]).toEqual([0, 5]);
  });

  it('leaves the items already over unchanged', () => {
    for (const id of ['d1-0830-registration', 'd1-0845-opening', 'd1-0900-talk'])
      expect(times(late, id)).toBe(times(printed, id));
  });

  it('leaves other days and the items without a room unchanged', () => {
    for (const slot of printed.slots.filter((s) => s.day !== DAY1 || s.item.room === undefined)) {
      expect(times(late, slot.item.id), slot.item.id).toBe(times(printed, slot.item.id));
    }
  });

  it('shows the board the new times: at 10:22 the talk is still on and coffee is next at 10:25', () => {
    const snap = snapshot(late, at('2026-05-06T10:22'), 'main');
    expect(snap.phase).toBe('session');
    expect(snap.now.map((s) => s.item.id)).toEqual(['d1-0940-talk']);
    expect(snap.next.map((s) => startLabel(s.start, s.day, snap.day, ZONE))).toEqual(['10:25']);
    expect(snap.changesAt).toBe(at('2026-05-06T10:25'));
    const coffee = snapshot(late, at('2026-05-06T10:25'), 'main');
    expect(coffee.phase).toBe('break');
    expect(coffee.spotlight.map((e) => e.speaker.name)).toEqual(['Niao He', 'Anastasia Koloskova']);
  });

  it('a second +5 adds up to 10 minutes for the rest of the day', () => {
    const ten = adjustDelay(plusFive, 'main', DAY1, 5, at('2026-05-06T10:05'));
    expect(totalDelay(ten, 'main', DAY1)).toBe(10);
    expect(times(seedTimeline(ten), 'd1-1130-talk')).toBe('11:40–12:20');
  });

  it('a second delay set later lengthens the talk running then, not its already shifted start', () => {
    // +5 at 10:00, then at 11:00 (during He's talk, shifted to 10:55–11:35) another +5.
    const later = adjustDelay(plusFive, 'main', DAY1, 5, at('2026-05-06T11:00'));
    expect(times(seedTimeline(later), 'd1-1050-talk')).toBe('10:55–11:40');
    expect(times(seedTimeline(later), 'd1-1130-talk')).toBe('11:40–12:20');
    expect(times(seedTimeline(later), 'd1-0940-talk')).toBe('09:40–10:25');
  });
});

describe('catching up and resetting', () => {
  const printedTimes = printed.slots.map((s) => [s.item.id, s.start, s.end]);

  it('−5 after +5 puts every item back at its printed time', () => {
    const back = adjustDelay(plusFive, 'main', DAY1, -5, at('2026-05-06T10:30'));
    expect(back).toEqual([]);
    expect(seedTimeline(back).slots.map((s) => [s.item.id, s.start, s.end])).toEqual(printedTimes);
  });

  it('reset removes the delay of that room and day only', () => {
    const both: Delay[] = adjustDelay(plusFive, 'main', '2026-05-07', 10, at('2026-05-07T09:00'));
    const reset = resetDelay(both, 'main', DAY1);
    expect(reset).toEqual([{ room: 'main', day: '2026-05-07', minutes: 10, since: at('2026-05-07T09:00') }]);
    const timeline = seedTimeline(reset);
    expect(times(timeline, 'd1-1020-break')).toBe('10:20–10:50');
    expect(times(timeline, 'd2-1020-break')).toBe('10:30–11:00');
  });

  it('a delay in a room the program does not have changes nothing', () => {
    const other = seedTimeline(adjustDelay([], 'aula', DAY1, 15, TEN));
    expect(other.slots.map((s) => [s.item.id, s.start, s.end])).toEqual(printedTimes);
  });

  it('−10 at 10:00 never ends the running talk before the moment staff pressed the key', () => {
    const early = seedTimeline(adjustDelay([], 'main', DAY1, -10, TEN));
    expect(times(early, 'd1-0940-talk')).toBe('09:40–10:10');
    expect(times(early, 'd1-1020-break')).toBe('10:10–10:40');
    const earlier = seedTimeline(adjustDelay([], 'main', DAY1, -30, TEN));
    expect(earlier.slots.find((s) => s.item.id === 'd1-0940-talk')!.end).toBe(TEN);
  });

  it('the seed itself is unchanged by compiling with delays (the program is data, not state)', () => {
    expect(seed.items.find((i) => i.id === 'd1-1020-break')!.start).toBe('2026-05-06T10:20');
  });
});
