/** The README's screenshots, at 1920×1080 and portrait 1080×1920, committed under build/screenshots: `npm run screenshots` (never part of npm test, which leaves the tree clean). */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fitted, openBoard, ownHost, ROOT } from '../e2e/board.ts';
import { CHANGES_PROGRAM } from '../e2e/changes-program.ts';
import { busiestMoments, congress38c3 } from '../e2e/congress.ts';

test.use({ viewport: { width: 1920, height: 1080 } });

test('README: a talk', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T13:50');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Boţ');
  await page.screenshot({ path: join(ROOT, 'build', 'screenshots', 'board.png') });
});

test('README: a coffee break with the speaker spotlight', async ({ page }) => {
  await openBoard(page, 'at=2026-05-07T10:25&spotlight=600');
  await expect(page.getByRole('region', { name: 'Spotlight' })).toBeVisible();
  // The speaker fades in: wait for the animation to finish, not for a guessed time.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: join(ROOT, 'build', 'screenshots', 'break.png') });
});

test.describe('portrait', () => {
  test.use({ viewport: { width: 1080, height: 1920 } });

  test('README: a talk on a portrait screen', async ({ page }) => {
    await openBoard(page, 'at=2026-05-07T09:05&speed=0');
    await expect(page.getByRole('region', { name: 'Now' })).toContainText('Adrien Taylor');
    await fitted(page);
    await page.screenshot({ path: join(ROOT, 'build', 'screenshots', 'board-portrait.png') });
  });

  test('README: a coffee break on a portrait screen', async ({ page }) => {
    await openBoard(page, 'at=2026-05-06T10:25&speed=0&spotlight=600');
    await expect(page.getByRole('region', { name: 'Spotlight' })).toBeVisible();
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await page.screenshot({ path: join(ROOT, 'build', 'screenshots', 'break-portrait.png') });
  });
});

test('README: all rooms of 38C3 at its busiest moment', async ({ page }) => {
  const program = congress38c3();
  const host = await ownHost(program);
  try {
    // Its first page, as the caption says (a full page, not the shorter last one): pages turn on the wall clock
    // (core/engine/format.ts, rotationIndex), so the page's clock starts where four 600 s pages begin.
    await page.clock.install({ time: Math.ceil(Date.now() / 2_400_000) * 2_400_000 + 5_000 });
    await openBoard(page, `at=${busiestMoments(program).mostOn.at}&speed=0&pages=600`, host.url);
    const table = page.getByRole('region', { name: 'On now in every room' });
    await expect(table).toContainText('rooms quiet until tomorrow');
    await expect(table).toContainText('Page 1 of 4');
    await page.screenshot({ path: join(ROOT, 'build', 'screenshots', 'all-rooms.png'), animations: 'disabled' });
  } finally {
    await host.close();
  }
});

test('README: the agenda with a cancelled, a moved and an unrecorded talk', async ({ page }) => {
  const host = await ownHost(CHANGES_PROGRAM);
  try {
    await openBoard(page, 'at=2026-03-10T09:10&speed=0&view=agenda', host.url);
    await expect(page.locator('.change-label').first()).toBeVisible();
    await page.screenshot({ path: join(ROOT, 'build', 'screenshots', 'changes.png'), animations: 'disabled' });
  } finally {
    await host.close();
  }
});
