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
  // The board on screen: without script a portrait board may be in the page beside the landscape one, not shown.
  const root = Array.prototype.slice
    .call(document.querySelectorAll('.app'))
    .filter((app: Element) => app.getClientRects().length > 0)[0] as Element | undefined;
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

/** One fit box (a column) as the room-left check reads it. */
export interface ColumnRoom {
  /** The box's class ("board-side"). */
  box: string;
  /** Share of the column's height left empty below its last line or image. */
  empty: number;
  /** What is held back ("+ 3 more", a dropped panel, a paged biography), by its text. */
  heldBack: string[];
}

/**
 * Nothing is held back while there is room for it (issue #19): for every fit box on the board, the empty space
 * below its content is compared with each unit it holds back (a yielded row, a dropped panel at its smallest: its
 * heading, first row and "+ N more" line) and with each pager (all its pages together). A problem is something held
 * back that would fit in that space.
 */
export async function roomLeft(page: Page): Promise<{ columns: ColumnRoom[]; problems: LineProblem[] }> {
  return page.evaluate(roomLeftInPage);
}

/** The room-left check, run in the page (self-contained, as cutLinesInPage). */
export function roomLeftInPage(): { columns: ColumnRoom[]; problems: LineProblem[] } {
  const columns: ColumnRoom[] = [];
  const problems: LineProblem[] = [];
  const px = (v: string): number => parseFloat(v) || 0;
  const label = (el: Element): string => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
  const range = document.createRange();
  for (const box of document.querySelectorAll<HTMLElement>('[data-fit-box]')) {
    const r = box.getBoundingClientRect();
    if (r.height < 1) continue;
    const s = getComputedStyle(box);
    const bottom = r.bottom - px(s.paddingBottom) - px(s.borderBottomWidth);
    const inner = bottom - (r.top + px(s.paddingTop) + px(s.borderTopWidth));
    /**
     * The lowest drawn content: text lines, images, the QR code; with the padding of the unit (a group's child: a
     * row, a "+ N more" line) and of the group it ends in. A biography's lines outside its pager's window (the
     * other pages) are not drawn.
     */
    let last = r.top + px(s.paddingTop);
    let lowest: Element | null = null;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(node.textContent ?? '').trim()) continue;
      const pagerWindow = node.parentElement?.closest('[data-pager-window]');
      const shown = pagerWindow ? pagerWindow.getBoundingClientRect() : null;
      range.selectNodeContents(node);
      for (const line of Array.from(range.getClientRects())) {
        if (line.height < 1 || line.bottom > bottom + 1) continue;
        if (shown && (line.top >= shown.bottom - 0.5 || line.bottom <= shown.top + 0.5)) continue;
        if (line.bottom > last) [last, lowest] = [line.bottom, node.parentElement];
      }
    }
    for (const media of box.querySelectorAll('img, svg, canvas')) {
      const m = media.getBoundingClientRect();
      if (m.height >= 1 && m.bottom <= bottom + 1 && m.bottom > last) [last, lowest] = [m.bottom, media];
    }
    let unit = lowest;
    while (unit && unit.parentElement && !unit.parentElement.hasAttribute('data-fit-group')) unit = unit.parentElement;
    if (unit?.parentElement) {
      const us = getComputedStyle(unit);
      last = Math.min(unit.getBoundingClientRect().bottom, last + px(us.paddingBottom) + px(us.borderBottomWidth));
    }
    const groupOf = [...box.querySelectorAll<HTMLElement>('[data-fit-group]')].find((g) => {
      const gr = g.getBoundingClientRect();
      return gr.height > 0 && last > gr.top && last <= gr.bottom + 1;
    });
    if (groupOf) {
      const gs = getComputedStyle(groupOf);
      last += px(gs.paddingBottom) + px(gs.borderBottomWidth);
    }
    const free = Math.max(0, bottom - last);
    const heldBack: string[] = [];
    const name = String(box.className).replace('fit-box', '').trim();
    const boxGap = px(s.rowGap);
    // Units and groups the fit hid: show each alone for a moment, measure it, hide it again.
    for (const hidden of box.querySelectorAll<HTMLElement>('[data-fit-hidden]')) {
      if (hidden.parentElement?.closest('[data-fit-hidden]') && !hidden.hasAttribute('data-fit-group')) continue;
      if (hidden.closest('[data-pager-window]')) continue;
      // A row shown in the other column (the desk's day going on below the venues) is not held back.
      if (hidden.hasAttribute('data-fit-elsewhere')) continue;
      // A "+ N more" line with nothing to count is not content.
      if (hidden.hasAttribute('data-more')) continue;
      // Rows of a list come back in order: only the one next to a shown row is held back for want of room.
      const shownRow = (el: Element | null): boolean =>
        el instanceof HTMLElement && !el.hidden && !el.hasAttribute('data-more') && !el.matches('h2, h3, .section-label');
      if (
        !hidden.hasAttribute('data-fit-group') &&
        hidden.matches('.day-row') &&
        !shownRow(hidden.previousElementSibling) &&
        !shownRow(hidden.nextElementSibling)
      )
        continue;
      const group = hidden.hasAttribute('data-fit-group');
      let need: number;
      hidden.hidden = false;
      if (group) {
        // A dropped panel at its smallest: what never yields, its first row and its "+ N more" line.
        const kids = [...hidden.children] as HTMLElement[];
        const firstRanked = kids.find((k) => k.dataset.yield !== undefined && !k.hasAttribute('data-fill'));
        const keep = kids.filter((k) => k.dataset.yield === undefined || k === firstRanked || k.hasAttribute('data-more'));
        const restore = kids.map((k) => k.hidden);
        kids.forEach((k) => (k.hidden = !keep.includes(k)));
        need = hidden.getBoundingClientRect().height + boxGap;
        kids.forEach((k, i) => (k.hidden = restore[i]!));
      } else {
        need = hidden.getBoundingClientRect().height + px(getComputedStyle(hidden.parentElement!).rowGap);
      }
      hidden.hidden = true;
      const what = group ? `the panel "${label(hidden)}"` : `"${label(hidden)}"`;
      heldBack.push(what);
      if (need > 0 && need <= free + 1)
        problems.push({
          text: label(hidden),
          problem: `${name}: ${what.slice(0, 60)} held back (${need.toFixed(0)} px) with ${free.toFixed(0)} px left`,
        });
    }
    // A pager whose pages would fit together where it stands.
    for (const window of box.querySelectorAll<HTMLElement>('[data-pager-window]')) {
      const marks = window.parentElement?.querySelector<HTMLElement>('[data-page-marks]');
      const pages = marks && !marks.hidden ? marks.querySelectorAll('span').length : 1;
      if (pages < 2 || window.getBoundingClientRect().height < 1) continue;
      const content = window.firstElementChild as HTMLElement | null;
      if (!content) continue;
      const blocks = [...content.children] as HTMLElement[];
      const hiddenBlocks = blocks.filter((b) => b.hidden);
      hiddenBlocks.forEach((b) => (b.hidden = false));
      const whole = content.scrollHeight;
      hiddenBlocks.forEach((b) => (b.hidden = true));
      const windowHeight = window.getBoundingClientRect().height;
      heldBack.push(`a biography in ${pages} pages`);
      if (whole <= windowHeight + free + 1)
        problems.push({
          text: label(content),
          problem: `${name}: a biography paged in ${pages} though its ${whole.toFixed(0)} px fit in ${(windowHeight + free).toFixed(0)} px`,
        });
    }
    columns.push({ box: name, empty: inner > 0 ? free / inner : 0, heldBack });
  }
  return { columns, problems };
}

