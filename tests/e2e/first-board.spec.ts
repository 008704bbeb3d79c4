/**
 * The first board in the page (core/hub/server/first-board.ts): Now is in the HTML the hub serves, before any
 * script runs. With JavaScript off, the board is there and correct, styled under the CSP, and refreshes itself each
 * minute; with JavaScript, the script's takeover changes nothing visible. Behaviour only: the timing figure (first
 * board against a static page of the same size) is the bench's (tests/bench/first-board.ts), measured side by side.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIRST_BOARD } from '../../core/hub/api.ts';
import { fitted, ownHost, seedProgram, shot } from './board.ts';
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
    // The board in #root: the portrait one is in the page too, shown only on a portrait screen (no-script.spec.ts).
    await expect(page.locator('#root .clock-time')).toHaveText('10:15');
    await expect(page.getByText('Loading the program…')).toHaveCount(0);
    // The palette is the first board's own stylesheet (no style attribute passes the CSP): the board is dark.
    await expect(page.locator('#root > .app')).toHaveCSS('background-color', 'rgb(10, 15, 26)');
    expect(await page.locator('head noscript').innerHTML()).toContain('<meta http-equiv="refresh" content="60"');
    expect(violations).toEqual([]);
    await shot(page, 'first-board-no-script');
  });

  test('the agenda, all rooms and the spotlight view are rendered on the hub too', async ({ page }) => {
    await page.goto(`/?${AT}&view=agenda`);
    await expect(page.locator('#root > .app.view-agenda')).toBeVisible();
    await expect(page.locator('#root > .app')).toContainText(NOW_TITLE);
    await page.goto(`/?${AT}&room=all`);
    await expect(page.locator('#root > .app.view-board')).toBeVisible();
    await page.goto(`/?${AT}&view=spotlight`);
    await expect(page.locator('#root > .app.view-spotlight')).toBeVisible();
  });
});

/** What is on screen, as a user sees it: each text, where it is and how big (the board's texts, the rooms' cells). */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-text], .rooms-body:not(.rooms-measure) :not(:has(*))')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const size = getComputedStyle(el).fontSize;
        return `${el.innerText} @${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)} ${size}`;
      }),
  );
}

/** Opens the board with its script held back; returns the release. */
async function openHeld(page: Page, query = AT, text = NOW_TITLE): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/?${query}`, { waitUntil: 'commit' });
  await expect(page.locator('.app')).toContainText(text);
  // Fitted with the web font before the page's script has even arrived: the first fit (first-board/first-fit.ts).
  await fitted(page);
  // Still the hub's board (its style in the first board's rules): the script has not run.
  await expect(page.locator('.app[data-fb]')).toHaveCount(1);
  expect(await page.locator(`#${FIRST_BOARD.seedId}`).getAttribute('type')).toBe('application/json');
  return release;
}

async function takeOver(page: Page, release: () => void): Promise<void> {
  release();
  // The script's board replaced the hub's: its style comes through the CSSOM, not the first board's rules.
  await expect(page.locator('.app[data-fb]')).toHaveCount(0);
  await expect(page.locator('.app')).toHaveCount(1);
  await fitted(page);
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

// The browser may paint while a script in the body is still on its way: the hub's board, at its designed size
// (lines cut at a panel's edge, a side column not yet trimmed), must never be what it paints.
test('with JavaScript, the hub’s board is not shown until the first fit has fitted it', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/first-fit-[0-9a-f]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto(`/?${AT}`, { waitUntil: 'commit' });
  await expect(page.locator('#root > .app')).toContainText(NOW_TITLE);
  await expect.poll(() => asked).toBe(true);
  // Long enough for the stylesheets and the font to be in and a frame or two to be painted.
  await page.waitForTimeout(500);
  await expect(page.getByRole('region', { name: 'Now' })).toBeHidden();
  const blank = await page.screenshot();
  release();
  await expect(page.getByRole('region', { name: 'Now' })).toBeVisible();
  await fitted(page);
  expect(await cutLines(page)).toEqual([]);
  expect((await page.screenshot()).equals(blank), 'the board never appeared').toBe(false);
});

// A first fit that does not come (a congested venue network, a player loading twenty things at once) must not leave
// the screen dark: the hub's board shows by itself after a few seconds, as a player that runs no script shows it (no
// line cut), also on a player set to reduced motion (whose stylesheet drops every animation).
test('with JavaScript, a first fit that does not arrive leaves the hub’s board hidden for a few seconds only, then shows it uncut', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/first-fit-[0-9a-f]+\.js$/, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  try {
    await page.goto(`/?${AT}`, { waitUntil: 'commit' });
    await expect(page.locator('#root > .app')).toContainText(NOW_TITLE);
    await page.waitForTimeout(500);
    await expect(page.getByRole('region', { name: 'Now' })).toBeHidden();
    const shownAt = Date.now();
    await expect(page.getByRole('region', { name: 'Now' })).toBeVisible({ timeout: 8_000 });
    expect(Date.now() - shownAt).toBeGreaterThan(1_000);
    await expect(page.getByRole('region', { name: 'Now' }).getByText(NOW_TITLE)).toBeVisible();
    // As a player that runs no script shows it: what does not fit is left out whole ("Coffee" under Next was cut).
    const leftOut = /^title, name or time hidden by section\.panel\.day-list/;
    expect((await cutLines(page)).filter((problem) => !leftOut.test(problem.problem))).toEqual([]);
    await expect(page.getByRole('region', { name: 'Next' }).getByText('Coffee')).toBeVisible();
    await shot(page, 'first-board-without-first-fit');
  } finally {
    release();
  }
});

