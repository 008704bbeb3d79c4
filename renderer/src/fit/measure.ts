/**
 * Reading a fit box from the DOM, and writing a plan back. The markup says
 * what each element is: the box (`data-fit-box`) holds groups
 * (`data-fit-group`, `data-fit-optional` when it may go), a group holds units
 * (its element children): `data-yield="rank"` may yield, `data-more` is the
 * "+ N more" line (of the rows with the same `data-list`), `data-fit-fixed` never changes size, `data-fill` is a
 * pager. Text that shrinks carries `data-text="primary|secondary|reading"`;
 * its size floor is the computed `--floor` the stylesheet gives it.
 */
import type { FitBox, FitPlan, FitUnit } from '../../../core/layout/fit.ts';
import type { Line } from '../../../core/layout/pages.ts';
import { floorPx } from './floors.ts';

export interface Measured {
  box: FitBox;
  groups: HTMLElement[];
  units: HTMLElement[][];
  /** The pager's lines, when the box has one. */
  pager: { unit: HTMLElement; content: HTMLElement; lines: Line[]; minHeight: number } | null;
}

/** Lines of a pager's text shown at least, or it yields whole. */
const PAGER_MIN_LINES = 3;
/** Lines a pager would like (when its text is that long), yielding before the later rows a layout keeps. */
const PAGER_WISH_LINES = 8;

const px = (value: string): number => parseFloat(value) || 0;

/**
 * The space between a container's shown children as drawn. Where flex `gap` does nothing (Chrome 83 and older,
 * css-fallbacks.ts) the computed row-gap still reads as declared, and the spaces are margins instead
 * (styles/old-engines.css): those are read, on the children after the first (a `.time-left` keeps its auto margin
 * and no gap there).
 */
function gapOf(style: CSSStyleDeclaration, children: Element[]): number {
  if (!document.documentElement.classList.contains('no-flex-gap')) return px(style.rowGap);
  let gap = 0;
  for (const child of children.slice(1)) {
    if (!child.classList.contains('time-left')) gap = Math.max(gap, px(getComputedStyle(child).marginTop));
  }
  return gap;
}

/** "+ 3 more" in the screen's words (`data-more`, "+ {n} more" or "+ {n} earlier"). */
function moreText(line: HTMLElement, count: number): string {
  return (line.dataset.more ?? '').replace('{n}', String(count));
}

/** Puts everything back as designed: all units shown, full size. Writes only. */
export function resetBox(el: HTMLElement): void {
  el.dataset.measuring = '';
  el.style.setProperty('--fit', '1');
  el.style.setProperty('--floor-fit', '1');
  el.style.setProperty('--grow', '1');
  delete el.dataset.grown;
  for (const hidden of el.querySelectorAll<HTMLElement>('[data-fit-hidden]')) {
    hidden.hidden = false;
    delete hidden.dataset.fitHidden;
    delete hidden.dataset.fitElsewhere;
  }
  for (const more of el.querySelectorAll<HTMLElement>('[data-more]')) more.textContent = moreText(more, 99);
  for (const window of el.querySelectorAll<HTMLElement>('[data-pager-window]')) {
    window.style.height = '';
    // A biography set a little smaller to stand on one page, or larger to fill its pages (pager.ts), is measured at
    // its designed size again.
    window.parentElement?.style.removeProperty('--fit');
    window.parentElement?.style.removeProperty('--grow');
    (window.firstElementChild as HTMLElement | null)?.style.removeProperty('transform');
  }
}

/** How far a unit's text may shrink: the largest floor / size among its texts (1 when it has none). */
function floorOf(unit: HTMLElement): number {
  let floor = 0;
  const texts = unit.matches('[data-text]')
    ? [unit, ...unit.querySelectorAll<HTMLElement>('[data-text]')]
    : [...unit.querySelectorAll<HTMLElement>('[data-text]')];
  for (const text of texts) {
    const style = getComputedStyle(text);
    const size = px(style.fontSize);
    if (size > 0) floor = Math.max(floor, Math.min(1, floorPx(text, style) / size));
  }
  return texts.length === 0 ? 1 : floor;
}

/** The line boxes of a pager's text, from the top of the text. Reads only. */
export function linesOf(content: HTMLElement): Line[] {
  const origin = content.getBoundingClientRect().top;
  const lines: Line[] = [];
  const range = document.createRange();
  [...content.children].forEach((block, index) => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.height < 1) continue;
        const top = rect.top - origin;
        const bottom = rect.bottom - origin;
        const same = lines.find((l) => l.block === index && top < l.bottom && bottom > l.top);
        if (same) {
          same.top = Math.min(same.top, top);
          same.bottom = Math.max(same.bottom, bottom);
        } else lines.push({ top, bottom, block: index });
      }
    }
  });
  return lines.sort((a, b) => a.top - b.top);
}

