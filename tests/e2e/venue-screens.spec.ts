/**
 * What the venue's shared state and sleep hours look like on a board (#12):
 * "Room full" on the room's screens with a talk starting now elsewhere, and on
 * the all-rooms table; a key that needs the staff token says so; a screen with
 * sleep hours goes black after the day, wakes for a staff key for 10 minutes,
 * and its static elements shift a few pixels each hour. The board's time is
 * Playwright's page.clock.
 */
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { clippedText, contrastViolations, openBoard, ownHost, seedProgram, shot, STAFF } from './board.ts';

/** Four rooms on 6 May: talks starting about 10:00 in three of them, coffee in the fourth. */
function fourRooms() {
  const talk = (id: string, room: string, start: string, end: string, title: string) => ({
    id,
    kind: 'talk',
    room,
    start: `2026-05-06T${start}`,
    end: `2026-05-06T${end}`,
    title,
    speakers: [{ name: `Speaker ${id}`, affiliation: 'Lund University' }],
  });
  return {
    version: 1,
    event: { name: 'Four Rooms Day', timezone: 'Europe/Stockholm', startDate: '2026-05-06', endDate: '2026-05-06', venues: [] },
    rooms: [
      { id: 'a', name: 'Hall A' },
      { id: 'b', name: 'Hall B' },
      { id: 'c', name: 'Hall C' },
      { id: 'd', name: 'Foyer' },
    ],
    items: [
      talk('a1', 'a', '10:00', '10:40', 'Convex optimisation for the impatient'),
      talk('b1', 'b', '10:05', '10:45', 'Stochastic gradients in practice'),
      talk('c1', 'c', '09:58', '10:40', 'Splitting methods, revisited'),
      { id: 'd1', kind: 'break', room: 'd', start: '2026-05-06T10:00', end: '2026-05-06T10:30', title: 'Coffee' },
      talk('a2', 'a', '11:00', '11:40', 'Afterwards in Hall A'),
    ],
  };
}

const roomStatus = (page: Page) => page.getByRole('region', { name: 'Room status' });

test('F marks the room full: its screens say so and suggest a talk starting now elsewhere; the all-rooms table too', async ({
  browser,
}) => {
  const host = await ownHost(fourRooms());
  try {
    const context = async () => browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const staff = await (await context()).newPage();
    await openBoard(staff, `at=2026-05-06T10:00&room=a${STAFF}`, host.url);
    const door = await (await context()).newPage();
    await openBoard(door, 'at=2026-05-06T10:00&room=a', host.url);
    const hall = await (await context()).newPage();
    await openBoard(hall, 'at=2026-05-06T10:00', host.url);
    const portrait = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
    await openBoard(portrait, 'at=2026-05-06T10:00&room=a', host.url);

    await expect(roomStatus(door)).toHaveCount(0);
    await staff.keyboard.press('f');
    for (const page of [staff, door, portrait]) {
      await expect(roomStatus(page)).toContainText('Room full');
      // C began two minutes ago, B begins in five: the nearest start wins; the coffee in the foyer is no talk.
      await expect(roomStatus(page)).toContainText('Starting now in Hall C: Splitting methods, revisited 09:58');
    }
    const shown = hall.locator('.rooms-body:not(.rooms-measure)');
    const rowA = shown.locator('.rooms-row[data-room="a"]');
    await expect(rowA.locator('.rooms-marked')).toHaveText('Full');
    await expect(shown.locator('.rooms-marked')).toHaveCount(1);
    await shot(door, 'room-full');
    await shot(portrait, 'room-full-portrait');
    await shot(hall, 'room-full-all-rooms');
    for (const page of [door, portrait, hall]) {
      expect(await clippedText(page)).toEqual([]);
      expect(await contrastViolations(page)).toEqual([]);
    }

    // Hall C fills up too: the suggestion moves to Hall B.
    await staff.keyboard.press('3');
    await staff.keyboard.press('f');
    await expect(roomStatus(door)).toContainText('Starting now in Hall B: Stochastic gradients in practice 10:05');

    // F again on Hall A: closed; once more: open, and the bar is gone.
    await staff.keyboard.press('1');
    await staff.keyboard.press('f');
    await expect(roomStatus(door)).toContainText('Room closed');
    await expect(rowA.locator('.rooms-marked')).toHaveText('Closed');
    await staff.keyboard.press('f');
    await expect(roomStatus(door)).toHaveCount(0);
    await expect(rowA.locator('.rooms-marked')).toHaveCount(0);
  } finally {
    await host.close();
  }
});

