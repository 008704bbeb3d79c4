/**
 * Many rooms: the all-rooms view is an "on now everywhere" table of the rooms
 * with something on now or later today, paged by the clock, its rows as roomy
 * as the page count allows.
 */
import { expect, test, type Page } from '@playwright/test';
import { clippedText, fitted, openBoard, openPaused, ownHost, PAUSED, shot } from './board.ts';
import { cutLines } from './lines.ts';

/** A FOSDEM-like day: 40 rooms with hour-long talks (every fifth room closes at 11:00), and a CCC assembly. */
function manyRooms() {
  const rooms = Array.from({ length: 40 }, (_, i) => ({
    id: `r${i + 1}`,
    name: `Room ${String.fromCharCode(65 + (i % 26))}.${100 + i}`,
  }));
  rooms.push({ id: 'r41', name: 'Assembly:Foodhackingbase2' });
  const items = rooms.flatMap((room, r) => {
    const last = r % 5 === 4 ? 11 : 13;
    return Array.from({ length: last - 9 }, (_, h) => ({
      id: `${room.id}-${h}`,
      kind: 'talk',
      room: room.id,
      start: `2026-02-01T${String(9 + h).padStart(2, '0')}:00`,
      end: `2026-02-01T${String(10 + h).padStart(2, '0')}:00`,
      title:
        r === 2 && h === 1
          ? 'A deliberately long title about reproducible builds, supply chains, and the social contract of free software maintainers'
          : `Talk ${h + 1} in ${room.name}`,
      speakers: [{ name: `Speaker ${r + 1}.${h + 1}`, affiliation: 'Somewhere' }],
    }));
  });
  return {
    version: 1,
    event: { name: 'Many Rooms Meetup', timezone: 'Europe/Brussels', startDate: '2026-02-01', endDate: '2026-02-01', venues: [] },
    rooms,
    items,
  };
}

let host: Awaited<ReturnType<typeof ownHost>>;
test.beforeAll(async () => {
  host = await ownHost(manyRooms());
});
test.afterAll(async () => host.close());

const table = (page: Page) => page.getByRole('region', { name: 'On now in every room' });
const shownRows = (page: Page) => table(page).locator('.rooms-body:not(.rooms-measure) > .rooms-row');
const pageNumber = async (page: Page) =>
  Number((await table(page).locator('.rooms-page').textContent())!.match(/Page (\d+)/)![1]);

test('all rooms: one row per room with now and next; the pages hold every room once, in order', async ({ page }) => {
  await openPaused(page, 'at=2026-02-01T10:30&pages=7', host.url);
  const first = shownRows(page).first();
  await expect(table(page)).toContainText(/Page \d of \d/);
  const pageCount = Number((await table(page).locator('.rooms-page').textContent())!.match(/of (\d+)/)![1]);
  expect(pageCount).toBeGreaterThanOrEqual(2);
  // Walk every page as the clock turns them (every 7 s) and put them in page order.
  const pages = new Map<number, string[]>();
  const roomE = table(page).locator('.rooms-body:not(.rooms-measure) > [data-room="r5"]');
  let sawRoomE = false;
  for (let turn = 0; turn < pageCount; turn++) {
    const number = await pageNumber(page);
    pages.set(number, await shownRows(page).locator('.rooms-name').allTextContents());
    if (number === 1) {
      await expect(first).toContainText('Room A.100');
      await expect(first).toContainText('Talk 2 in Room A.100');
      await expect(first).toContainText('Talk 3 in Room A.100');
      await shot(page, 'rooms-all');
    }
    expect(await clippedText(page), `page ${number}`).toEqual([]);
    if ((await roomE.count()) > 0) {
      // Room E closes at 11:00: nothing after its current talk.
      await expect(roomE).toContainText('Nothing after this today');
      sawRoomE = true;
    }
    await page.clock.runFor(7_000);
  }
  const rooms = manyRooms().rooms.map((r) => r.name);
  expect([...pages.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: pageCount }, (_, i) => i + 1));
  expect([...pages.entries()].sort(([a], [b]) => a - b).flatMap(([, names]) => names)).toEqual(rooms);
  expect(sawRoomE).toBe(true);
});

test('a room closed for the day is left out, and the rooms left out are counted', async ({ page }) => {
  await openPaused(page, 'at=2026-02-01T11:30&pages=600', host.url);
  await expect(table(page).locator('.rooms-quiet')).toHaveText('8 rooms quiet for the rest of the event');
  await expect(table(page).locator('[data-room="r5"]')).toHaveCount(0);
  await expect(shownRows(page).first()).toBeVisible();
});

