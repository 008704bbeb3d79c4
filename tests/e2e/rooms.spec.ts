/** Many rooms: the all-rooms view is an "on now everywhere" table, paged by the clock. */
import { expect, test, type Page } from '@playwright/test';
import { clippedText, openBoard, ownHost, shot } from './board.ts';

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

test('all rooms: one row per room with now and next, paged', async ({ page }) => {
  await openBoard(page, 'at=2026-02-01T10:30&spotlight=5', host.url);
  const rows = table(page).locator('.rooms-body:not(.rooms-measure) > .rooms-row');
  // The page on show comes from the clock; wait for the first one.
  await expect(table(page)).toContainText('Page 1 of', { timeout: 12_000 });
  const perPage = await rows.count();
  expect(perPage).toBeGreaterThanOrEqual(5);
  expect(perPage).toBeLessThan(14);
  await expect(table(page)).toContainText(`Page 1 of ${Math.ceil(14 / perPage)}`);
  await expect(rows.first()).toContainText('Room A.100');
  await expect(rows.first()).toContainText('Talk 2 in Room A.100');
  await expect(rows.first()).toContainText('Talk 3 in Room A.100');
  // Room E closes at 11:00: nothing after its current talk.
  await expect(table(page).locator('.rooms-body:not(.rooms-measure) > [data-room="r5"]')).toContainText(
    'Nothing after this today',
  );
  expect(await clippedText(page)).toEqual([]);
  await shot(page, 'rooms-all');
});

test('a room with nothing left today says so', async ({ page }) => {
  await openBoard(page, 'at=2026-02-01T11:30&spotlight=5', host.url);
  await expect(table(page)).toContainText('Page 1 of', { timeout: 12_000 });
  await expect(table(page).locator('.rooms-body:not(.rooms-measure) > [data-room="r5"]')).toContainText('Nothing more today');
});

test('pages turn with the clock', async ({ page }) => {
  await openBoard(page, 'at=2026-02-01T10:30&spotlight=3', host.url);
  const first = await table(page).locator('.rooms-body:not(.rooms-measure) > .rooms-row').first().textContent();
  await expect(table(page).locator('.rooms-body:not(.rooms-measure) > .rooms-row').first()).not.toHaveText(first!, {
    timeout: 5_000,
  });
  await expect(table(page)).toContainText(/Page 2 of/);
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
    await page.waitForTimeout(300);
    expect(await clippedText(page)).toEqual([]);
    await shot(page, `rooms-${size.width}x${size.height}`);
  });
}
