/**
 * Paging a biography by whole lines. The lines are measured once (top and
 * bottom of each line box, from the top of the text, in px); a page is as
 * many whole lines as its window holds, and the next page starts with the
 * first line that did not fit. When the pages would not all show within one
 * turn of the spotlight (each page at least MIN_PAGE_MS), what is left over
 * yields from the end: the abstract, then the last paragraphs, then lines.
 */

export interface Line {
  top: number;
  bottom: number;
  /** Which block (paragraph) the line belongs to; blocks yield whole, from the last. */
  block: number;
}

export interface Page {
  /** Where the page starts (the first line's top) and how tall its window is, in px. */
  top: number;
  height: number;
}

/** No page turns faster than this: time to read it from across a hallway. */
export const MIN_PAGE_MS = 7000;

/** How many pages fit in one turn of `periodMs` (at least one). */
export function maxPages(periodMs: number): number {
  return Math.max(1, Math.floor(periodMs / MIN_PAGE_MS));
}

/** Cuts lines into pages of at most `window` px each. */
export function cutPages(lines: readonly Line[], window: number): Page[] {
  const pages: Page[] = [];
  let first: Line | undefined;
  let last: Line | undefined;
  for (const line of lines) {
    if (first && line.bottom - first.top > window) {
      pages.push({ top: first.top, height: last!.bottom - first.top });
      first = undefined;
    }
    first ??= line;
    last = line;
  }
  if (first) pages.push({ top: first.top, height: last!.bottom - first.top });
  return pages;
}

/** The same number of pages with the smallest window: pages of even length, not a full one and a stub. */
function balanced(lines: readonly Line[], pages: Page[], window: number): Page[] {
  if (pages.length < 2) return pages;
  let low = 0;
  let high = window;
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (cutPages(lines, mid).length <= pages.length) high = mid;
    else low = mid;
  }
  return cutPages(lines, high);
}

export interface PagePlan {
  pages: Page[];
  /** Blocks shown in full or in part (0 … blocks − 1); the rest yield. */
  blocks: number;
}

/**
 * The pages for a window of `window` px when at most `max` pages may show:
 * whole blocks yield from the end until the rest fits, then, if the first
 * block alone is too long, its last lines.
 */
export function planPages(lines: readonly Line[], window: number, max: number): PagePlan {
  const blockCount = lines.reduce((n, l) => Math.max(n, l.block + 1), 0);
  for (let blocks = blockCount; blocks >= 1; blocks--) {
    const kept = lines.filter((l) => l.block < blocks);
    const pages = cutPages(kept, window);
    if (pages.length <= max) return { pages: balanced(kept, pages, window), blocks };
  }
  // One block longer than every page together: as many whole lines as the pages hold.
  return { pages: cutPages(lines, window).slice(0, max), blocks: 1 };
}
