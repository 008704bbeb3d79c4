/**
 * Makes a block's text fit its box: shrinks the font (never below `minScale`
 * of the designed size, to stay readable from a distance) and, if the text is
 * still too long, pages through it: a short eased move every few seconds, still
 * in between, so a kiosk's compositor draws nothing while nobody moves (an
 * endless CSS scroll cost 8–20× a clock page's CPU in npm run bench). Measures
 * once per content change and on resize, never per frame.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** How long each page of a too-long text stays still. */
const PAGE_MS = 7000;

export function useFitText<T extends HTMLElement>(content: unknown, minScale = 0.6): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    let pager: number | undefined;
    const stopPaging = (): void => {
      window.clearInterval(pager);
      pager = undefined;
    };
    const fit = (): void => {
      stopPaging();
      box.style.fontSize = '';
      box.removeAttribute('data-scrolling');
      box.style.removeProperty('--scroll-offset');
      const overflows = (): boolean => box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth;
      if (!overflows()) return;
      const designed = parseFloat(getComputedStyle(box).fontSize);
      // Never below the board's readable minimum (--min-text, in vh).
      const floorPx = (parseFloat(getComputedStyle(box).getPropertyValue('--min-text')) || 0) * (window.innerHeight / 100);
      let low = Math.min(1, Math.max(minScale, floorPx / designed));
      let high = 1;
      box.style.fontSize = `${designed * low}px`;
      if (!overflows()) {
        // Binary search for the largest size that fits: a handful of layouts, once.
        for (let i = 0; i < 7; i++) {
          const mid = (low + high) / 2;
          box.style.fontSize = `${designed * mid}px`;
          if (overflows()) high = mid;
          else low = mid;
        }
        box.style.fontSize = `${designed * low}px`;
        return;
      }
      const distance = box.scrollHeight - box.clientHeight;
      box.dataset.scrolling = 'true';
      // Whole lines per step, about two thirds of the box, so a reader keeps their place.
      const lineHeight = parseFloat(getComputedStyle(box).lineHeight) || designed * 1.4;
      const step = Math.max(lineHeight, Math.floor((box.clientHeight * 0.66) / lineHeight) * lineHeight);
      const stops: number[] = [];
      for (let y = 0; y < distance; y += step) stops.push(y);
      stops.push(distance, distance);
      let index = 0;
      pager = window.setInterval(() => {
        index = (index + 1) % stops.length;
        box.style.setProperty('--scroll-offset', `${-stops[index]!}px`);
      }, PAGE_MS);
    };
    fit();
    // Refit when the box itself changes size (window resize, a sibling grew) or the web font arrives;
    // the box's size never depends on its own text (flex-basis 0), so this cannot loop.
    let width = box.clientWidth;
    let height = box.clientHeight;
    const observer = new ResizeObserver(() => {
      if (box.clientWidth === width && box.clientHeight === height) return;
      width = box.clientWidth;
      height = box.clientHeight;
      fit();
    });
    observer.observe(box);
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) fit();
    });
    return () => {
      live = false;
      stopPaging();
      observer.disconnect();
    };
  }, [content, minScale]);
  return ref;
}
