/**
 * A 3-room, 2-day program written for the tests (tests/fixtures/program/three-rooms.json)
 * on real boards: the desk and the all-rooms spotlight name each item's room,
 * the closing in Aurora Hall is on Birch Room's screen, and a delay in Birch
 * Room moves the coffee on its screens only. Landscape and portrait, every
 * line wholly visible; screenshots in tests/artifacts/screenshots/three-rooms-*.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { clippedText, fittedAt, openPaused, ownHost, ROOT, shot, STAFF } from './board.ts';
import { roomLeft } from './lines.ts';

const PROGRAM = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/program/three-rooms.json'), 'utf8')) as {
  rooms: { id: string; name: string }[];
  items: { room?: string; speakers?: { name: string }[] }[];
};
const ROOM_OF_SPEAKER = new Map(
  PROGRAM.items.flatMap((i) =>
    (i.speakers ?? []).map((s) => [s.name, PROGRAM.rooms.find((r) => r.id === i.room)?.name] as const),
  ),
);

const SIZES = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

let host: Awaited<ReturnType<typeof ownHost>>;
test.beforeAll(async () => {
  host = await ownHost(PROGRAM);
});
test.afterAll(async () => host.close());

/**
 * A screen of its own for another moment: the rehearsal clock is the browser context's, and a second `openPaused` in
 * one context starts the board under a clock already paused and then moved (the boot guard's 30 s start deadline has
 * fired in that jump), which no player ever sees.
 */
async function anotherScreen(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function eachSize(page: Page, name: string, check: () => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    await fittedAt(page, size);
    await check();
    await shot(page, `three-rooms-${name}-${size.name}`);
    expect(await clippedText(page), size.name).toEqual([]);
  }
}

test('the registration desk names the room of each of the three talks at 10:45', async ({ page }) => {
  await openPaused(page, 'at=2026-09-14T10:20&mode=agenda', host.url);
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await eachSize(page, 'agenda', async () => {
    const rows: [string, string][] = [
      ['Forecasting the Humboldt current', 'Aurora Hall'],
      ['Robots that fold laundry', 'Birch Room'],
      ['Water rights and algorithms', 'Cedar Room'],
    ];
    for (const [title, room] of rows)
      await expect(agenda.locator('.day-row', { hasText: title }).locator('.where-name')).toHaveText(room);
    // The day goes on below the venues and the QR code while they leave room: no row held back that would fit.
    expect((await roomLeft(page)).problems).toEqual([]);
    if (page.viewportSize()!.width > page.viewportSize()!.height) {
      const continued = page.getByRole('region', { name: 'The day, continued' });
      await expect(continued.locator('.day-row:not([hidden])').first()).toBeVisible();
      await expect(agenda.locator('.more-line', { hasText: 'more' })).toBeHidden();
    }
  });
});

test('with three rooms the all-rooms table fills the screen with larger rows', async ({ page }) => {
  await openPaused(page, 'at=2026-09-14T10:20', host.url);
  const rows = page.locator('.rooms-body:not(.rooms-measure) .rooms-row');
  for (const size of [{ name: '720p', width: 1280, height: 720 }, ...SIZES]) {
    await fittedAt(page, size);
    await expect(rows).toHaveCount(3);
    await shot(page, `three-rooms-all-${size.name}`);
    expect(await clippedText(page), size.name).toEqual([]);
    // The share of the table left empty below its last row (it was 60 % at 1920×1080 before the rows grew).
    const empty = await page.locator('.rooms-body:not(.rooms-measure)').evaluate((body) => {
      const b = body.getBoundingClientRect();
      const last = body.lastElementChild!.getBoundingClientRect();
      return (b.bottom - last.bottom) / b.height;
    });
    expect(empty, size.name).toBeLessThan(0.2);
    // The text grew with the rows: larger than the roomy rows' designed 2.9 % of the screen's height.
    const text = await rows.first().evaluate((row) => parseFloat(getComputedStyle(row).fontSize) / innerHeight);
    expect(text, size.name).toBeGreaterThan(0.029 * 1.1);
  }
});

