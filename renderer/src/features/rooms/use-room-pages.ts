/**
 * How the all-rooms table is laid out and cut into pages. Rows grow with long
 * titles (never clipped), so the pages are cut from every row's measured
 * height, not from a fixed row count. The rows are measured in a hidden layer
 * holding all of them, once in each row density (roomy, compact, dense), and
 * the view shows the density needing the fewest pages, the roomiest among
 * those (choosePages). Screens of the same size cut the same pages, and the
 * clock picks the page. Once measured with the web font, the shown body
 * carries `data-fitted`.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { choosePages, roomsGrowth, type Measured, type Pages } from '../../../../core/engine/room-pages.ts';
import { anyWords, clearWords, fitWords, wideWords, type TableWords } from './room-words.ts';

/** Roomiest first: speakers on a line of their own, then everything on one line, then titles alone in small type. */
export const DENSITIES = ['roomy', 'compact', 'dense'] as const;
export type Density = (typeof DENSITIES)[number];

/** The pages, and the cells of the chosen density set smaller so their widest word stands whole (room-words.ts). */
export type TablePages = Pages<Density> & { words: TableWords };

export interface RoomPages {
  bodyRef: RefObject<HTMLDivElement | null>;
  measureRef: RefObject<HTMLDivElement | null>;
  pages: TablePages;
}

const FIRST: TablePages = { density: 'roomy', starts: [0], words: {} };

/**
 * The growth a table of one page is shown at: predicted from its rows' heights, then read on the measuring layer
 * (text set larger wraps sooner than the prediction says): the largest that holds, found by halving the range
 * between what holds and what does not, at most six probes of the hidden layer (two layouts each). It stops where a word of any cell
 * would be wider than its cell: grown rows never set a cell smaller for a word (room-words.ts).
 */
function grown(layer: HTMLElement, measured: readonly Measured<Density>[], density: Density, limit: number): number {
  const rows = measured.find((m) => m.density === density)!;
  layer.dataset.density = density;
  // The last density measured may have set cells smaller: none are in this one.
  clearWords(layer);
  // Heights as drawn (a badge that does not fit beside its word goes on alone), then the words.
  const holds = (grow: number): boolean => {
    layer.style.setProperty('--rooms-grow', grow.toFixed(4));
    const children = [...layer.children] as HTMLElement[];
    const gap = parseFloat(getComputedStyle(layer).rowGap) || 0;
    const height = children.reduce((sum, row) => sum + row.offsetHeight, 0) + gap * Math.max(0, children.length - 1);
    return height <= limit && !wideWords(layer);
  };
  let ok = 1;
  let bad = roomsGrowth(rows.heights, rows.gap, limit);
  if (bad > 1 && holds(bad)) ok = bad;
  else
    for (let round = 0; round < 5 && bad - ok > 0.02; round++) {
      const mid = (ok + bad) / 2;
      if (holds(mid)) ok = mid;
      else bad = mid;
    }
  layer.style.setProperty('--rooms-grow', ok.toFixed(4));
  return Math.floor(ok * 1000) / 1000;
}

export function useRoomPages(rows: unknown): RoomPages {
  const bodyRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<TablePages>(FIRST);
  useLayoutEffect(() => {
    let measuredAt = '';
    const sizeOf = (body: HTMLElement): string => `${body.clientWidth}x${body.clientHeight}`;
    const measure = (): void => {
      const body = bodyRef.current;
      const layer = measureRef.current;
      if (!body || !layer) return;
      measuredAt = sizeOf(body);
      layer.style.setProperty('--rooms-grow', '1');
      const words = new Map<Density, TableWords>();
      const measured = DENSITIES.map((density): Measured<Density> => {
        layer.dataset.density = density;
        // Heights as drawn: with the cells set smaller where a word would not fit otherwise.
        words.set(density, fitWords(layer));
        return {
          density,
          gap: parseFloat(getComputedStyle(layer).rowGap) || 0,
          heights: [...layer.children].map((row) => (row as HTMLElement).offsetHeight),
        };
      });
      const chosen = choosePages(measured, body.clientHeight);
      const chosenWords = words.get(chosen.density)!;
      // A cell set smaller for a word at the designed size would only overflow grown: no growth then.
      const growing = chosen.starts.length === 1 && !anyWords(chosenWords);
      const next: TablePages = {
        ...chosen,
        grow: growing ? grown(layer, measured, chosen.density, body.clientHeight) : 1,
        words: chosenWords,
      };
      setPages((previous) =>
        previous.density === next.density &&
        previous.starts.join() === next.starts.join() &&
        previous.grow === next.grow &&
        JSON.stringify(previous.words) === JSON.stringify(next.words)
          ? previous
          : next,
      );
      if (document.fonts?.status !== 'loading') body.dataset.fitted = 'true';
    };
    measure();
    // Rows change height without a re-render when the web font arrives, and the
    // body when the window does: cut the pages again when either happens, and
    // only then (the observer's first call, at the size just measured, is not a change).
    const observer = new ResizeObserver(() => {
      if (bodyRef.current && sizeOf(bodyRef.current) !== measuredAt) measure();
    });
    if (bodyRef.current) observer.observe(bodyRef.current);
    // Measuring is what asks for a web font, and a font can start loading after any measure (the Arabic face when
    // an Arabic word first shows): measure again whenever a load ends, as the fit scheduler does. Waiting on
    // fonts.ready only when a load was under way missed a load that began just after, and left the table unfitted.
    const fontsDone = (): void => {
      if (document.fonts.status !== 'loading') measure();
    };
    // A face that fails (a subset the player cannot fetch) ends its load with an error, not a "done".
    document.fonts?.addEventListener('loadingdone', fontsDone);
    document.fonts?.addEventListener('loadingerror', fontsDone);
    return () => {
      document.fonts?.removeEventListener('loadingdone', fontsDone);
      document.fonts?.removeEventListener('loadingerror', fontsDone);
      observer.disconnect();
    };
  }, [rows]);
  return { bodyRef, measureRef, pages };
}
