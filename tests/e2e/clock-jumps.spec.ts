/**
 * After any jump of time the board shows, within a second, what is on at the
 * time it shows: rehearsal keys, back to live, jump to the next change, a delay
 * added or removed, the system clock stepped (NTP on a machine without a
 * real-time clock) and a machine suspended and resumed. Each test asserts the
 * Now region's content, as concrete titles and times from data/program.json
 * (7 May: Adrien Taylor 09:00–09:40, Pontus Giselsson 09:40–10:20, coffee
 * 10:20–10:50, then Peter Ochs and Antonio Silveti-Falls).
 *
 * Playwright's page.clock drives the page's time. The board starts unpaused,
 * then is paused, so "within a second" is exact: after a step, runFor(1000)
 * lets one second of page time pass and nothing else runs.
 */
import { expect, test, type Page } from '@playwright/test';
import { openBoard, openPaused, PAUSED, shot, STAFF, T0, withOwnHub } from './board.ts';

const TAYLOR = 'Recent advances on the systematic analysis and design of first-order optimization algorithms';
const MIN = 60_000;
const nowRegion = (page: Page) => page.getByRole('region', { name: 'Now' });
const clockFace = (page: Page) => page.locator('.clock-time');
const speaker = (page: Page) => page.getByRole('region', { name: 'Spotlight' }).locator('.spotlight-name');

async function expectTaylor(page: Page, left: string): Promise<void> {
  const now = nowRegion(page);
  await expect(now).toContainText(TAYLOR);
  await expect(now).toContainText('Adrien Taylor');
  await expect(now.locator('time[datetime="2026-05-07T09:00:00+02:00"]')).toHaveText('09:00');
  await expect(now).toContainText(`${left} left`);
  await expect(now).not.toContainText('Pontus Giselsson');
}

async function expectGiselsson(page: Page, left: string): Promise<void> {
  const now = nowRegion(page);
  await expect(now).toContainText('Title to be announced');
  await expect(now).toContainText('Pontus Giselsson');
  await expect(now.locator('time[datetime="2026-05-07T09:40:00+02:00"]')).toHaveText('09:40');
  await expect(now).toContainText(`${left} left`);
  await expect(now).not.toContainText('Adrien Taylor');
}

test('rehearsal keys ] . L [ (the issue’s steps): Now is always the talk on at the time shown', async ({ page }) => {
  await openPaused(page, 'at=2026-05-07T09:10&room=main');
  await expectTaylor(page, '30 min');
  await page.keyboard.press(']');
  await expect(clockFace(page)).toHaveText('09:25');
  await expectTaylor(page, '15 min');
  await page.keyboard.press('.');
  await expect(clockFace(page)).toHaveText('09:40');
  await expectGiselsson(page, '40 min');
  await page.keyboard.press('l');
  await expect(clockFace(page)).toHaveText('09:10');
  await expectTaylor(page, '30 min');
  await page.keyboard.press('[');
  await expect(clockFace(page)).toHaveText('08:55');
  // Nothing is on at 08:55 on 7 May: the board says when the day starts and what comes first.
  await expect(nowRegion(page)).toHaveCount(0);
  await expect(page.getByText('The day starts at 09:00')).toBeVisible();
  await expect(page.locator('.moment-countdown')).toHaveText('in 5 min');
  await expect(page.getByRole('region', { name: 'Next' })).toContainText(TAYLOR);
  await shot(page, 'jump-rehearsal-back');
});

test('between jumps the clock face and the time left move on each minute, also after a jump to an odd second', async ({
  page,
}) => {
  // The service tells nobody on its one-second watch; the minute's own timer moves the face and the countdown.
  await openPaused(page, 'at=2026-05-07T09:10&room=main'); // reads a little before 09:10:30 (the page took time to load)
  let seconds = 0;
  while ((await clockFace(page).textContent()) === '09:10' && seconds < 40) {
    await page.clock.runFor(1_000);
    seconds++;
  }
  // 09:11 came within a second of its minute, and the countdown with it.
  expect(seconds).toBeGreaterThanOrEqual(29);
  expect(seconds).toBeLessThanOrEqual(36);
  await expect(clockFace(page)).toHaveText('09:11');
  await expectTaylor(page, '29 min');
  await page.clock.runFor(5 * MIN);
  await expect(clockFace(page)).toHaveText('09:16');
  await expectTaylor(page, '24 min');
  // '.' sets an offset of any number of milliseconds (to 09:40:00.000): the minutes count from there.
  await page.keyboard.press('.');
  await expect(clockFace(page)).toHaveText('09:40');
  await page.clock.runFor(59_000);
  await expect(clockFace(page)).toHaveText('09:40');
  await page.clock.runFor(1_000);
  await expect(clockFace(page)).toHaveText('09:41');
  await expectGiselsson(page, '39 min');
});

