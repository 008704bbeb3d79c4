/**
 * The all-rooms view at congress scale, on the real 38C3 export and on a
 * 92-room program derived from it at test time (tests/e2e/congress.ts): quiet
 * rooms left out and counted, whole rows paged on the clock in at most 6 pages
 * on 1920×1080 at the busiest moment, nothing cut, a group and one room.
 */
import { expect, test, type Page } from '@playwright/test';
import { clippedText, openBoard, openPaused, ownHost, shot } from './board.ts';
import { busiestMoments, congress38c3, derived92Rooms } from './congress.ts';

/** Pages turn every 10 s unless the URL says otherwise (?pages=). */
const PAGE_MS = 10_000;

const table = (page: Page) => page.getByRole('region', { name: 'On now in every room' });
const shownRows = (page: Page) => table(page).locator('.rooms-body:not(.rooms-measure) > .rooms-row');

/** The status line's word on a screen setting, without the bidi isolates around its ids (invisible; they keep the ids' order in Arabic). */
async function settingText(page: Page): Promise<string> {
  const setting = page.getByRole('status', { name: 'Screen setting' });
  return ((await setting.count()) === 0 ? '' : ((await setting.textContent()) ?? '')).replace(/[\u2066-\u2069]/g, '');
}

/** "Page 2 of 5" → [2, 5]; a single page has no indicator. */
async function pageOf(page: Page): Promise<[number, number]> {
  const indicator = table(page).locator('.rooms-page');
  if ((await indicator.count()) === 0) return [1, 1];
  const [, n, of] = (await indicator.textContent())!.match(/Page (\d+) of (\d+)/)!;
  return [Number(n), Number(of)];
}

