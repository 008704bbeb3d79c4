/**
 * How the all-rooms table is cut into pages. Rows grow with long titles (never
 * clipped), so pages are cut from measured heights, not a fixed row count; a
 * row layout is chosen among a few densities by the pages it needs; and the
 * pages turn on the clock, never faster than a reader can find a room.
 */

/** The slowest reader's page: no page of the table turns sooner than this. */
export const MIN_PAGE_MS = 7_000;
/** How long a page of the table shows unless the screen asks otherwise (`?pages=`). */
export const DEFAULT_PAGE_MS = 10_000;

/** The page interval a screen asks for, never below MIN_PAGE_MS. */
export function pageInterval(requestedMs: number): number {
  return Math.max(MIN_PAGE_MS, requestedMs);
}

/**
 * Greedy page breaks: as many whole rows as fit `limit`, then a new page. A
 * row taller than the page gets a page of its own. Returns each page's first row.
 */
export function pageStarts(heights: readonly number[], limit: number, gap: number): number[] {
  const starts = [0];
  let used = 0;
  heights.forEach((height, index) => {
    const needed = used === 0 ? height : used + gap + height;
    if (needed > limit && used > 0) {
      starts.push(index);
      used = height;
    } else used = needed;
  });
  return starts;
}

/**
 * Page breaks for as many pages as the greedy ones, with the rows spread evenly over them: the greedy breaks for the
 * lowest page height that needs no more pages. Greedy pages fill every page but the last, which may be left nearly
 * empty (38C3 at 720p: three full pages, then a fourth holding nine rows in the top half of the screen).
 */
export function balancedStarts(heights: readonly number[], limit: number, gap: number): number[] {
  const greedy = pageStarts(heights, limit, gap);
  if (greedy.length < 2) return greedy;
  let fits = limit;
  let tooLow = Math.min(limit, Math.max(...heights)) - 1;
  // Half a pixel is as close as a row's height is measured.
  while (fits - tooLow > 0.5) {
    const mid = (fits + tooLow) / 2;
    if (pageStarts(heights, mid, gap).length <= greedy.length) fits = mid;
    else tooLow = mid;
  }
  return pageStarts(heights, fits, gap);
}

/** One density's rows as measured: every row's height and the gap between rows. */
export interface Measured<D> {
  density: D;
  heights: readonly number[];
  gap: number;
}

export interface Pages<D> {
  density: D;
  /** Each page's first row. */
  starts: number[];
  /** Text, padding and gaps at this share of their designed size (≥ 1): a table on one page fills the screen. */
  grow?: number;
}

/** How far the table's rows may grow into the room a single page leaves: toward the board's primary text size. */
export const ROOMS_GROW_MOST = 2.5;

/**
 * The growth at which rows measured at their designed size (heights and gap in px, all in proportion to the text)
 * fill `limit`, at most `most`; 1 when they need more than one page. Text set larger may wrap sooner than this
 * predicts: the board measures the grown rows once more and grows less where they overflow.
 */
export function roomsGrowth(heights: readonly number[], gap: number, limit: number, most = ROOMS_GROW_MOST): number {
  const total = heights.reduce((sum, h) => sum + h, 0) + gap * Math.max(0, heights.length - 1);
  if (heights.length === 0 || total <= 0 || total >= limit) return 1;
  return Math.min(most, limit / total);
}

/**
 * The row layout to show: the one needing the fewest pages (a visitor looking
 * for one room waits least), and among those the roomiest, listed first; its
 * rows spread evenly over those pages.
 */
export function choosePages<D>(measured: readonly Measured<D>[], limit: number): Pages<D> {
  let best: Pages<D> | null = null;
  for (const { density, heights, gap } of measured) {
    const starts = pageStarts(heights, limit, gap);
    if (best === null || starts.length < best.starts.length) best = { density, starts };
  }
  if (best === null) throw new Error('choosePages needs at least one measured density');
  const rows = measured.find((m) => m.density === best.density)!;
  return { density: best.density, starts: balancedStarts(rows.heights, limit, rows.gap) };
}
