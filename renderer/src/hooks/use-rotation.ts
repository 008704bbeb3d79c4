/**
 * Which page of a rotation shows (spotlight speaker, rooms page, announcement).
 * Derived from the real clock alone (rotationIndex), so neighbouring screens
 * agree with no network, even while rehearsing at another time or speed; one
 * timer per page change, at nextRotationAt.
 */
import { useEffect, useState } from 'react';
import { nextRotationAt, rotationIndex } from '../../../core/engine/format.ts';

export function useRotation(count: number, intervalMs: number): number {
  const [at, setAt] = useState(() => Date.now());
  useEffect(() => {
    if (count <= 1) return;
    const wait = (): ReturnType<typeof setTimeout> =>
      setTimeout(
        () => {
          // Timers may fire a little early; only move on once the boundary has passed.
          const now = Date.now();
          if (now < nextRotationAt(at, intervalMs)) handle = wait();
          else setAt(now);
        },
        Math.max(1, nextRotationAt(at, intervalMs) - Date.now()),
      );
    let handle = wait();
    return () => clearTimeout(handle);
  }, [at, intervalMs, count]);
  return rotationIndex(at, intervalMs, count);
}
