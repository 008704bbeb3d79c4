/**
 * A biography too long for its window, shown a page of whole lines at a time;
 * one that misses its window by a little is set a little smaller instead (never
 * below KEEP_SCALE or its floor), so it stands whole on one page rather than
 * on two that each leave the window half empty.
 * The window is cut to the page's own lines, so no line is ever partly in it;
 * pages turn on the wall clock's boundaries (like the spotlight), so
 * neighbouring screens turn together, never faster than one page per 7 s. A
 * turn changes the page in place: nothing slides past the window's edge, and
 * nothing animates (a fade out and in cost as much main-thread time as the
 * rest of a break together: npm run bench).
 */
import { t } from '../../../core/i18n/index.ts';
import { rotationIndex } from '../../../core/engine/format.ts';
import { KEEP_SCALE, type FitPlan } from '../../../core/layout/fit.ts';
import { maxPages, planPages, type Line, type Page, type PagePlan } from '../../../core/layout/pages.ts';
import type { Cancel, ClockService } from '../clock/clock-service.ts';
import { floorPx } from './floors.ts';
import { linesOf, type Measured } from './measure.ts';

/** How far the text's floors let it shrink: the largest floor / size among its texts. Reads only. */
function floorShare(content: HTMLElement): number {
  let share = 0;
  for (const text of content.querySelectorAll<HTMLElement>('[data-text]')) {
    const style = getComputedStyle(text);
    const size = parseFloat(style.fontSize) || 0;
    if (size > 0) share = Math.max(share, floorPx(text, style) / size);
  }
  return share;
}

/**
 * One page of the whole text set at the scale that lets it stand in `room`, when that scale keeps the text at
 * KEEP_SCALE of its designed size or more and above its floors; else null, and the text is as designed.
 * Text set smaller never takes more lines, so the scale is a first guess that is then checked as drawn.
 */
function onePage(unit: HTMLElement, content: HTMLElement, lines: readonly Line[], room: number): PagePlan | null {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last || last.bottom - first.top <= room) return null;
  const scale = Math.floor((room / (last.bottom - first.top)) * 1000) / 1000;
  if (scale < KEEP_SCALE || scale < floorShare(content)) return null;
  unit.style.setProperty('--fit', String(scale));
  const set = linesOf(content);
  const top = set[0]?.top ?? 0;
  const height = (set[set.length - 1]?.bottom ?? 0) - top;
  if (height <= room) return { pages: [{ top, height }], blocks: content.children.length };
  unit.style.removeProperty('--fit');
  return null;
}

/**
 * How far a paged biography's text may grow into its window: it stays below the talk's title beside it (2.5 against
 * 3.4 vmin on the board, 2.9 against 4 in the spotlight view).
 */
const PAGE_GROW_MOST = 1.3;
/** Sizes tried at most, each one layout of the pager: the share the tallest page leaves, then halfway. */
const PAGE_GROW_TRIES = 3;

/**
 * Pages of even length leave the room below each page empty where the window is taller than the tallest page (two
 * pages of five lines where seven stand: two lines empty on each). The text is set larger while the same number of
 * pages still holds the same paragraphs, checked as drawn (larger text wraps sooner: each size is measured, not
 * predicted), and keeps the largest that held. Returns the pages at that size.
 */
function fillPages(unit: HTMLElement, content: HTMLElement, plan: PagePlan, room: number, max: number): PagePlan {
  const tallest = Math.max(...plan.pages.map((page) => page.height));
  if (plan.pages.length < 2 || !(tallest > 0)) return plan;
  let held = 1;
  let failed = Infinity;
  let best = plan;
  let size = Math.min(PAGE_GROW_MOST, room / tallest);
  for (let i = 0; i < PAGE_GROW_TRIES && size > held + 0.02; i++) {
    unit.style.setProperty('--grow', size.toFixed(4));
    const grown = planPages(linesOf(content), room, max);
    if (grown.pages.length <= plan.pages.length && grown.blocks >= plan.blocks) {
      held = size;
      best = grown;
    } else failed = size;
    size = failed === Infinity ? held : (held + failed) / 2;
  }
  if (held > 1) unit.style.setProperty('--grow', held.toFixed(4));
  else unit.style.removeProperty('--grow');
  return best;
}

export class Pager {
  private cancel: Cancel | null = null;
  private index = -1;

  private constructor(
    private readonly window: HTMLElement,
    private readonly content: HTMLElement,
    private readonly marks: HTMLElement | null,
    private readonly pages: Page[],
    private readonly periodMs: number,
    private readonly clock: ClockService,
  ) {}

  /** Cuts the pages for the space the plan left and shows the one the clock says; null when the pager yielded. */
  static start(measured: NonNullable<Measured['pager']>, plan: FitPlan, clock: ClockService): Pager | null {
    const { unit, content, lines, minHeight } = measured;
    const window = content.parentElement;
    if (unit.hidden || !window) return null;
    const periodMs = Number(unit.dataset.fillPeriod) || 15_000;
    const marks = unit.querySelector<HTMLElement>('[data-page-marks]');
    if (plan.whole) {
      // The whole text grows with the box (core/layout/fit.ts): the window is left unclipped, at the text's own
      // height, so the growth is checked as drawn with every line in it (fit-scheduler.ts) and none is ever cut.
      const whole = new Pager(window, content, marks, [], periodMs, clock);
      whole.drawMarks();
      return whole;
    }
    const room = minHeight + plan.spare;
    const max = maxPages(periodMs);
    const plan2 = onePage(unit, content, lines, room) ?? fillPages(unit, content, planPages(lines, room, max), room, max);
    [...content.children].forEach((block, i) => {
      if (i >= plan2.blocks && block instanceof HTMLElement) {
        block.hidden = true;
        block.dataset.fitHidden = '';
      }
    });
    const pager = new Pager(window, content, marks, plan2.pages, periodMs, clock);
    pager.drawMarks();
    pager.show(pager.current());
    if (plan2.pages.length > 1) pager.cancel = clock.onWallBoundary(periodMs / plan2.pages.length, () => pager.turn());
    return pager;
  }

  /** No more turns: the window is left to whoever fits it next. */
  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private current(): number {
    // Page i of n shows in the i-th n-th of each period of the wall clock, as every rotation turns.
    return rotationIndex(this.clock.wall(), this.periodMs / this.pages.length, this.pages.length);
  }

  private turn(): void {
    const next = this.current();
    if (next !== this.index) this.show(next);
  }

  private show(index: number): void {
    const page = this.pages[index];
    if (!page) return;
    this.index = index;
    this.window.style.height = `${page.height}px`;
    this.content.style.transform = `translateY(${-page.top}px)`;
    this.marks?.querySelectorAll('span').forEach((mark, i) => mark.classList.toggle('on', i === index));
    this.marks?.setAttribute('aria-label', t('page.of', { n: index + 1, count: this.pages.length }));
  }

  private drawMarks(): void {
    if (!this.marks) return;
    this.marks.replaceChildren(...this.pages.map(() => document.createElement('span')));
    this.marks.hidden = this.pages.length < 2;
  }
}