/** The event's name and the titles (issue #19: they wrap between words, never inside one). */
export const WHOLE_WORD_TEXTS = '.event-name, .room-name, .item-title, .break-title, .break-next-title, .moment-title';

/** Everything the all-rooms table shows (its head and its shown rows, not the hidden layer it measures them in). */
export const ROOMS_TEXTS = '.rooms-head, .rooms-body:not(.rooms-measure) > .rooms-row';

/** Marks that are one thing to read ("DE", "Not recorded", "Full"): never split over two lines (issue #19). */
export const BADGES = '.language-badge, .recording-mark, .rooms-marked';

/**
 * Words broken across lines in the texts `selector` finds: each word (a run of letters and digits, so a break after
 * a hyphen or between a title and its badge is not one) must have all its line boxes (a Range over the word) on one
 * line. And badges split over two lines: an inline element's boxes (getClientRects) on more than one line.
 */
export async function brokenWords(page: Page, selector = WHOLE_WORD_TEXTS): Promise<LineProblem[]> {
  return page.evaluate(brokenWordsInPage, { selector, badges: BADGES });
}

/** The broken-word check, run in the page (self-contained, as cutLinesInPage). */
export function brokenWordsInPage({ selector, badges }: { selector: string; badges: string }): LineProblem[] {
  const problems: LineProblem[] = [];
  const range = document.createRange();
  /** The distinct lines a set of boxes stands on, by their middles. */
  const lines = (rects: DOMRectList): number =>
    new Set(
      Array.from(rects)
        .filter((r) => r.width >= 1 && r.height >= 1)
        .map((r) => Math.round(r.top + r.height / 2)),
    ).size;
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    if (el.getClientRects().length === 0) continue;
    const what = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const count = lines(range.getClientRects());
        if (count > 1) problems.push({ text: what, problem: `"${match[0]}" broken over ${count} lines` });
      }
    }
    for (const badge of el.querySelectorAll<HTMLElement>(badges)) {
      const count = lines(badge.getClientRects());
      if (count > 1) problems.push({ text: what, problem: `badge "${badge.textContent ?? ''}" split over ${count} lines` });
    }
  }
  return problems;
}

