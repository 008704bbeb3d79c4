/** Many rooms: the all-rooms view is an "on now everywhere" table, paged by the clock. */
import { expect, test, type Page } from '@playwright/test';
import { clippedText, openBoard, openPaused, ownHost, shot } from './board.ts';

/** A FOSDEM-like day: 14 rooms with hour-long talks, some rooms finishing early. */
function manyRooms() {
  const rooms = Array.from({ length: 14 }, (_, i) => ({
    id: `r${i + 1}`,
    name: `Room ${String.fromCharCode(65 + i)}.${100 + i}`,
  }));
  const items = rooms.flatMap((room, r) => {
    const last = r % 5 === 4 ? 11 : 13; // every fifth room closes at 11:00
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

test('all rooms: one row per room with now and next; the pages hold every room once, in order', async ({ page }) => {
  await openPaused(page, 'at=2026-02-01T10:30&spotlight=5', host.url);
  const first = shownRows(page).first();
  await expect(table(page)).toContainText(/Page \d of \d/);
  const pageCount = Number((await table(page).locator('.rooms-page').textContent())!.match(/of (\d+)/)![1]);
  expect(pageCount).toBeGreaterThanOrEqual(2);
  // Walk every page as the clock turns them (every 5 s) and put them in page order.
  const pages = new Map<number, string[]>();
  const roomE = table(page).locator('.rooms-body:not(.rooms-measure) > [data-room="r5"]');
  let sawRoomE = false;
  for (let turn = 0; turn < pageCount; turn++) {
    const number = Number((await table(page).locator('.rooms-page').textContent())!.match(/Page (\d+)/)![1]);
    pages.set(number, await shownRows(page).locator('.rooms-name').allTextContents());
    if (number === 1) {
      await expect(first).toContainText('Room A.100');
      await expect(first).toContainText('Talk 2 in Room A.100');
      await expect(first).toContainText('Talk 3 in Room A.100');
      expect(await clippedText(page)).toEqual([]);
      await shot(page, 'rooms-all');
    }
    if ((await roomE.count()) > 0) {
      // Room E closes at 11:00: nothing after its current talk.
      await expect(roomE).toContainText('Nothing after this today');
      sawRoomE = true;
    }
    await page.clock.runFor(5_000);
  }
  const rooms = Array.from({ length: 14 }, (_, i) => `Room ${String.fromCharCode(65 + i)}.${100 + i}`);
  expect([...pages.keys()].sort()).toEqual(Array.from({ length: pageCount }, (_, i) => i + 1));
  expect([...pages.entries()].sort(([a], [b]) => a - b).flatMap(([, names]) => names)).toEqual(rooms);
  expect(sawRoomE).toBe(true);
});

test('a room with nothing left today says so', async ({ page }) => {
  await openPaused(page, 'at=2026-02-01T11:30&spotlight=5', host.url);
  // Room E is on the first page: turn the clock (5 s a page) until it shows.
  for (let turn = 0; turn < 4 && !(await table(page).textContent())?.includes('Page 1 of'); turn++)
    await page.clock.runFor(5_000);
  await expect(table(page)).toContainText('Page 1 of');
  await expect(table(page).locator('.rooms-body:not(.rooms-measure) > [data-room="r5"]')).toContainText('Nothing more today');
});

test('pages turn with the wall clock, every interval', async ({ page }) => {
  await openPaused(page, 'at=2026-02-01T10:30&spotlight=5', host.url);
  const pageNumber = async () => Number((await table(page).locator('.rooms-page').textContent())!.match(/Page (\d+)/)![1]);
  await expect(table(page)).toContainText(/Page \d of/);
  const before = await pageNumber();
  // PAUSED is on a 5 s boundary: the page holds for 4.9 s, turns at 5 s.
  await page.clock.runFor(4_900);
  expect(await pageNumber()).toBe(before);
  await page.clock.runFor(100);
  await expect.poll(pageNumber).not.toBe(before);
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
    await openBoard(page, 'at=2026-02-01T10:30&spotlight=600', host.url);
    expect(await clippedText(page)).toEqual([]);
    await shot(page, `rooms-${size.width}x${size.height}`);
  });
}
