/**
 * Makes a block's text fit its box: shrinks the font (never below `minScale`
 * of the designed size, to stay readable from a distance) and, if the text is
 * still too long, pages through it: a short eased move every few seconds, still
 * in between, so a kiosk's compositor draws nothing while nobody moves (an
 * endless CSS scroll cost 8–20× a clock page's CPU in npm run bench). Measures
 * once per content change and on resize, never per frame. The page turns come
 * from the board's clock service, like every other timer on the board. Once the
 * text is measured with its web font, the box carries `data-fitted` (tests wait
 * for it instead of sleeping).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useClock } from '../clock/clock-context.tsx';
import type { Cancel, ClockService } from '../clock/clock-service.ts';

/** How long each page of a too-long text stays still. */
const PAGE_MS = 7000;

export function useFitText<T extends HTMLElement>(content: unknown, minScale = 0.6): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const { service } = useClock();
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    let stopPaging = (): void => {};
    const fit = (): void => {
      stopPaging();
      delete box.dataset.fitted;
      fitText(box, minScale);
      if (box.dataset.scrolling) stopPaging = pageThrough(box, service);
      // Measured with the web font (fit() runs again when it arrives): the size is final.
      if (document.fonts?.status !== 'loading') box.dataset.fitted = 'true';
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
  }, [content, minScale, service]);
  return ref;
}

/** The largest font size at which the text fits; marks the box `data-scrolling` when even the smallest does not. */
function fitText(box: HTMLElement, minScale: number): void {
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
  box.dataset.scrolling = 'true';
}

/** Pages through a text too long for its box, whole lines at a time; returns stop. */
function pageThrough(box: HTMLElement, service: ClockService): Cancel {
  const distance = box.scrollHeight - box.clientHeight;
  const designed = parseFloat(getComputedStyle(box).fontSize);
  // Whole lines per step, about two thirds of the box, so a reader keeps their place.
  const lineHeight = parseFloat(getComputedStyle(box).lineHeight) || designed * 1.4;
  const step = Math.max(lineHeight, Math.floor((box.clientHeight * 0.66) / lineHeight) * lineHeight);
  const stops: number[] = [];
  for (let y = 0; y < distance; y += step) stops.push(y);
  stops.push(distance, distance);
  return service.every(PAGE_MS, (count) => {
    box.style.setProperty('--scroll-offset', `${-stops[count % stops.length]!}px`);
  });
}
