/**
 * Invariants of the engine over the whole seed symposium, every minute from
 * 5 May 12:00 to 8 May 20:00 (Stockholm), plus random instants with fast-check.
 * `changesAt` matters most: the board sleeps until then, so the snapshot must
 * not change before it, and must change at it (or the board wakes for nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../../core/engine/snapshot.ts';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import { adjustDelay } from '../../../core/engine/delays.ts';
import { at, seed, seedTimeline, view } from './helpers.ts';

const FROM = at('2026-05-05T12:00');
const TO = at('2026-05-08T20:00');
const PHASES = ['before-event', 'session', 'break', 'gap', 'between-days', 'after-event'];

const timelines = {
  'as printed': seedTimeline(),
  // Staff ran late on day 1 and caught up a little on day 2: the invariants hold with delays too.
  'with delays': compileTimeline(
    seed,
    adjustDelay(
      adjustDelay([], 'main', '2026-05-06', 7, at('2026-05-06T10:03')),
      'main',
      '2026-05-07',
      -4,
      at('2026-05-07T14:30'),
    ),
  ),
};

describe.each(Object.entries(timelines))('every minute of the symposium (%s)', (_name, timeline) => {
  for (const room of ['main', null] as const) {
    it(`on the ${room ?? 'all-rooms'} screen: one phase, consistent now/next, changesAt exact`, () => {
      // Collected rather than asserted one by one: 4,800 minutes × a dozen checks is too slow through expect().
      const failures: string[] = [];
      const check = (ok: boolean, t: number, what: string) => {
        if (!ok) failures.push(`${new Date(t).toISOString()}: ${what}`);
      };
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const boundaries = new Map<number, [ReturnType<typeof view>, ReturnType<typeof view>]>();
      for (let t = FROM; t <= TO; t += 60_000) {
        const snap = snapshot(timeline, t, room);
        check(PHASES.filter((p) => p === snap.phase).length === 1, t, `phase ${snap.phase}`);
        check(
          snap.now.length > 0 === (snap.phase === 'session' || snap.phase === 'break'),
          t,
          'now is empty exactly outside sessions and breaks',
        );
        check(
          snap.now.every((s) => s.start <= t && t < s.end),
          t,
          'now items contain the instant',
        );
        const nextStart = snap.next[0]?.start;
        check(
          snap.next.every((s) => s.start === nextStart),
          t,
          'next items share one start',
        );
        if (nextStart !== undefined) {
          check(nextStart > t, t, 'next starts later');
          check(
            !timeline.byRoom.get(room)!.some((s) => s.start > t && s.start < nextStart),
            t,
            'nothing starts between now and next',
          );
          // One room runs one thing at a time: next starts when (or after) now ends.
          if (room !== null)
            check(
              snap.now.every((s) => nextStart >= s.end),
              t,
              'next starts after now ends',
            );
        }
        check(
          snap.later.every((s) => nextStart !== undefined && s.start > nextStart && s.day === snap.day),
          t,
          'later is today after next',
        );
        const changesAt = snap.changesAt;
        check(changesAt !== null && changesAt > t, t, `changesAt ${changesAt} after the instant`);
        if (changesAt === null) continue;
        const before = view(snap, timeline);
        // Consecutive minutes mostly share a changesAt: look each boundary up once.
        let around = boundaries.get(changesAt);
        if (!around) {
          const views = [snapshot(timeline, changesAt - 1, room), snapshot(timeline, changesAt, room)].map((x) =>
            view(x, timeline),
          );
          around = views as [ReturnType<typeof view>, ReturnType<typeof view>];
          boundaries.set(changesAt, around);
        }
        check(same(around[0], before), t, 'unchanged until changesAt');
        check(!same(around[1], before), t, 'changed at changesAt');
      }
      expect(failures.slice(0, 10)).toEqual([]);
    });

    it(`on the ${room ?? 'all-rooms'} screen: snapshot(t) equals snapshot(at) for random t in [at, changesAt)`, () => {
      fc.assert(
        fc.property(fc.integer({ min: FROM, max: TO }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (t, f) => {
          const snap = snapshot(timeline, t, room);
          const later = t + Math.floor((snap.changesAt! - t) * f);
          expect(view(snapshot(timeline, later, room), timeline)).toEqual(view(snap, timeline));
        }),
        { numRuns: 1000 },
      );
    });
  }
});
