/**
 * The board's snapshot for the screen's time. A snapshot holds from its `at`
 * until its `changesAt`; reading the clock gives the same snapshot until the
 * reading leaves that span (forward past `changesAt`, or back before `at` after
 * a rehearsal key or a stepped clock), and a new one as soon as it does. One
 * timer wakes the clock exactly at `changesAt`; the service's tick and its jump
 * detection catch everything else.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { snapshot, type Snapshot } from '../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../core/engine/timeline.ts';
import { useClock } from './clock-context.tsx';

/**
 * Reads the clock and returns the snapshot for that reading: the same object
 * while the reading stays inside the last snapshot's span (useSyncExternalStore
 * needs a stable value), a new one when it leaves it, whichever way it jumped.
 */
export function snapshotReader(read: () => number, timeline: Timeline, room: string | null): () => Snapshot {
  let last: Snapshot | null = null;
  return () => {
    const reading = read();
    const holds = last !== null && last.at <= reading && (last.changesAt === null || reading < last.changesAt);
    if (!holds || last === null) last = snapshot(timeline, reading, room);
    return last;
  };
}

export function useSnapshot(timeline: Timeline, room: string | null): Snapshot {
  const { service, offset } = useClock();
  const read = useMemo(() => snapshotReader(() => service.read(offset), timeline, room), [service, offset, timeline, room]);
  const snap = useSyncExternalStore(service.subscribe, read, read);
  const changesAt = snap.changesAt;
  useEffect(() => (changesAt === null ? undefined : service.at(changesAt, offset, service.notify)), [service, offset, changesAt]);
  return snap;
}
