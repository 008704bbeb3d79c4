/** The README's screenshots, at 1920×1080, committed under build/screenshots: `npm run screenshots` (never part of npm test, which leaves the tree clean). */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openBoard, ROOT } from '../e2e/board.ts';

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
  await page.locator('.spotlight-card').evaluate((card) => Promise.all(card.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: join(ROOT, 'build', 'screenshots', 'break.png') });
});
