/**
 * Text floors for engines without CSS max() (Chromium 78 and older: LG webOS, Tizen 6). Where max() works the
 * stylesheet sets each text at the larger of its fitted size and its floor (base.css); there it has the fitted size
 * only (styles/old-engines.css), and this sets the larger of the two on the element itself, in px: once at the
 * designed size before a fit box is measured (so the measurement sees what will be drawn) and again after its plan.
 * Reads all, then writes all: one style pass each time. Nothing happens in an engine with max().
 */
import { wordCapOf } from './words.ts';

export const FLOORS_BY_SCRIPT = typeof CSS !== 'undefined' && !CSS.supports('width', 'max(1px, 2px)');

/** Texts with a floor: the shrinking texts (their role's `--floor`), and day rows (the secondary floor). */
const FLOORED = '[data-text], .day-row';

let probe: HTMLElement | null = null;

/**
 * A length in px. `--floor` is registered (@property) and so already in px, except in engines without @property
 * (Chrome 84 and older), where it is still `calc(…px * k)`: a hidden probe resolves it there.
 */
export function lengthPx(value: string): number {
  if (/^\s*-?[\d.]+px\s*$/.test(value) || !value.trim()) return parseFloat(value) || 0;
  if (!probe) {
    probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;visibility:hidden;height:0';
    document.body.appendChild(probe);
  }
  probe.style.width = value;
  return parseFloat(getComputedStyle(probe).width) || 0;
}

/**
 * A text's floor in px, read from its role's `--floor-primary|secondary|reading` (on .app, inherited) rather than
 * `--floor`: Chromium 92 (and likely its neighbours) reports one stale value for a registered `--floor` on every
 * element (the reading floor on a primary title), though it draws with the right one.
 */
export function floorPx(el: Element, style: CSSStyleDeclaration, role = el.getAttribute('data-text')): number {
  return lengthPx(style.getPropertyValue(role ? `--floor-${role}` : '--floor'));
}

/** Back to the stylesheet's sizes (before a box is reset and measured). Writes only. */
export function clearFloors(root: Element): void {
  if (!FLOORS_BY_SCRIPT) return;
  for (const el of root.querySelectorAll<HTMLElement>(FLOORED)) el.style.removeProperty('font-size');
}

/** Each text at least at its floor (times the box's --floor-fit). */
export function applyFloors(root: Element): void {
  if (!FLOORS_BY_SCRIPT) return;
  const texts = [...root.querySelectorAll<HTMLElement>(FLOORED)];
  const raised = texts.map((el) => {
    const style = getComputedStyle(el);
    const text = el.hasAttribute('data-text');
    const floor = floorPx(el, style, text ? el.getAttribute('data-text') : 'secondary');
    const floorFit = text ? parseFloat(style.getPropertyValue('--floor-fit')) || 1 : 1;
    const size = parseFloat(style.fontSize) || 0;
    // And never above the size its widest word fits in (fit/words.ts).
    const wanted = Math.min(Math.max(size, floor * floorFit), wordCapOf(el));
    return Math.abs(wanted - size) > 0.01 ? wanted : null;
  });
  texts.forEach((el, i) => {
    const size = raised[i];
    if (size !== null && size !== undefined) el.style.fontSize = `${size.toFixed(2)}px`;
  });
}
