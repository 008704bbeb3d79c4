/**
 * Where each page of the all-rooms table starts. Rows grow with long titles
 * (never clipped), so the pages are cut from every row's measured height
 * (pageStarts), not from a fixed row count; screens of the same size cut them
 * the same way, and the clock picks the page. The rows are measured in a
 * hidden layer holding all of them; once measured with the web font, the
 * shown body carries `data-fitted`.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { pageStarts } from '../../../../core/engine/rooms.ts';

export interface RoomPages {
  bodyRef: RefObject<HTMLDivElement | null>;
  measureRef: RefObject<HTMLDivElement | null>;
  starts: number[];
}

export function useRoomPages(rows: unknown): RoomPages {
  const bodyRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const [starts, setStarts] = useState<number[]>([0]);
  useLayoutEffect(() => {
    const measure = (): void => {
      const body = bodyRef.current;
      const layer = measureRef.current;
      if (!body || !layer) return;
      const gap = parseFloat(getComputedStyle(body).rowGap) || 0;
      const next = pageStarts(
        [...layer.children].map((row) => (row as HTMLElement).offsetHeight),
        body.clientHeight,
        gap,
      );
      setStarts((previous) => (previous.join() === next.join() ? previous : next));
      if (document.fonts?.status !== 'loading') body.dataset.fitted = 'true';
    };
    measure();
    // Rows change height without a re-render when the web font arrives, and the
    // body when the window does: cut the pages again whenever either resizes.
    const observer = new ResizeObserver(measure);
    if (measureRef.current) observer.observe(measureRef.current);
    if (bodyRef.current) observer.observe(bodyRef.current);
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) measure();
    });
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [rows]);
  return { bodyRef, measureRef, starts };
}