// The hub cannot measure; the first fit, a classic script right after the board in the page, runs the board's own
// fit on the hub's markup before the first paint, so Now has grown into the room left over (up to 1.3×) and the side
// column shows what fits and "+ N more" before the takeover, exactly as the script's board does after it.
test('with JavaScript, Now is pixel-identical after the takeover (grown the same before it)', async ({ page }) => {
  const release = await openHeld(page);
  const before = await page.locator('.now-panel').screenshot({ animations: 'disabled' });
  await takeOver(page, release);
  expect((await page.locator('.now-panel').screenshot({ animations: 'disabled' })).equals(before)).toBe(true);
});

test('with JavaScript, the takeover changes nothing on the whole screen (the side column fitted before it)', async ({ page }) => {
  const release = await openHeld(page);
  const before = await visibleTexts(page);
  expect(
    before.some((text) => /^\+ \d+ more @/.test(text)),
    'the side column shows "+ N more" before the takeover',
  ).toBe(true);
  await takeOver(page, release);
  expect(await visibleTexts(page)).toEqual(before);
});

// The hub does not know the screen's shape: it renders the portrait board too (a <template>), which the first fit
// puts in place on a portrait screen before the paint. Every view, every shape: the takeover moves nothing. The page's
// wall clock is held still, so the spotlight and a biography's pages do not turn between the two readings.
for (const [name, query, size, arrangement, text] of [
  ['a portrait board', AT, { width: 1080, height: 1920 }, '.board-portrait', NOW_TITLE],
  ['a break with the spotlight', 'at=2026-05-06T10:25&speed=0', { width: 1920, height: 1080 }, '.board-break', 'Coffee'],
  ['the agenda in portrait', `${AT}&view=agenda`, { width: 1080, height: 1920 }, '.agenda-portrait', NOW_TITLE],
] as const) {
  test(`with JavaScript, ${name}: the first board is arranged for the screen and the takeover moves nothing`, async ({
    page,
  }) => {
    // Now, as on the hub (the burn-in shift is the wall clock's hour's), and held there.
    await page.clock.setFixedTime(Date.now());
    await page.setViewportSize(size);
    const release = await openHeld(page, query, text);
    await expect(page.locator(arrangement)).toBeVisible();
    const before = await visibleTexts(page);
    expect(before.length).toBeGreaterThan(3);
    await takeOver(page, release);
    expect(await visibleTexts(page)).toEqual(before);
    expect(await cutLines(page)).toEqual([]);
  });
}

// The registration desk's QR code is drawn on the hub; the script's board must not blank it while the encoder's chunk
// loads (issue #20). An observer set before any script (the page's own or the hub's) reads the code after every task
// that changed the page, so a blank square that stood for a single frame is caught too.
test('with JavaScript, the agenda’s QR code stays drawn through the takeover: never blank, never gone', async ({ page }) => {
  const program = seedProgram();
  (program.event as Record<string, unknown>).url = 'https://example.org/symposium/program';
  const host = await ownHost(program);
  try {
    await page.addInitScript(() => {
      const states: string[] = [];
      (window as unknown as { qrStates: string[] }).qrStates = states;
      const read = (): void => {
        const qr = document.querySelector('#root .qr');
        const whose = qr?.closest('.app[data-fb]') ? 'hub' : 'page';
        const state = qr === null ? 'gone' : `${whose} ${qr.querySelector('path[d^="M"]') !== null ? 'drawn' : 'blank'}`;
        if (states[states.length - 1] !== state) states.push(state);
      };
      new MutationObserver(read).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(`${host.url}/?at=2026-05-06T10:25&speed=0&view=agenda`);
    await expect(page.locator('.app[data-fb]')).toHaveCount(0);
    await fitted(page);
    await expect(page.getByRole('img', { name: /example\.org/ })).toBeVisible();
    await shot(page, 'first-board-agenda-qr-after-takeover');
    const states = await page.evaluate(() => (window as unknown as { qrStates: string[] }).qrStates);
    // From the hub's code on, only the code, then the page's: no blank square, no moment without it.
    expect(states.slice(states.indexOf('hub drawn'))).toEqual(['hub drawn', 'page drawn']);
  } finally {
    await host.close();
  }
});