test('without the staff token a shared key changes nothing and the board says a staff key is needed', async ({ page }) => {
  const host = await ownHost(fourRooms());
  try {
    await openBoard(page, 'at=2026-05-06T10:00&room=a', host.url);
    await page.keyboard.press('f');
    const notice = page.getByRole('status', { name: 'Notice' });
    await expect(notice).toHaveText(/^Staff key needed: open this board once with the staff link/);
    await notice.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    await shot(page, 'staff-key-needed');
    await expect(roomStatus(page)).toHaveCount(0);
    // It goes by itself after a few seconds.
    await expect(notice).toHaveCount(0, { timeout: 10_000 });
    // A key that acts on one room, pressed on all rooms, says to choose a room, with or without the token.
    await page.keyboard.press('0');
    await page.keyboard.press('+');
    await expect(notice).toHaveText(/^Choose a room first/);
  } finally {
    await host.close();
  }
});

test.describe('sleep hours', () => {
  const ZONE = 'Europe/Stockholm';
  const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
  const asleep = (page: Page) => page.getByRole('img', { name: 'Screen asleep outside the program’s hours' });

  test('black 30 min after the day’s last item, a staff key wakes it for 10 minutes, awake again 60 min before the next day', async ({
    page,
  }) => {
    // Day 1 of the seed runs 08:30–17:05; day 2 starts at 09:00.
    await page.clock.install({ time: at('2026-05-06T17:33') });
    await openBoard(page, 'sleep=on&room=main');
    await expect(asleep(page)).toHaveCount(0);
    await page.clock.runFor('02:10');
    await expect(asleep(page)).toBeVisible();
    await expect(page.locator('.app')).toHaveCount(0);
    await shot(page, 'sleep-black');

    await page.keyboard.press('b');
    await expect(page.locator('.app')).toBeVisible();
    await page.clock.runFor('09:50');
    await expect(page.locator('.app')).toBeVisible();
    await page.clock.runFor('00:20');
    await expect(asleep(page)).toBeVisible();

    await page.clock.fastForward('14:14:00'); // 07:59:2x the next morning
    await page.clock.runFor('01:00');
    await expect(page.locator('.app')).toBeVisible();
    await expect(page.locator('.clock-time')).toHaveText('08:00');
  });

  test('a screen without sleep hours never sleeps; the emergency message shows whatever the hour', async ({ page }) => {
    await page.clock.install({ time: at('2026-05-06T23:00') });
    await openBoard(page, 'room=main');
    await expect(page.locator('.app')).toBeVisible();
    await expect(asleep(page)).toHaveCount(0);
  });

  test('static elements move a few pixels every hour against burn-in', async ({ page }) => {
    await page.clock.install({ time: at('2026-05-06T09:59:30') });
    await openBoard(page, 'room=main');
    const shift = () =>
      page
        .locator('.app')
        .evaluate(
          (el) => getComputedStyle(el).getPropertyValue('--shift-x') + getComputedStyle(el).getPropertyValue('--shift-y'),
        );
    const before = await shift();
    const topBar = await page.locator('.top-bar').boundingBox();
    await page.clock.runFor('00:45');
    await expect.poll(shift).not.toBe(before);
    const moved = await page.locator('.top-bar').boundingBox();
    const dx = Math.abs(moved!.x - topBar!.x);
    const dy = Math.abs(moved!.y - topBar!.y);
    expect(Math.max(dx, dy)).toBeGreaterThan(0);
    expect(Math.max(dx, dy)).toBeLessThanOrEqual(6);
    expect(await clippedText(page)).toEqual([]);
  });
});

test('the emergency message wakes a sleeping screen', async ({ browser }) => {
  const host = await ownHost(seedProgram());
  try {
    const staff = await (await browser.newContext()).newPage();
    await openBoard(staff, `at=2026-05-06T12:00${STAFF}`, host.url);
    const context = await browser.newContext();
    const night = await context.newPage();
    await night.clock.install({ time: DateTime.fromISO('2026-05-06T23:00', { zone: 'Europe/Stockholm' }).toMillis() });
    await night.goto(`${host.url}/?sleep=on`);
    await expect(night.getByRole('img', { name: 'Screen asleep outside the program’s hours' })).toBeVisible();
    await staff.keyboard.press('e');
    await expect(night.getByRole('alert')).toHaveText('Please follow the instructions of venue staff.');
  } finally {
    await host.close();
  }
});
