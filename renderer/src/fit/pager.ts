/**
 * A biography too long for its window, shown a page of whole lines at a time.
 * The window is cut to the page's own lines, so no line is ever partly in it;
 * pages turn on the wall clock's boundaries (like the spotlight), so
 * neighbouring screens turn together, never faster than one page per 7 s. A
 * turn changes the page in place: nothing slides past the window's edge, and
 * nothing animates (a fade out and in cost as much main-thread time as the
 * rest of a break together: npm run bench).
 */
import type { FitPlan } from '../../../core/layout/fit.ts';
import { maxPages, planPages, type Page } from '../../../core/layout/pages.ts';
import type { Cancel, ClockService } from '../clock/clock-service.ts';
import type { Measured } from './measure.ts';

export class Pager {
  private cancel: Cancel | null = null;
  private index = -1;
  private stopped = false;

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

  /** No more turns, and a fade still running leaves the window to whoever fits it next. */
  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
  }

  private current(): number {
    const count = this.pages.length;
    if (count <= 1) return 0;
    return Math.floor((this.clock.wall() % this.periodMs) / (this.periodMs / count)) % count;
  }

  private turn(): void {
    const next = this.current();
    if (next !== this.index) this.show(next);
  }

  private show(index: number): void {
    const page = this.pages[index];
    if (!page || this.stopped) return;
    this.index = index;
    this.window.style.height = `${page.height}px`;
    this.content.style.transform = `translateY(${-page.top}px)`;
    this.marks?.querySelectorAll('span').forEach((mark, i) => mark.classList.toggle('on', i === index));
    this.marks?.setAttribute('aria-label', `Page ${index + 1} of ${this.pages.length}`);
  }

  private drawMarks(): void {
    if (!this.marks) return;
    this.marks.replaceChildren(...this.pages.map(() => document.createElement('span')));
    this.marks.hidden = this.pages.length < 2;
  }
}