export interface BoxRoom {
  grow: number;
  floorFit: number;
  /** Each shown panel's height not taken by its parts (nor the gaps between them), as a share of the box. */
  panels: { text: string; empty: number }[];
}

/** The fit boxes on screen matching `selector`, with the room their panels leave. Runs in the page. */
export function boxRoomInPage(selector: string): BoxRoom[] {
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((box) => box.getClientRects().length > 0)
    .map((box) => ({
      grow: parseFloat(box.style.getPropertyValue('--grow')),
      floorFit: parseFloat(box.style.getPropertyValue('--floor-fit')),
      panels: [...box.querySelectorAll<HTMLElement>(':scope > [data-fit-group]')]
        .filter((panel) => !panel.hidden)
        .map((panel) => {
          const style = getComputedStyle(panel);
          const parts = [...panel.children].filter((c) => c.getClientRects().length > 0);
          const used = parts.reduce((sum, part) => sum + part.getBoundingClientRect().height, 0);
          const gaps = (parseFloat(style.rowGap) || 0) * Math.max(0, parts.length - 1);
          const inner = panel.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
          return { text: (panel.textContent ?? '').slice(0, 60), empty: (inner - used - gaps) / box.clientHeight };
        }),
    }));
}

/**
 * Text set below its floors (a box's --floor-fit under 1: seen from far, not even the floors fit) while a panel of
 * its box leaves more than `most` of the box empty. The fit's prediction (height in proportion to size) underrates
 * how much smaller text holds, which left a tiny title in an empty panel.
 */
export async function roomBelowFloors(page: Page, most = 0.3): Promise<LineProblem[]> {
  const boxes = await page.evaluate(boxRoomInPage, '[data-fit-box]');
  return boxes
    .filter((box) => box.floorFit < 1)
    .flatMap((box) =>
      box.panels
        .filter((panel) => panel.empty > most)
        .map((panel) => ({
          text: panel.text,
          problem: `text at ${Math.round(box.floorFit * 100)} % of its floors with ${Math.round(panel.empty * 100)} % of the box empty`,
        })),
    );
}
