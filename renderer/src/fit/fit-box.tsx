/**
 * The board's side of the fit: one scheduler per screen (FitProvider), a box
 * element that registers itself and refits whenever it renders (FitBox), and a
 * hook for parts of a box that change on their own, like the spotlight's
 * turn (useRefit).
 */
import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useClock } from '../clock/clock-context.tsx';
import { FitScheduler } from './fit-scheduler.ts';

/** undefined: outside a FitProvider; null: rendered without a window (the hub's first board), nothing to measure. */
const SchedulerContext = createContext<FitScheduler | null | undefined>(undefined);
const BoxContext = createContext<(() => void) | null>(null);

export function FitProvider({ children }: { children: ReactNode }) {
  const { service } = useClock();
  const scheduler = useMemo(() => (typeof document === 'undefined' ? null : new FitScheduler(service)), [service]);
  useEffect(() => () => scheduler?.stop(), [scheduler]);
  return <SchedulerContext.Provider value={scheduler}>{children}</SchedulerContext.Provider>;
}

function useScheduler(): FitScheduler | null {
  const scheduler = useContext(SchedulerContext);
  if (scheduler === undefined) throw new Error('FitBox outside FitProvider');
  return scheduler;
}

export function FitBox({ className, children, label }: { className?: string; children: ReactNode; label?: string }) {
  const scheduler = useScheduler();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current!;
    scheduler!.add(el);
    return () => scheduler!.remove(el);
  }, [scheduler]);
  // Whatever the box's owner renders may change its height: fit again (a measurement, before the paint).
  useLayoutEffect(() => scheduler!.schedule(ref.current!));
  const refit = useMemo(() => () => (ref.current ? scheduler?.schedule(ref.current) : undefined), [scheduler]);
  return (
    <div
      ref={ref}
      className={`fit-box ${className ?? ''}`}
      data-fit-box=""
      aria-label={label}
      role={label ? 'region' : undefined}
    >
      <BoxContext.Provider value={refit}>{children}</BoxContext.Provider>
    </div>
  );
}

/** A part of a box that re-renders by itself (a rotation, a countdown): refit the box when `key` changes. */
export function useRefit(key: unknown): void {
  const refit = useContext(BoxContext);
  useLayoutEffect(() => refit?.(), [refit, key]);
}
