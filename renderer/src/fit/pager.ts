/**
 * A biography too long for its window, shown a page of whole lines at a time.
 * The window is cut to the page's own lines, so no line is ever partly in it;
 * pages turn on the wall clock's boundaries (like the spotlight), so
 * neighbouring screens turn together, never faster than one page per 7 s. A
 * turn changes the page in place: nothing slides past the window's edge, and
 * nothing animates (a fade out and in cost as much main-thread time as the
 * rest of a break together: npm run bench).
 */
import { t } from '../../../core/i18n/index.ts';
import { rotationIndex } from '../../../core/engine/format.ts';
import type { FitPlan } from '../../../core/layout/fit.ts';
import { maxPages, planPages, type Page } from '../../../core/layout/pages.ts';
import type { Cancel, ClockService } from '../clock/clock-service.ts';
import type { Measured } from './measure.ts';

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
    const plan2 = planPages(lines, minHeight + plan.spare, maxPages(periodMs));
    [...content.children].forEach((block, i) => {
      if (i >= plan2.blocks && block instanceof HTMLElement) {
        block.hidden = true;
        block.dataset.fitHidden = '';
      }
    });
    const pager = new Pager(window, content, unit.querySelector<HTMLElement>('[data-page-marks]'), plan2.pages, periodMs, clock);
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