test('pages turn with the wall clock, never sooner than 7 s, whatever the URL asks', async ({ page }) => {
  await openPaused(page, 'at=2026-02-01T10:30&pages=2', host.url);
  await expect(table(page)).toContainText(/Page \d of/);
  const before = await pageNumber(page);
  // Pages turn on the wall clock's 7 s boundaries: the page holds until the next one, then turns.
  const toBoundary = 7_000 - (PAUSED % 7_000);
  await page.clock.runFor(toBoundary - 100);
  expect(await pageNumber(page)).toBe(before);
  await page.clock.runFor(100);
  await expect.poll(() => pageNumber(page)).not.toBe(before);
});

test('a few rooms get roomy rows, speakers on a line of their own; many get dense ones', async ({ page }) => {
  await openPaused(page, 'at=2026-02-01T10:30&pages=600&rooms=r1,r2,r3', host.url);
  await expect(shownRows(page)).toHaveCount(3);
  await expect(table(page).locator('.rooms-body:not(.rooms-measure)')).toHaveAttribute('data-density', 'roomy');
  await expect(shownRows(page).first().locator('.rooms-who').first()).toBeVisible();
  await expect(shownRows(page).first().locator('.rooms-now .rooms-time')).toHaveText('10:00–11:00');
  await shot(page, 'rooms-few');
  await openPaused(page, 'at=2026-02-01T10:30&pages=600', host.url);
  await expect(table(page).locator('.rooms-body:not(.rooms-measure)')).not.toHaveAttribute('data-density', 'roomy');
});

test('a long room name breaks after its colon, not inside a word', async ({ page }) => {
  await openPaused(page, 'at=2026-02-01T10:30&pages=600&rooms=r41,r1', host.url);
  const name = table(page).locator('.rooms-body:not(.rooms-measure) [data-room="r41"] .rooms-name');
  await expect(name).toHaveText('Assembly:Foodhackingbase2');
  // The second part starts a line of its own at the column's left edge and is not broken itself.
  const lines = await name.evaluate((el) => {
    const parts = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    const range = document.createRange();
    range.selectNodeContents(parts.at(-1)!);
    const rects = [...range.getClientRects()];
    return {
      parts: parts.map((p) => p.textContent),
      rects: rects.length,
      indent: rects[0]!.left - el.getBoundingClientRect().left,
    };
  });
  expect(lines).toEqual({ parts: ['Assembly:', 'Foodhackingbase2'], rects: 1, indent: 0 });
  await shot(page, 'rooms-long-name');
});

test('room keys cycle in the program’s room order', async ({ page }) => {
  await openBoard(page, 'at=2026-02-01T10:30', host.url);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.room-name')).toHaveText('Room A.100');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Talk 2 in Room A.100');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.room-name')).toHaveText('Room B.101');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.room-name')).toHaveText('All rooms');
  await expect(table(page)).toBeVisible();
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 3840, height: 2160 },
  { width: 1080, height: 1920 },
]) {
  test(`all rooms fits ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openBoard(page, 'at=2026-02-01T10:30&pages=600', host.url);
    expect(await clippedText(page)).toEqual([]);
    await shot(page, `rooms-${size.width}x${size.height}`);
  });
}

// The hub's first board lists every room at its designed size; until the page's script measures and pages the table,
// the first fit leaves out the rows that would cross its bottom edge, whole (first-board/first-fit.ts).
for (const size of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`the hub's first board of all rooms cuts no row before the script takes over, ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${host.url}/?at=2026-02-01T10:30&view=rooms`, { waitUntil: 'commit' });
    await expect(page.locator('.app[data-fb]')).toHaveCount(1);
    await page.evaluate(() => document.fonts.ready);
    const rows = table(page).locator('.rooms-body:not(.rooms-measure) > .rooms-row');
    // Rows are shown in order while they fit; the first one left out is one that would cross the table's bottom edge.
    const trimmed = () =>
      rows.evaluateAll((all) => {
        const bottom = all[0]!.parentElement!.getBoundingClientRect().bottom;
        const hidden = all.findIndex((row) => getComputedStyle(row).visibility === 'hidden');
        if (hidden < 0) return 'every row shown';
        if (all[hidden]!.getBoundingClientRect().bottom <= bottom) return `row ${hidden + 1} left out though it fits`;
        return hidden >= 1 ? 'trimmed' : 'no row shown';
      });
    await expect.poll(trimmed).toBe('trimmed');
    await shot(page, `rooms-first-board-${size.width}x${size.height}`);
    expect(await cutLines(page)).toEqual([]);
    release();
    await expect(page.locator('.app[data-fb]')).toHaveCount(0);
    await fitted(page);
    expect(await cutLines(page)).toEqual([]);
  });
}
