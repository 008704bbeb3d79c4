/**
 * The first board in the page (core/hub/server/first-board.ts): Now is in the HTML the hub serves, before any
 * script runs. With JavaScript off, the board is there and correct, styled under the CSP, and refreshes itself each
 * minute; with JavaScript, the script's takeover changes nothing visible. Behaviour only: the timing figure (first
 * board against a static page of the same size) is the bench's (tests/bench/first-board.ts), measured side by side.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIRST_BOARD } from '../../core/hub/api.ts';
import { fitted, shot } from './board.ts';
import { cutLines } from './lines.ts';

const AT = 'at=2026-05-06T10:15&speed=0';
const NOW_TITLE = 'Exploiting Similarity in Federated Learning';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the board is in the page: Now and Next at the URL’s moment, styled under the CSP, refreshed each minute', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`/?${AT}&name=Foyer%20left`);
    await expect(page.getByRole('region', { name: 'Now' })).toContainText(NOW_TITLE);
    await expect(page.locator('.clock-time')).toHaveText('10:15');
    await expect(page.getByText('Loading the program…')).toHaveCount(0);
    // The palette is the first board's own stylesheet (no style attribute passes the CSP): the board is dark.
    await expect(page.locator('.app')).toHaveCSS('background-color', 'rgb(10, 15, 26)');
    await expect(page.locator('noscript')).toHaveCount(1);
    expect(await page.locator('noscript').innerHTML()).toContain('<meta http-equiv="refresh" content="60"');
    expect(violations).toEqual([]);
    await shot(page, 'first-board-no-script');
  });

  test('the agenda, all rooms and the spotlight view are rendered on the hub too', async ({ page }) => {
    await page.goto(`/?${AT}&view=agenda`);
    await expect(page.locator('.app.view-agenda')).toBeVisible();
    await expect(page.locator('.app')).toContainText(NOW_TITLE);
    await page.goto(`/?${AT}&room=all`);
    await expect(page.locator('.app.view-board')).toBeVisible();
    await page.goto(`/?${AT}&view=spotlight`);
    await expect(page.locator('.app.view-spotlight')).toBeVisible();
  });
});

/** What is on screen, as a user sees it: each text, where it is and how big. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-text]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const size = getComputedStyle(el).fontSize;
        return `${el.innerText} @${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)} ${size}`;
      }),
  );
}

/** Opens the board with its script held back; returns the release. */
async function openHeld(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/?${AT}`, { waitUntil: 'commit' });
  await expect(page.getByRole('region', { name: 'Now' })).toContainText(NOW_TITLE);
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => performance.getEntriesByName('foyer:first-board').length)).toBe(0);
  expect(await page.locator(`#${FIRST_BOARD.seedId}`).getAttribute('type')).toBe('application/json');
  return release;
}

async function takeOver(page: Page, release: () => void): Promise<void> {
  release();
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('foyer:first-board').length)).toBe(1);
  await fitted(page);
  // The script's board replaced the hub's: its style comes through the CSSOM, not the first board's rules.
  await expect(page.locator('.app[data-fb]')).toHaveCount(0);
}

test('with JavaScript, the script takes over: the bars do not change, Now keeps its place and its words', async ({ page }) => {
  const release = await openHeld(page);
  const parts = ['.top-bar', '.bottom-bar'];
  const before = await Promise.all(parts.map((part) => page.locator(part).screenshot({ animations: 'disabled' })));
  const now = page.locator('.now-panel');
  const nowBefore = { box: await now.boundingBox(), text: (await now.innerText()).replace(/\s+/g, ' ') };
  await shot(page, 'first-board-before-takeover');
  await takeOver(page, release);
  await shot(page, 'first-board-after-takeover');
  const after = await Promise.all(parts.map((part) => page.locator(part).screenshot({ animations: 'disabled' })));
  parts.forEach((part, i) => expect(after[i]!.equals(before[i]!), `${part} changed at the takeover`).toBe(true));
  expect({ box: await now.boundingBox(), text: (await now.innerText()).replace(/\s+/g, ' ') }).toEqual(nowBefore);
  expect(await cutLines(page)).toEqual([]);
});

// Known gap (docs/players.md "The first board in the page"): the hub cannot measure, so Now's text is drawn at its
// designed size where the script's fit grows it into the room left over (up to 1.3×): the same words, larger.
test.fail('with JavaScript, Now is pixel-identical after the takeover (its text not yet grown on the hub)', async ({ page }) => {
  const release = await openHeld(page);
  const before = await page.locator('.now-panel').screenshot({ animations: 'disabled' });
  await takeOver(page, release);
  expect((await page.locator('.now-panel').screenshot({ animations: 'disabled' })).equals(before)).toBe(true);
});

// Known gap (docs/players.md "The first board in the page"): the hub cannot measure, so the first board's side
// column is not fitted: "Later today" lists every item (the last rows cut at the screen's edge) and squeezes Next,
// where the script's fit shows what fits and "+ 4 more". Marked as failing so that it is seen, and noticed when fixed.
test.fail(
  'with JavaScript, the takeover changes nothing on the whole screen (side column not yet fitted on the hub)',
  async ({ page }) => {
    const release = await openHeld(page);
    const before = await visibleTexts(page);
    await takeOver(page, release);
    expect(await visibleTexts(page)).toEqual(before);
  },
);
