/**
 * Sleep hours on the board (core/screen/sleep.ts): whether the screen is black
 * now, re-read at the one moment the decision changes, and the burn-in shift,
 * moved once an hour of wall-clock time. No timer runs for a screen without
 * sleep hours beyond the hourly shift.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Timeline } from '../../../core/engine/timeline.ts';
import { burnInShift, SHIFT_PERIOD_MS, sleepAt, type SleepDecision, type SleepHours } from '../../../core/screen/sleep.ts';
import { useClock } from './clock-context.tsx';

/** The decision for the clock's reading: the same object while the reading stays within it (useSyncExternalStore). */
export function sleepReader(
  read: () => number,
  timeline: Timeline,
  hours: SleepHours | null,
  wakeUntil: number | null,
): () => SleepDecision {
  let last: (SleepDecision & { from: number }) | null = null;
  return () => {
    const now = read();
    if (last === null || now < last.from || (last.changesAt !== null && now >= last.changesAt))
      last = { ...sleepAt(timeline, now, hours, wakeUntil), from: now };
    return last;
  };
}

export function useAsleep(timeline: Timeline, hours: SleepHours | null, wakeUntil: number | null): boolean {
  const { service, offset } = useClock();
  const read = useMemo(
    () => sleepReader(() => service.read(offset), timeline, hours, wakeUntil),
    [service, offset, timeline, hours, wakeUntil],
  );
  const decision = useSyncExternalStore(service.subscribe, read, read);
  const changesAt = decision.changesAt;
  useEffect(() => (changesAt === null ? undefined : service.at(changesAt, offset, service.notify)), [service, offset, changesAt]);
  return decision.asleep;
}

/** The few pixels static elements are moved by this hour (as CSS custom properties). */
export function useBurnInShift(): React.CSSProperties {
  const { service } = useClock();
  const read = (): number => Math.floor(service.wall() / SHIFT_PERIOD_MS);
  const hour = useSyncExternalStore(service.subscribe, read, read);
  useEffect(() => service.onWallBoundary(SHIFT_PERIOD_MS, service.notify), [service]);
  // One object per hour, so what is built from it is rebuilt once an hour, not on every render.
  return useMemo(() => {
    const { x, y } = burnInShift(hour * SHIFT_PERIOD_MS);
    return { '--shift-x': `${x}px`, '--shift-y': `${y}px` } as React.CSSProperties;
  }, [hour]);
}
