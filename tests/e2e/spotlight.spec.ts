/** The break spotlight rotates with the clock, so screens side by side show the same speaker. */
import { expect, test } from '@playwright/test';
import { openBoard, openPaused, shot } from './board.ts';

const name = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Spotlight' }).locator('.spotlight-name');

test('the speaker changes every 15 s, on the wall clock’s 15 s grid', async ({ page }) => {
  // 15:00 poster session on 6 May: Diakonikolas (15:45) and Loizou (16:25) follow it.
  // The page's clock is paused on an even 15 s page, so the first speaker shows.
  await openPaused(page, 'at=2026-05-06T15:10');
  await expect(name(page)).toHaveText('Jelena Diakonikolas');
  await page.clock.runFor(14_000);
  await expect(name(page)).toHaveText('Jelena Diakonikolas');
  await page.clock.runFor(1_000);
  await expect(name(page)).toHaveText('Nicolas Loizou');
  await page.clock.runFor(15_000);
  await expect(name(page)).toHaveText('Jelena Diakonikolas');
  await shot(page, 'spotlight-rotated');
});

test('two screens opened at different moments show the same speaker at the same moment', async ({ browser }) => {
  // Real time and two real pages, on purpose: this is the property a hallway of screens relies on.
  const [a, b] = await Promise.all([browser.newPage(), browser.newPage()]);
  // Opened 2.5 s apart on purpose: the rotation comes from the clock, not from when a page loaded.
  await openBoard(a, 'at=2026-05-06T10:25&spotlight=5');
  await a.waitForTimeout(2_500);
  await openBoard(b, 'at=2026-05-06T10:25&spotlight=5');
  for (let i = 0; i < 4; i++) {
    // Read both together; at a page boundary both switch within a moment of each other (later on a
    // loaded machine, where timers fire late), so allow a settle shorter than the 2.5 s of every 5
    // that a rotation counted from page load would disagree for.
    await expect
      .poll(
        async () => {
          const [nameA, nameB] = await Promise.all([name(a).textContent(), name(b).textContent()]);
          expect(nameA).toMatch(/Niao He|Anastasia Koloskova/);
          return nameA === nameB;
        },
        { timeout: 1_500, intervals: [100] },
      )
      .toBe(true);
    await a.waitForTimeout(1_700);
  }
  await Promise.all([a.close(), b.close()]);
});
