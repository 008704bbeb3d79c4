/** The browser's own zone never leaks onto the board: every time is Stockholm's. */
import { expect, test } from '@playwright/test';
import { openBoard, shot } from './board.ts';

for (const timezoneId of ['Pacific/Auckland', 'America/Los_Angeles']) {
  test.describe(`browser in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('a wall-time "at" is read in the event zone and shown in it', async ({ page }) => {
      await openBoard(page, 'at=2026-05-06T09:10');
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
      await expect(page.locator('.clock-time')).toHaveText('09:10');
      await expect(page.locator('.clock-date')).toHaveText('Wednesday 6 May 2026');
      const now = page.getByRole('region', { name: 'Now' });
      await expect(now).toContainText('Peter Richtárik');
      await expect(now.locator('time[datetime="2026-05-06T09:00:00+02:00"]')).toHaveText('09:00');
      await shot(page, `zone-${timezoneId.replace('/', '-')}`);
    });

    test('an instant with an offset lands on the same Stockholm time', async ({ page }) => {
      await openBoard(page, 'at=2026-05-07T16:20:00Z');
      await expect(page.locator('.clock-time')).toHaveText('18:20');
      await expect(page.getByRole('region', { name: 'Now' })).toContainText('Bus transport');
    });

    test('tomorrow is the event’s tomorrow', async ({ page }) => {
      await openBoard(page, 'at=2026-05-06T23:30');
      await expect(page.getByRole('region', { name: 'Next' })).toContainText('Tomorrow');
      await expect(page.getByRole('region', { name: 'Next' })).toContainText('09:00');
    });
  });
}
