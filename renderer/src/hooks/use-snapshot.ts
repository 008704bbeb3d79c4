/**
 * The board's snapshot, recomputed only when the clock passes `changesAt` or
 * the program, the delays, the room or the rehearsal offset change.
 */
import { useEffect, useMemo, useState } from 'react';
import { snapshot, type Snapshot } from '../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../core/engine/timeline.ts';
import { useClock } from './use-clock.tsx';

export function useSnapshot(timeline: Timeline, room: string | null, clockOffset: number): Snapshot {
  const clock = useClock();
  const [wake, setWake] = useState(0);
  // `wake` and `clockOffset` are not read here; they mark when the clock has moved past the last snapshot.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const snap = useMemo(() => snapshot(timeline, clock.now(), room), [timeline, room, clock, wake, clockOffset]);
  useEffect(() => {
    if (snap.changesAt === null) return;
    return clock.at(snap.changesAt, () => setWake((w) => w + 1));
  }, [snap, clock]);
  return snap;
}
