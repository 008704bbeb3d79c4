/**
 * The first board for a player that runs no script at all (the hub's markup, its stylesheets and the no-script one,
 * renderer/src/first-board/no-script.css): on a portrait screen it is arranged as the script arranges it, and the
 * all-rooms table and the agenda leave out whole rows where the script would page or fit them, never cut one at the
 * edge; every other box keeps its text's lines whole. On the seed program and on the real 38C3 export, at 1920×1080,
 * 1280×720 and 1080×1920 (and 3840×2160 for the lines).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openBoard, ownHost, shot } from './board.ts';
import { busiestMoments, congress38c3 } from './congress.ts';
import { cutLines } from './lines.ts';

const AT = 'at=2026-05-06T10:15&speed=0';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1080, height: 1920 },
] as const;
const PORTRAIT = { width: 1080, height: 1920 } as const;

const program = congress38c3();
const BUSIEST = `at=${busiestMoments(program).mostRooms.at}&speed=0`;
let congress: Awaited<ReturnType<typeof ownHost>>;
test.beforeAll(async () => {
  congress = await ownHost(program);
});
test.afterAll(async () => congress.close());

/** A page of its own with JavaScript off, at `size`, showing `query`; closed with its context by the caller. */
async function withoutScript(browser: Browser, base: string, query: string, size: { width: number; height: number }) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: size });
  const page = await context.newPage();
  await page.goto(`${base}/?${query}`);
  await page.evaluate(() => document.fonts.ready);
  return { page, close: () => context.close() };
}

/**
 * How the board on screen is arranged, as a user sees it: the arrangement the view chose (portrait, columns) and,
 * panel by panel in reading order, whether each lies below the one before it or beside it.
 */
function arrangement(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (el: Element): boolean => el.getClientRects().length > 0;
    const app = [...document.querySelectorAll('.app')].find(shown)!;
    const kinds = [...app.querySelectorAll('[class]')]
      .filter(shown)
      .flatMap((el) => [...el.classList].filter((c) => /^(board|agenda|moment)-(portrait|columns|stacked)$/.test(c)));
    let previous: DOMRect | null = null;
    const panels: string[] = [];
    for (const panel of app.querySelectorAll<HTMLElement>('section.panel')) {
      if (!shown(panel) || panel.closest('[hidden]')) continue;
      const box = panel.getBoundingClientRect();
      const where = previous === null ? 'first' : box.top >= previous.bottom - 1 ? 'below' : 'beside';
      panels.push(`${where}: ${panel.getAttribute('aria-label') ?? panel.className}`);
      previous = box;
    }
    return [...kinds, ...panels];
  });
}

for (const [name, base, query] of [
  ['the seed board', () => '', AT],
  ['the seed agenda', () => '', `${AT}&view=agenda`],
  ['the 38C3 agenda', () => congress.url, `${BUSIEST}&view=agenda`],
] as const) {
  test(`without script, ${name} on a portrait screen is arranged as the script arranges it`, async ({ page, browser }) => {
    await page.setViewportSize(PORTRAIT);
    await openBoard(page, query, base());
    const scripted = await arrangement(page);
    expect(scripted.some((part) => part.endsWith('-portrait'))).toBe(true);
    const plain = await withoutScript(browser, base(), query, PORTRAIT);
    try {
      await shot(plain.page, `no-script-portrait-${name.replace(/ /g, '-')}`);
      expect(await arrangement(plain.page)).toEqual(scripted);
    } finally {
      await plain.close();
    }
  });
}

/**
 * Rows of a list in the board on screen, each wholly inside its box's clip or wholly outside it: the ones shown come
 * first, in order, and the first one left out would have crossed the bottom of the box's content. A summary, or what is wrong.
 */
