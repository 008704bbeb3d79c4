/**
 * One clock provider for the whole board. A single timer ticks at the next
 * tick boundary; components subscribe with the granularity they display, so
 * the clock face re-renders once a minute and the rest of the board not at all.
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { BoardClock } from './board-clock.ts';

interface ClockStore {
  clock: BoardClock;
  subscribe(listener: () => void): () => void;
  /** Tells subscribers the clock jumped (rehearsal offset changed). */
  notify(): void;
}

const ClockContext = createContext<ClockStore | null>(null);

export function ClockProvider({ clock, children }: { clock: BoardClock; children: ReactNode }) {
  const store = useMemo<ClockStore>(() => {
    const listeners = new Set<() => void>();
    return {
      clock,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      notify() {
        for (const listener of listeners) listener();
      },
    };
  }, [clock]);

  useEffect(() => {
    let cancel = (): void => {};
    const schedule = (): void => {
      const next = (Math.floor(clock.now() / clock.tickMs) + 1) * clock.tickMs;
      cancel = clock.at(next, () => {
        store.notify();
        schedule();
      });
    };
    schedule();
    return () => cancel();
  }, [clock, store]);

  return <ClockContext.Provider value={store}>{children}</ClockContext.Provider>;
}

function useClockStore(): ClockStore {
  const store = useContext(ClockContext);
  if (!store) throw new Error('useClock outside ClockProvider');
  return store;
}

export function useClock(): BoardClock {
  return useClockStore().clock;
}

export function useClockNotify(): () => void {
  return useClockStore().notify;
}

/** The clock rounded down to `granularityMs`; re-renders only when that value changes. */
export function useNow(granularityMs: number): number {
  const { clock, subscribe } = useClockStore();
  const step = Math.max(granularityMs, clock.tickMs);
  return useSyncExternalStore(subscribe, () => Math.floor(clock.now() / step) * step);
}