for (const { name, build } of [
  { name: '38C3 (real export, 72 rooms)', build: congress38c3 },
  { name: '92 rooms derived from 38C3', build: derived92Rooms },
]) {
  test.describe(name, () => {
    const program = build();
    const moments = busiestMoments(program);
    let host: Awaited<ReturnType<typeof ownHost>>;
    test.beforeAll(async () => {
      host = await ownHost(program);
    });
    test.afterAll(async () => host.close());

    for (const [label, moment] of Object.entries(moments)) {
      test(`all rooms at the busiest moment (${label}): at most 6 pages, every listed room once, nothing cut`, async ({
        page,
      }) => {
        const started = Date.now();
        await openPaused(page, `at=${moment.at}&speed=0`, host.url);
        const firstMs = Date.now() - started;
        const [, count] = await pageOf(page);
        // Walk every page as the clock turns them, and put them back in page order.
        const pages = new Map<number, string[]>();
        const turns: number[] = [];
        for (let turn = 0; turn < count; turn++) {
          const [number] = await pageOf(page);
          pages.set(number, await shownRows(page).locator('.rooms-name').allTextContents());
          expect(await clippedText(page), `page ${number}`).toEqual([]);
          await shot(page, `congress-${build.name}-${label}-page-${number}`);
          const before = Date.now();
          await page.clock.runFor(PAGE_MS);
          if (count > 1) await expect.poll(async () => (await pageOf(page))[0]).not.toBe(number);
          turns.push(Date.now() - before);
        }
        expect([...pages.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
        const names = [...pages.entries()].sort(([a], [b]) => a - b).flatMap(([, rooms]) => rooms);
        // For the report (timings on a shared, loaded machine; not asserted): first board, and a page turn as seen from the test.
        console.log(
          `${name}, ${label} ${moment.at}: ${moment.rows} rooms listed, ${moment.onNow} items on now, ${count} pages at 1920×1080; ` +
            `navigation to fitted table ${firstMs} ms, page turn to new page on screen ${Math.max(...turns)} ms at most`,
        );
        expect(names).toHaveLength(moment.rows);
        expect(new Set(names).size).toBe(moment.rows);
        expect(count).toBeLessThanOrEqual(6);
      });
    }
  });
}

test.describe('38C3: groups, a list, one room, portrait', () => {
  const program = congress38c3();
  const { mostOn } = busiestMoments(program);
  let host: Awaited<ReturnType<typeof ownHost>>;
  test.beforeAll(async () => {
    host = await ownHost(program);
  });
  test.afterAll(async () => host.close());

  const roomName = (page: Page) => page.locator('.room-name');

  test('the quiet rooms are counted: listed rooms and quiet rooms add up to the 72', async ({ page }) => {
    await openPaused(page, `at=${mostOn.at}&speed=0`, host.url);
    const quiet = await table(page).locator('.rooms-quiet').textContent();
    const [, n] = quiet!.match(/^(\d+) rooms quiet until tomorrow$/)!;
    expect(Number(n) + mostOn.rows).toBe(72);
  });

  test('?group=kidspace: the group’s name on top and only its rooms, in its order', async ({ page }) => {
    await openPaused(page, `at=${mostOn.at}&speed=0&group=kidspace`, host.url);
    await expect(roomName(page)).toHaveText('Kidspace');
    const shown = await shownRows(page).locator('.rooms-name').allTextContents();
    const group = program.groups!.find((g) => g.id === 'kidspace')!;
    const order = group.rooms.map((id) => program.rooms.find((r) => r.id === id)!.name);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(order.filter((name) => shown.includes(name)));
    expect(await pageOf(page)).toEqual([1, 1]);
    expect(await clippedText(page)).toEqual([]);
    await shot(page, 'congress-38c3-group-kidspace');
  });

  test('G cycles the groups on screen, the room keys stay within the group, and G comes back to all rooms', async ({ page }) => {
    await openPaused(page, `at=${mostOn.at}&speed=0`, host.url);
    await expect(roomName(page)).toHaveText('All rooms');
    await page.keyboard.press('g');
    await expect(roomName(page)).toHaveText('Saal');
    const saal = program.groups![0]!.rooms.map((id) => program.rooms.find((r) => r.id === id)!.name);
    await expect(shownRows(page).first().locator('.rooms-name')).toHaveText(saal[0]!);
    for (const name of await shownRows(page).locator('.rooms-name').allTextContents()) expect(saal).toContain(name);
    await page.keyboard.press('ArrowRight');
    await expect(roomName(page)).toHaveText(saal[0]!);
    await page.keyboard.press('7');
    await expect(roomName(page)).toHaveText(saal[6]!);
    await page.keyboard.press('0');
    await expect(roomName(page)).toHaveText('Saal');
    for (let i = 1; i < program.groups!.length; i++) await page.keyboard.press('g');
    await expect(roomName(page)).toHaveText('Other rooms');
    await page.keyboard.press('g');
    await expect(roomName(page)).toHaveText('All rooms');
  });

  test('?rooms= shows the listed rooms in the listed order; an unknown id is named on the status line', async ({ page }) => {
    await openPaused(page, `at=${mostOn.at}&speed=0&rooms=stage-yell,saal-1,saal-99`, host.url);
    await expect(shownRows(page).locator('.rooms-name')).toHaveText(['Stage YELL', 'Saal 1']);
    await expect(roomName(page)).toHaveText('Stage YELL · Saal 1');
    await expect.poll(() => settingText(page)).toMatch(/^unknown room "saal-99" \(rooms: "saal-1", .*\); showing the others$/);
    expect(await clippedText(page)).toEqual([]);
  });

  test('an unknown group shows every room, never a blank screen, and says why', async ({ page }) => {
    await openPaused(page, `at=${mostOn.at}&speed=0&group=stages`, host.url);
    await expect
      .poll(() => settingText(page))
      .toMatch(/^unknown group "stages" \(groups: "saal", "stage", .*\); showing every room$/);
    await expect(roomName(page)).toHaveText('All rooms');
    await expect(shownRows(page).first()).toBeVisible();
    expect(await clippedText(page)).toEqual([]);
    await shot(page, 'congress-38c3-unknown-group');
  });

  test('concurrent items in one room: the specific set first, the container after it, on the table and the board', async ({
    page,
  }) => {
    await openPaused(page, `at=2024-12-28T13:00&speed=0&rooms=chill-floor,saal-1`, host.url);
    const chill = shownRows(page).filter({ has: page.locator('.rooms-name', { hasText: 'Chill Floor' }) });
    // The set's language badge (DE) sits inside its title.
    await expect(chill.locator('.rooms-now .rooms-title')).toContainText(['Gregoa', 'Eine kleine Nerdmusique / Gregoa']);
    await shot(page, 'congress-38c3-concurrent-all-rooms');
    await page.keyboard.press('1');
    await expect(roomName(page)).toHaveText('Chill Floor');
    const now = page.getByRole('region', { name: 'Now' });
    await expect(now.locator('.item-title')).toHaveText('Gregoa');
    await expect(now.locator('.also-now .also-now-title')).toContainText('Eine kleine Nerdmusique / Gregoa');
    await expect(now.locator('.also-now .language-badge')).toHaveText('DE');
    expect(await clippedText(page)).toEqual([]);
  });

  for (const [lang, pages, unknown] of [
    ['de', /^Seite [1-6] von [2-6]$/, /^unbekannte Gruppe "stages" \(Gruppen: "saal", "stage", .*\); alle Räume werden gezeigt$/],
    ['ar', /^الصفحة [1-6] من [2-6]$/, /^مجموعة غير معروفة "stages" \(المجموعات: "saal", "stage", .*\)؛ تُعرض كل القاعات$/],
  ] as const)
    test(`${lang}: the pages, and a screen setting naming nothing, are said in the screen’s words`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openPaused(page, `at=${mostOn.at}&speed=0&group=stages&lang=${lang}`, host.url);
      await expect(table(page).locator('.rooms-page')).toHaveText(pages);
      await expect.poll(() => settingText(page)).toMatch(unknown);
      expect(await clippedText(page)).toEqual([]);
      await shot(page, `congress-38c3-${lang}-unknown-group`);
    });

  test('one room at the busiest moment: now and next, nothing cut', async ({ page }) => {
    await openBoard(page, `at=${mostOn.at}&speed=0&room=saal-zigzag`, host.url);
    await expect(page.getByRole('region', { name: 'Now' })).toBeVisible();
    expect(await clippedText(page)).toEqual([]);
    await shot(page, 'congress-38c3-room');
  });

  for (const size of [
    { width: 1080, height: 1920 },
    { width: 1280, height: 720 },
    { width: 3840, height: 2160 },
  ])
    test(`all rooms at ${size.width}×${size.height} at the busiest moment: whole rows, nothing cut`, async ({ page }) => {
      await page.setViewportSize(size);
      await openPaused(page, `at=${mostOn.at}&speed=0`, host.url);
      const [number, count] = await pageOf(page);
      expect(await clippedText(page)).toEqual([]);
      await shot(page, `congress-38c3-all-rooms-${size.width}x${size.height}`);
      console.log(`38C3 at ${size.width}×${size.height}: ${count} pages (page ${number} shown)`);
    });
});