test('speed=0 freezes the clock; rehearsal keys still move it', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await openBoard(page, 'at=2026-05-07T09:10&room=main&speed=0');
  await page.clock.runFor(45 * MIN);
  await expect(clockFace(page)).toHaveText('09:10');
  await expectTaylor(page, '30 min');
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect(clockFace(page)).toHaveText('09:40');
  await expectGiselsson(page, '40 min');
});

test('a delay added or removed: Now follows the day as staff fix it', async ({ page }) => {
  // Delays are the venue's: this staff board has a hub of its own.
  await withOwnHub((base) => delayAddedOrRemoved(page, base));
});

async function delayAddedOrRemoved(page: Page, base: string): Promise<void> {
  await openPaused(page, `at=2026-05-07T09:30&room=main${STAFF}`, base);
  await expectTaylor(page, '10 min');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  // Taylor, running when the delay was set, ends at 09:50 instead of 09:40.
  await expect(nowRegion(page).locator('.delayed > time')).toHaveText('09:50');
  await expectTaylor(page, '20 min');
  await page.keyboard.press(']');
  await expect(clockFace(page)).toHaveText('09:45');
  await expectTaylor(page, '5 min');
  // Back on time: at 09:45 Giselsson's talk (09:40–10:20) is on.
  await page.keyboard.press('Backspace');
  await expectGiselsson(page, '35 min');
  await expect(nowRegion(page).locator('s')).toHaveCount(0);
  await page.keyboard.press('+');
  await expect(nowRegion(page).locator('.delayed > time')).toHaveText('10:25');
  await expectGiselsson(page, '40 min');
  await page.keyboard.press('-');
  await expect(nowRegion(page).locator('s')).toHaveCount(0);
  await expectGiselsson(page, '35 min');
}

test('the system clock stepped forward: within a second Now is the talk on at the new time', async ({ page }) => {
  await openPaused(page, 'at=2026-05-07T09:10&room=main');
  await expectTaylor(page, '30 min');
  // NTP corrects a clock 35 minutes slow; no timer fires by itself.
  await page.clock.setSystemTime(PAUSED + 35 * MIN);
  await page.clock.runFor(1000);
  await expect(clockFace(page)).toHaveText('09:45');
  await expectGiselsson(page, '35 min');
});

test('the system clock stepped back: within a second Now is the earlier talk again', async ({ page }) => {
  await openPaused(page, 'at=2026-05-07T09:50&room=main');
  await expectGiselsson(page, '30 min');
  await page.clock.setSystemTime(PAUSED - 15 * MIN);
  await page.clock.runFor(1000);
  await expect(clockFace(page)).toHaveText('09:35');
  await expectTaylor(page, '5 min');
});

test('suspended and resumed: timers fire late, the board catches up within a second', async ({ page }) => {
  await openPaused(page, 'at=2026-05-07T10:10&room=main');
  await expectGiselsson(page, '10 min');
  // The lid closed for 20 minutes: on waking, each due timer fires once, late.
  await page.clock.fastForward(20 * MIN);
  await page.clock.runFor(1000);
  await expect(clockFace(page)).toHaveText('10:30');
  await expect(nowRegion(page)).toContainText('Coffee');
  await expect(nowRegion(page)).toContainText('until 10:50');
  await expect(nowRegion(page)).toContainText('20 min left');
  // 20 min 31 s after an even page of the 15 s rotation: an even page again, the first speaker.
  await expect(speaker(page)).toHaveText('Peter Ochs');
  await shot(page, 'jump-resumed');
});

test('resumed with the wall clock moved on and no time elapsed: the page lifecycle event alone brings Now up to date', async ({
  page,
}) => {
  await openPaused(page, 'at=2026-05-07T09:10&room=main');
  await expectTaylor(page, '30 min');
  // A machine without a running monotonic clock during sleep: the wall clock jumped, timers did not move.
  await page.clock.setSystemTime(PAUSED + 35 * MIN);
  await page.evaluate(() => document.dispatchEvent(new Event('resume')));
  await expectGiselsson(page, '35 min');
});

test('rotation turns at wall-clock boundaries, also after the clock is stepped', async ({ page }) => {
  await openPaused(page, 'at=2026-05-07T10:25&room=main');
  await expect(nowRegion(page)).toContainText('Coffee');
  await expect(speaker(page)).toHaveText('Peter Ochs');
  await page.clock.runFor(15_000);
  await expect(speaker(page)).toHaveText('Antonio Silveti-Falls');
  // Stepped 15 s forward: the next page is due now, not after the old timer's wait.
  await page.clock.setSystemTime(PAUSED + 30_000);
  await page.clock.runFor(1000);
  await expect(speaker(page)).toHaveText('Peter Ochs');
  await expect(nowRegion(page)).toContainText('Coffee');
});
