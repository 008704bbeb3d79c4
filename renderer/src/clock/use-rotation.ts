/**
 * Which page of a rotation shows (spotlight speaker, all-rooms page,
 * announcement). Derived from real wall-clock time alone, `floor(epoch ms /
 * interval) mod count`, never from the screen's (possibly rehearsing) clock:
 * neighbouring screens show the same page at the same moment with no network,
 * even while one of them rehearses another day or runs a time-lapse. The
 * service turns the page at each boundary and re-reads it after a jump.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { rotationIndex } from '../../../core/engine/format.ts';
import { useClock } from './clock-context.tsx';

export function useRotation(count: number, intervalMs: number): number {
  const { service } = useClock();
  const read = (): number => rotationIndex(service.wall(), intervalMs, count);
  const index = useSyncExternalStore(service.subscribe, read, read);
  useEffect(() => (count > 1 ? service.onWallBoundary(intervalMs, service.notify) : undefined), [service, intervalMs, count]);
  return index;
}