function wholeRows(page: Page, box: string, rows: string): Promise<string[]> {
  return page.evaluate(
    ([box, rows]) => {
      const shown = (el: Element): boolean => el.getClientRects().length > 0;
      const app = [...document.querySelectorAll('.app')].find(shown)!;
      return [...app.querySelectorAll<HTMLElement>(box)].filter(shown).map((list) => {
        const clip = list.getBoundingClientRect();
        const top = clip.top + list.clientTop;
        const bottom = top + list.clientHeight;
        const left = clip.left + list.clientLeft;
        const right = left + list.clientWidth;
        const all = [...list.querySelectorAll<HTMLElement>(`:scope > ${rows}`)].filter(shown);
        const inside = all.map((row) => {
          const r = row.getBoundingClientRect();
          if (r.top >= top - 0.5 && r.bottom <= bottom + 0.5 && r.left >= left - 0.5 && r.right <= right + 0.5) return true;
          if (r.bottom <= top + 0.5 || r.top >= bottom - 0.5 || r.right <= left + 0.5 || r.left >= right - 0.5) return false;
          return null;
        });
        const label = `${list.className}: `;
        const cut = inside.indexOf(null);
        if (cut >= 0) return `${label}row ${cut + 1} cut by the edge`;
        const count = inside.filter(Boolean).length;
        if (count === 0 && all.length > 0) return `${label}no row shown`;
        if (inside.slice(0, count).includes(false)) return `${label}a row left out before one shown`;
        if (count < all.length) {
          const last = all[count - 1]!.getBoundingClientRect();
          const next = all[count]!;
          const gap = parseFloat(getComputedStyle(next).marginTop) || 0;
          // Room for rows ends where the box's padding starts, as in the script's fit.
          const room = bottom - (parseFloat(getComputedStyle(list).paddingBottom) || 0);
          if (last.bottom + gap + next.getBoundingClientRect().height <= room + 0.5)
            return `${label}row ${count + 1} left out though it fits`;
        }
        return `${label}whole rows`;
      });
    },
    [box, rows] as const,
  );
}

for (const size of SIZES) {
  const at = `${size.width}x${size.height}`;

  test(`without script, all rooms of 38C3 at ${at}: whole rows left out, none cut`, async ({ browser }) => {
    const plain = await withoutScript(browser, congress.url, `${BUSIEST}&view=rooms`, size);
    try {
      await shot(plain.page, `no-script-38c3-rooms-${at}`);
      expect(await wholeRows(plain.page, '.rooms-body:not(.rooms-measure)', '.rooms-row')).toEqual(['rooms-body: whole rows']);
      // The rows left out lie wholly outside the table, as on a page the script does not show: nothing else.
      const problems = (await cutLines(plain.page)).filter((p) => p.problem !== 'title, name or time hidden by div.rooms-body');
      expect(problems).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  for (const [name, base, query] of [
    ['the seed agenda', () => '', `${AT}&view=agenda`],
    ['the 38C3 agenda', () => congress.url, `${BUSIEST}&view=agenda`],
    ['the seed board', () => '', AT],
  ] as const)
    test(`without script, ${name} at ${at}: the day's rows left out whole, none cut`, async ({ browser }) => {
      const plain = await withoutScript(browser, base(), query, size);
      try {
        await shot(plain.page, `no-script-${name.replace(/ /g, '-')}-${at}`);
        const lists = await wholeRows(plain.page, '.panel.day-list', '.day-row');
        expect(lists.length).toBeGreaterThan(0);
        expect(lists.filter((list) => !list.endsWith('whole rows'))).toEqual([]);
        const cut = (await cutLines(plain.page)).filter((p) => p.problem.startsWith('line cut by section.panel.day-list'));
        expect(cut).toEqual([]);
      } finally {
        await plain.close();
      }
    });
}

/** Boxes of the board on screen wider than the screen, and whether the page runs past its right edge. */
function wider(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const app = [...document.querySelectorAll('.app')].find((el) => el.getClientRects().length > 0)!;
    const boxes = [...app.querySelectorAll('*')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().width > vw + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')} wider than the screen`);
    const scroll =
      document.documentElement.scrollWidth > vw + 1 ? [`the page is ${document.documentElement.scrollWidth} px wide`] : [];
    return [...scroll, ...boxes];
  });
}

// Rows the lists leave out lie wholly outside their box (the tests above): every other line is wholly on screen.
const LEFT_OUT = /^title, name or time hidden by (div\.rooms-body|section\.panel\.day-list)/;

for (const size of [...SIZES, { width: 3840, height: 2160 }]) {
  const at = `${size.width}x${size.height}`;
  for (const [name, base, query] of [
    // A moment before the coffee break: Next is "Coffee", in big type in a small panel.
    ['the seed board before a break', () => '', 'at=2026-05-06T10:05&speed=0'],
    ['the seed break with the spotlight', () => '', 'at=2026-05-06T10:25&speed=0'],
    ['the seed agenda', () => '', `${AT}&view=agenda`],
    ['the 38C3 agenda', () => congress.url, `${BUSIEST}&view=agenda`],
    ['all rooms of 38C3', () => congress.url, `${BUSIEST}&view=rooms`],
  ] as const)
    test(`without script, ${name} at ${at}: no line cut by its box, nothing wider than the screen`, async ({ browser }) => {
      const plain = await withoutScript(browser, base(), query, size);
      try {
        await shot(plain.page, `no-script-lines-${name.replace(/ /g, '-')}-${at}`);
        expect((await cutLines(plain.page)).filter((p) => !LEFT_OUT.test(p.problem))).toEqual([]);
        expect(await wider(plain.page)).toEqual([]);
      } finally {
        await plain.close();
      }
    });
}

/** The agenda's first lines as a user reads them: its "+ N earlier" line, if any, and its first rows, in order. */
function agendaStart(page: Page, rows = 4): Promise<string[]> {
  return page.evaluate((rows) => {
    const shown = (el: Element): boolean => el.getClientRects().length > 0;
    const app = [...document.querySelectorAll('.app')].find(shown)!;
    const list = app.querySelector('.agenda-list:not(.agenda-continued)')!;
    const clip = list.getBoundingClientRect();
    return [...list.children]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return !el.matches('.section-label') && shown(el) && r.bottom <= clip.bottom + 0.5 && r.right <= clip.right + 0.5;
      })
      .map((el) => {
        // Without script the "+ N earlier" line is the no-script stylesheet's generated text.
        const before = getComputedStyle(el, '::before').content;
        const generated = before && before !== 'none' && before !== 'normal' ? before.replace(/^"|"$/g, '') : '';
        return ((el.textContent ?? '').trim() || generated).replace(/\s+/g, ' ');
      })
      .filter((text) => text !== '')
      .slice(0, rows);
  }, rows);
}

