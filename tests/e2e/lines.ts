/**
 * The line check: a line of text is wholly visible or not shown. For every
 * text node on the board, each of its line boxes (Range.getClientRects) is
 * compared with every ancestor that clips (overflow other than visible) and
 * with the viewport. A line partly inside is cut; a line wholly outside is
 * hidden, which is fine for a biography's other page but never for a title, a
 * name or a time. Text that is not rendered (display: none, a yielded unit) has
 * no line boxes and is not looked at here; what must be on screen is asserted
 * by the moments suite.
 */
import type { Page } from '@playwright/test';

export interface LineProblem {
  text: string;
  problem: string;
}

/** Titles, names and times: never hidden, never cut (the rule 2). */
export const ESSENTIAL =
  'h1, h2, h3, time, [class*="title"], [class*="name"], [class*="time"], .panel-time, .day-row-time, .rooms-time';

export async function cutLines(page: Page): Promise<LineProblem[]> {
  return page.evaluate(cutLinesInPage, ESSENTIAL);
}

/**
 * The line check itself, run in the page: self-contained and plain enough for the old engines' suite
 * (tests/engines), which injects it over the DevTools protocol.
 */
export function cutLinesInPage(essential: string): LineProblem[] {
  const problems: { text: string; problem: string }[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const root = document.querySelector('.app');
  if (!root) return [{ text: '', problem: 'no board on the page' }];
  interface Clip {
    name: string;
    left: number;
    top: number;
    right: number;
    bottom: number;
  }
  const clipsOf = new Map<Element, Clip[]>();
  /** The clipping rectangles (padding boxes) above an element, nearest first, ending with the viewport. */
  const clips = (el: Element): Clip[] => {
    const known = clipsOf.get(el);
    if (known) return known;
    const parent = el.parentElement;
    const above =
      parent && parent !== document.body ? clips(parent) : [{ name: 'the viewport', left: 0, top: 0, right: vw, bottom: vh }];
    const s = getComputedStyle(el);
    let own = above;
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.contain.includes('paint')) {
      const r = el.getBoundingClientRect();
      const left = r.left + el.clientLeft;
      const top = r.top + el.clientTop;
      const name = `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}`;
      own = [{ name, left, top, right: left + el.clientWidth, bottom: top + el.clientHeight }, ...above];
    }
    clipsOf.set(el, own);
    return own;
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const content = (node.textContent ?? '').trim();
    const el = node.parentElement;
    if (!content || !el) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || el.closest('[aria-hidden="true"]')) continue;
    const must = el.closest(essential) !== null;
    range.selectNodeContents(node);
    for (const line of Array.from(range.getClientRects())) {
      if (line.width < 1 || line.height < 1) continue;
      // The line box is the font's whole ascent and descent: allow its empty top and bottom to overhang.
      const slackY = line.height * 0.15;
      const slackX = 1;
      for (const clip of clips(el)) {
        const inside =
          line.top >= clip.top - slackY &&
          line.bottom <= clip.bottom + slackY &&
          line.left >= clip.left - slackX &&
          line.right <= clip.right + slackX;
        if (inside) continue;
        const outside =
          line.bottom <= clip.top + slackY ||
          line.top >= clip.bottom - slackY ||
          line.right <= clip.left + slackX ||
          line.left >= clip.right - slackX;
        const text = content.slice(0, 60);
        if (!outside) problems.push({ text, problem: `line cut by ${clip.name}` });
        else if (must) problems.push({ text, problem: `title, name or time hidden by ${clip.name}` });
        break;
      }
    }
  }
  return problems;
}

/** What each kind of text is on the board, by the rule 5 (the test's own list, not the board's markup). */
export const ROLES = {
  primary: '.clock-time, .room-name, .panel-time, .item-title, .break-title, .break-until, .break-next-title, .moment-title',
  secondary:
    '.speaker-name, .speaker-affiliation, .day-row-title, .day-row-time, .day-row-who, .spotlight-name, .spotlight-affiliation, .spotlight-talk, .section-label, .countdown, .time-left-text, .place-name, .place-address, .item-subtitle, .more-line, .also-now-title',
  reading: '.spotlight-bio, .spotlight-abstract, .item-abstract',
} as const;

/** Capital height as a share of the viewing distance (0.5 %, 0.3 %, 0.2 %). */
export const SHARE = { primary: 0.005, secondary: 0.003, reading: 0.002 } as const;

/**
 * Texts whose capitals are smaller than the venue's distance asks: the
 * capital height is measured on the rendered font (canvas: the ascent of "H"
 * in the element's own font), the floor worked out here from the screen's
 * physical size, so a wrong constant on the board cannot hide.
 */
export async function smallTexts(page: Page, display = { distance: 5, diagonal: 55 }): Promise<LineProblem[]> {
  return page.evaluate(smallTextsInPage, { roles: ROLES, share: SHARE, display });
}

export interface SmallTextsArgs {
  roles: typeof ROLES;
  share: typeof SHARE;
  display: { distance: number; diagonal: number };
}

/** The size check, run in the page (self-contained, as cutLinesInPage). */
export function smallTextsInPage({ roles, share, display }: SmallTextsArgs): LineProblem[] {
  /**
   * The ascent of "H" in the context's font: from the text metrics, or where an engine has none (Chromium 77
   * reports no actualBoundingBoxAscent) from the ink itself, drawn and scanned for its top row.
   */
  const capHeight = (ctx: CanvasRenderingContext2D, fontSize: string): number => {
    const metric = ctx.measureText('H').actualBoundingBoxAscent;
    if (typeof metric === 'number') return metric;
    const size = Math.ceil(parseFloat(fontSize) * 2) + 4;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ink = canvas.getContext('2d')!;
    ink.font = ctx.font;
    ink.textBaseline = 'alphabetic';
    ink.fillStyle = '#000';
    const baseline = Math.floor(size * 0.75);
    ink.fillText('H', 2, baseline);
    const pixels = ink.getImageData(0, 0, size, size).data;
    for (let y = 0; y < baseline; y++)
      for (let x = 0; x < size; x++) if (pixels[(y * size + x) * 4 + 3]! > 127) return baseline - y;
    return 0;
  };
  const pxPerMm = Math.hypot(window.innerWidth, window.innerHeight) / (display.diagonal * 25.4);
  const context = document.createElement('canvas').getContext('2d')!;
  const problems: { text: string; problem: string }[] = [];
  for (const [role, selector] of Object.entries(roles) as [keyof typeof share, string][]) {
    const floor = display.distance * 1000 * share[role] * pxPerMm;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.getClientRects().length === 0 || !(el.textContent ?? '').trim()) continue;
      const s = getComputedStyle(el);
      context.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const cap = capHeight(context, s.fontSize);
      if (cap < floor - 0.5)
        problems.push({
          text: (el.textContent ?? '').trim().slice(0, 40),
          problem: `${role} text with capitals of ${cap.toFixed(1)} px, under ${floor.toFixed(1)} px`,
        });
    }
  }
  return problems;
}