test('the all-rooms spotlight names the room of the speaker it shows, and a short biography grows into the screen', async ({
  page,
}) => {
  await openPaused(page, 'at=2026-09-14T12:30&mode=spotlight', host.url);
  const spotlight = page.getByRole('region', { name: 'Spotlight' });
  await eachSize(page, 'spotlight', async () => {
    const name = (await spotlight.locator('.spotlight-name').textContent())!;
    await expect(spotlight.locator('.spotlight-where')).toHaveText(ROOM_OF_SPEAKER.get(name)!);
    // The paused clock shows Margit Solberg, two sentences of biography: before, the pager kept the text at its
    // designed size and two thirds of the portrait screen (40 % of the landscape one) stayed empty below it.
    expect(name).toBe('Margit Solberg');
    const { empty, grown } = await spotlight.evaluate((panel) => {
      const lines = [...panel.querySelectorAll('.spotlight-bio')].map((p) => p.getBoundingClientRect().bottom);
      const inner = panel.getBoundingClientRect().bottom - parseFloat(getComputedStyle(panel).paddingBottom);
      return {
        empty: (inner - Math.max(...lines)) / panel.getBoundingClientRect().height,
        grown: parseFloat(getComputedStyle(panel.closest<HTMLElement>('[data-fit-box]')!).getPropertyValue('--grow')),
      };
    });
    expect(grown).toBeGreaterThan(1.3);
    expect(empty).toBeLessThan(0.15);
    await expect(spotlight.locator('[data-page-marks]')).toBeHidden();
  });
});

test("the closing in Aurora Hall is on Birch Room's screen while it is on, and Next on Cedar Room's before", async ({
  page,
  browser,
}) => {
  await openPaused(page, 'at=2026-09-15T13:10&room=birch', host.url);
  const now = page.getByRole('region', { name: 'Now' });
  await eachSize(page, 'closing-birch', async () => {
    await expect(now.locator('.item-title')).toHaveText('Closing & prizes');
    await expect(now.locator('.item-where')).toHaveText('now in Aurora Hall');
    await expect(page.getByText('has ended')).toHaveCount(0);
    // Nothing after it in Birch Room: Now alone, across the whole screen, its title grown beyond its designed size.
    const { share, grown } = await now.evaluate((panel) => ({
      share: panel.getBoundingClientRect().width / innerWidth,
      grown: parseFloat(getComputedStyle(panel.closest<HTMLElement>('[data-fit-box]')!).getPropertyValue('--grow')),
    }));
    expect(share).toBeGreaterThan(0.9);
    expect(grown).toBeGreaterThan(1.3);
  });
  const cedar = await anotherScreen(browser);
  await openPaused(cedar, 'at=2026-09-15T12:10&room=cedar', host.url);
  const next = cedar.getByRole('region', { name: 'Next' });
  await eachSize(cedar, 'closing-next-cedar', async () => {
    await expect(next.locator('.item-title')).toHaveText('Closing & prizes');
    await expect(next.locator('.item-where')).toHaveText('in Aurora Hall');
    // Grown until the width stops it, the text stands in the middle of the screen, not over an empty lower half.
    const { above, below, height } = await next.evaluate((panel) => {
      const inner = panel.getBoundingClientRect();
      const style = getComputedStyle(panel);
      const parts = [...panel.children].map((child) => child.getBoundingClientRect());
      return {
        above: parts[0]!.top - inner.top - parseFloat(style.paddingTop),
        below: inner.bottom - parseFloat(style.paddingBottom) - parts[parts.length - 1]!.bottom,
        height: inner.height,
      };
    });
    expect(Math.abs(above - below)).toBeLessThan(height * 0.02);
  });
  await cedar.context().close();
});

test("a delay in Birch Room moves its coffee to the end of its talk, and only on Birch Room's screens", async ({
  page,
  browser,
}) => {
  // The delay is the venue's live state: this test has a hub of its own.
  const own = await ownHost(PROGRAM);
  try {
    await openPaused(page, `at=2026-09-14T10:05&room=birch${STAFF}`, own.url);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const next = page.getByRole('region', { name: 'Next' });
    await eachSize(page, 'delay-birch', async () => {
      await expect(page.getByRole('region', { name: 'Now' }).locator('.delayed > time')).toHaveText('10:25');
      await expect(next.locator('.item-title')).toHaveText('Coffee');
      await expect(next.locator('.panel-time')).toHaveText(/^after this talk, ≈ 10:25$/);
    });
    // In the screen's language, like every word on it.
    const german = await anotherScreen(browser);
    await openPaused(german, 'at=2026-09-14T10:05&room=birch&lang=de', own.url);
    await expect(german.getByRole('region', { name: 'Next' }).locator('.panel-time')).toHaveText(
      /^nach diesem Vortrag, ≈ 10:25$/,
    );
    const cedar = await anotherScreen(browser);
    await openPaused(cedar, 'at=2026-09-14T10:05&room=cedar', own.url);
    const cedarNext = cedar.getByRole('region', { name: 'Next' });
    await expect(cedarNext.locator('.item-title')).toHaveText('Coffee');
    await expect(cedarNext.locator('.panel-time')).toContainText('10:15');
    await expect(cedarNext.locator('.panel-time')).not.toContainText('after this talk');
    await shot(cedar, 'three-rooms-delay-cedar-landscape');
    await Promise.all([german.context().close(), cedar.context().close()]);
  } finally {
    await own.close();
  }
});