for (const size of SIZES)
  for (const [name, base, query] of [
    ['the seed agenda', () => '', `${AT}&view=agenda`],
    ['the 38C3 agenda', () => congress.url, `${BUSIEST}&view=agenda`],
  ] as const) {
    // A day that fits whole with its past is the exception: the script shows its past items there, this does not.
    if (name === 'the seed agenda' && size.height > size.width) continue;
    test(`without script, ${name} at ${size.width}x${size.height} starts where the script's agenda starts`, async ({
      page,
      browser,
    }) => {
      await page.setViewportSize(size);
      await openBoard(page, query, base());
      const scripted = await agendaStart(page);
      expect(scripted[0]).toMatch(/^\+ \d+ earlier$/);
      const plain = await withoutScript(browser, base(), query, size);
      try {
        expect(await agendaStart(plain.page)).toEqual(scripted);
      } finally {
        await plain.close();
      }
    });
  }

/**
 * Flex containers of the board on screen that space their shown children by `gap` along their main axis: Chromium 83
 * and older (the floor is 76) draw no such gap, and without script nothing tells them apart to add margins instead.
 */
function flexGaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (el: Element): boolean => el.getClientRects().length > 0;
    const app = [...document.querySelectorAll('.app')].find(shown)!;
    return [app, ...app.querySelectorAll('*')].flatMap((el) => {
      const s = getComputedStyle(el);
      if (!s.display.endsWith('flex') || !shown(el)) return [];
      const inFlow = [...el.children].filter((c) => shown(c) && getComputedStyle(c).position !== 'absolute');
      const gap = parseFloat(s.flexDirection.startsWith('column') ? s.rowGap : s.columnGap) || 0;
      return inFlow.length > 1 && gap > 0
        ? [`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}`]
        : [];
    });
  });
}

for (const [name, base, query] of [
  ['the seed board', () => '', AT],
  ['the seed break with the spotlight', () => '', 'at=2026-05-06T10:25&speed=0'],
  ['the 38C3 agenda', () => congress.url, `${BUSIEST}&view=agenda`],
  ['all rooms of 38C3', () => congress.url, `${BUSIEST}&view=rooms`],
] as const)
  for (const size of [SIZES[0], PORTRAIT])
    test(`without script, ${name} at ${size.width}x${size.height} is spaced by margins, never by flex gap`, async ({
      browser,
    }) => {
      const plain = await withoutScript(browser, base(), query, size);
      try {
        expect(await flexGaps(plain.page)).toEqual([]);
      } finally {
        await plain.close();
      }
    });

test('without script, the agenda shows the program’s QR code, the very code the script draws', async ({ browser, page }) => {
  const query = `${BUSIEST}&view=agenda`;
  const code = (p: Page) => p.locator('.program-link svg.qr[role=img]:visible');
  const { page: bare, close } = await withoutScript(browser, congress.url, query, { width: 1920, height: 1080 });
  try {
    await expect(code(bare)).toBeVisible();
    const drawn = await code(bare).locator('path').getAttribute('d');
    const box = await code(bare).boundingBox();
    // A square of a useful size, beside "The program on your phone".
    expect(box!.width).toBeGreaterThan(100);
    expect(Math.abs(box!.width - box!.height)).toBeLessThan(1);
    await shot(bare, 'no-script-38c3-agenda-qr');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openBoard(page, query, congress.url);
    await expect(code(page)).toBeVisible();
    expect(await code(page).locator('path').getAttribute('d')).toBe(drawn);
  } finally {
    await close();
  }
});
