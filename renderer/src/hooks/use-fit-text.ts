/**
 * Makes one block's text fit its box by shrinking it (never below `minScale`
 * of the designed size): one measurement, then one size, no search. A block
 * that still overflows keeps growing rows in its table (the all-rooms view
 * cuts pages from measured rows). Panels of the board fit through
 * renderer/src/fit instead, which also lets content yield. Once measured with
 * the web font, the box carries `data-fitted`.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useFitText<T extends HTMLElement>(content: unknown, minScale = 0.6): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const fit = (): void => {
      box.style.fontSize = '';
      const over = Math.max(box.scrollHeight / Math.max(1, box.clientHeight), box.scrollWidth / Math.max(1, box.clientWidth));
      if (over > 1) {
        // Text set smaller never takes more lines: shrinking by the overflow is enough in one step.
        const designed = parseFloat(getComputedStyle(box).fontSize);
        box.style.fontSize = `${designed * Math.max(minScale, 1 / over)}px`;
      }
      if (document.fonts?.status !== 'loading') box.dataset.fitted = 'true';
    };
    fit();
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) fit();
    });
    return () => {
      live = false;
    };
  }, [content, minScale]);
  return ref;
}