/** Reads the box at its designed size. Reads only: one layout for however many boxes are read together. */
export function measureBox(el: HTMLElement): Measured {
  const style = getComputedStyle(el);
  const available = el.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
  const groups = [...el.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c.hasAttribute('data-fit-group'));
  const units: HTMLElement[][] = [];
  let pager: Measured['pager'] = null;
  const box: FitBox = {
    available,
    // How far this box's text may grow into room left over (the stylesheet's --grow-most: 1.3, a moment's 3).
    grow: parseFloat(style.getPropertyValue('--grow-most')) || 1,
    gap: gapOf(style, groups),
    groups: groups.map((group) => {
      const g = getComputedStyle(group);
      const children = [...group.children].filter(
        (c): c is HTMLElement => c instanceof HTMLElement && getComputedStyle(c).display !== 'none',
      );
      units.push(children);
      return {
        overhead: px(g.paddingTop) + px(g.paddingBottom) + px(g.borderTopWidth) + px(g.borderBottomWidth),
        gap: gapOf(g, children),
        optional: group.hasAttribute('data-fit-optional'),
        units: children.map((unit): FitUnit => {
          const rank = unit.dataset.yield === undefined ? undefined : Number(unit.dataset.yield);
          const list = unit.dataset.list ?? '';
          const common = {
            ...(rank !== undefined ? { rank, list } : {}),
            ...(unit.hasAttribute('data-more') ? { more: list } : {}),
          };
          if (unit.hasAttribute('data-fill')) {
            const content = unit.querySelector<HTMLElement>('[data-pager-window] > *');
            const lines = content ? linesOf(content) : [];
            const last = lines[Math.min(PAGER_MIN_LINES, lines.length) - 1];
            const minHeight = last ? last.bottom - lines[0]!.top : 0;
            const wished = lines[Math.min(PAGER_WISH_LINES, lines.length) - 1];
            const wish = wished ? wished.bottom - lines[0]!.top - minHeight : 0;
            const chrome = content ? unit.getBoundingClientRect().height - content.getBoundingClientRect().height : 0;
            const all = lines.length > 0 ? lines[lines.length - 1]!.bottom - lines[0]!.top : 0;
            if (content) pager = { unit, content, lines, minHeight };
            const wishRank = Number(unit.dataset.wishYield);
            return {
              ...common,
              height: minHeight + Math.max(0, chrome),
              floor: 1,
              fixed: true,
              fill: true,
              whole: all + Math.max(0, chrome),
              ...(wish > 0 && Number.isFinite(wishRank) ? { wish: { height: wish, rank: wishRank } } : {}),
            };
          }
          const fixed = unit.hasAttribute('data-fit-fixed');
          return {
            ...common,
            height: unit.getBoundingClientRect().height,
            floor: fixed ? 1 : floorOf(unit),
            ...(fixed ? { fixed } : {}),
          };
        }),
      };
    }),
  };
  return { box, groups, units, pager };
}

/**
 * How much of a grown box's text the box holds as drawn: 1 when it holds, else the smallest share of height (a
 * wrap came sooner than the growth predicts) or width (a word wider than its column: grown boxes never break a
 * word, base.css) its box or panels have for it. Reads only.
 */
export function holds(el: HTMLElement): number {
  const parts = [el, ...el.querySelectorAll<HTMLElement>('[data-fit-group]')];
  let share = 1;
  for (const part of parts) {
    if (part.scrollHeight > part.clientHeight + 1) share = Math.min(share, part.clientHeight / part.scrollHeight);
    if (part.scrollWidth > part.clientWidth + 1) share = Math.min(share, part.clientWidth / part.scrollWidth);
  }
  return share;
}

/** Writes the plan: the scale, what yields, the "+ N more" lines. Writes only. */
export function applyPlan(el: HTMLElement, measured: Measured, plan: FitPlan): void {
  delete el.dataset.measuring;
  el.style.setProperty('--fit', plan.scale.toFixed(4));
  el.style.setProperty('--floor-fit', plan.floorScale.toFixed(4));
  el.style.setProperty('--grow', plan.grow.toFixed(4));
  if (plan.grow > 1) el.dataset.grown = '';
  else delete el.dataset.grown;
  const hide = (node: HTMLElement): void => {
    node.hidden = true;
    node.dataset.fitHidden = '';
  };
  measured.groups.forEach((group, g) => {
    if (!plan.groupShown[g]) hide(group);
    measured.units[g]!.forEach((unit, u) => {
      if (!plan.shown[g]![u]) hide(unit);
      else if (unit.hasAttribute('data-more')) unit.textContent = moreText(unit, plan.counts[g]![u]!);
    });
  });
}
