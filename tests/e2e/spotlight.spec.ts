/** The break spotlight rotates with the clock, so screens side by side show the same speaker. */
import { expect, test } from '@playwright/test';
import { openBoard, shot } from './board.ts';

const name = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Spotlight' }).locator('.spotlight-name');

test('the speaker changes after the interval', async ({ page }) => {
  // 15:00 poster session: Diakonikolas and Loizou follow it; a 4 s interval keeps the test short.
  await openBoard(page, 'at=2026-05-06T15:10&spotlight=4');
  const first = await name(page).textContent();
  expect(first).toMatch(/Jelena Diakonikolas|Nicolas Loizou/);
  await expect(name(page)).not.toHaveText(first!, { timeout: 6_000 });
  const second = await name(page).textContent();
  expect(second).toMatch(/Jelena Diakonikolas|Nicolas Loizou/);
  await expect(name(page)).toHaveText(first!, { timeout: 6_000 });
  await shot(page, 'spotlight-rotated');
});

test('two screens opened at different moments show the same speaker at the same moment', async ({ browser }) => {
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
