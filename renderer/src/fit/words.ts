/**
 * Titles, times and the event's name never break inside a word (issue #19): at a large viewing distance a word
 * can be wider than its column at its floor, and a title broken one letter per line is not read. Such a text is
 * set smaller instead, just enough for its widest word: `--word-cap` on the element, in px, which the stylesheet
 * (base.css) and, in engines without min(), fit/floors.ts hold its size under. Text set smaller never takes more
 * lines, so a fit plan made without the cap still holds with it.
 */

/** The texts that wrap only between words (base.css gives them `overflow-wrap: normal`). */
export const WHOLE_WORDS = "[data-text='primary'], .event-name";

function texts(root: Element, outside: boolean): HTMLElement[] {
  const all = [...(root.matches(WHOLE_WORDS) ? [root] : []), ...root.querySelectorAll<HTMLElement>(WHOLE_WORDS)];
  return (all as HTMLElement[]).filter((el) => !outside || el.closest('[data-fit-box]') === null);
}

/** Back to the designed size (before measuring). Writes only. */
export function clearWordCaps(root: Element, outside = false): void {
  for (const el of texts(root, outside)) el.style.removeProperty('--word-cap');
}

/** The cap each text needs for its widest word to fit its width, as drawn now (null: it fits). Reads only. */
export function readWordCaps(root: Element, outside = false): [HTMLElement, number][] {
  const caps: [HTMLElement, number][] = [];
  for (const el of texts(root, outside)) {
    const width = el.clientWidth;
    const needed = el.scrollWidth;
    if (width < 1 || needed <= width + 1) continue;
    const size = parseFloat(getComputedStyle(el).fontSize) || 0;
    // 0.98: a word's width is not quite proportional to its size (hinting, rounding).
    if (size > 0) caps.push([el, (size * width * 0.98) / needed]);
  }
  return caps;
}

/** Writes the caps read. Writes only. */
export function applyWordCaps(caps: readonly [HTMLElement, number][]): void {
  for (const [el, cap] of caps) el.style.setProperty('--word-cap', `${cap.toFixed(2)}px`);
}

/** The cap on an element, in px (Infinity: none). */
export function wordCapOf(el: HTMLElement): number {
  return parseFloat(el.style.getPropertyValue('--word-cap')) || Infinity;
}
