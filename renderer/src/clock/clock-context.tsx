/**
 * One clock provider per screen. It holds the timer service for the host's
 * clock spec and passes the staff's rehearsal offset down as it is in the
 * screen state, so every reading below is `clock.read(now, offset)` with the
 * offset of the render that shows it: no copy of the offset to keep in sync.
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { ScreenClock } from '../../../core/screen/clock.ts';
import { ClockService } from './clock-service.ts';

interface ClockValue {
  service: ClockService;
  /** ScreenState.clockOffset, as rendered. */
  offset: number;
}

const ClockContext = createContext<ClockValue | null>(null);

export function ClockProvider({ clock, offset, children }: { clock: ScreenClock; offset: number; children: ReactNode }) {
  const service = useMemo(() => new ClockService(clock), [clock]);
  useEffect(() => service.start(), [service]);
  useEffect(() => {
    // The page was hidden or frozen (a suspended machine, a background tab): its timers may be
    // late and the wall clock may have moved, so read the clock again and re-arm every timer.
    const wake = (): void => {
      if (document.visibilityState === 'visible') service.rearm();
    };
    document.addEventListener('visibilitychange', wake);
    document.addEventListener('resume', wake);
    window.addEventListener('pageshow', wake);
    return () => {
      document.removeEventListener('visibilitychange', wake);
      document.removeEventListener('resume', wake);
      window.removeEventListener('pageshow', wake);
    };
  }, [service]);
  const value = useMemo(() => ({ service, offset }), [service, offset]);
  return <ClockContext.Provider value={value}>{children}</ClockContext.Provider>;
}

export function useClock(): ClockValue {
  const value = useContext(ClockContext);
  if (!value) throw new Error('useClock outside ClockProvider');
  return value;
}

/**
 * The screen's time rounded down to `granularityMs`; re-renders only when that
 * value changes, woken by a timer for the next step (the service's own watch
 * only speaks up after a jump).
 */
export function useNow(granularityMs: number): number {
  const { service, offset } = useClock();
  const step = Math.max(granularityMs, service.tickMs ?? granularityMs);
  // The same reading on the hub (the first board in the page, first-board/render.tsx) as in the page.
  const read = (): number => Math.floor(service.read(offset) / step) * step;
  const now = useSyncExternalStore(service.subscribe, read, read);
  useEffect(() => service.at(now + step, offset, service.notify), [service, offset, now, step]);
  return now;
}
