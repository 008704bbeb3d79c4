/**
 * Real conference exports on the board: each file in tests/fixtures/corpus is served by
 * the hub as it is (imported on load) and shown at its busiest moment, in
 * the all-rooms view and in the busiest room, in six screen sizes, with no line cut
 * (their titles run to 170 characters).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { compileTimeline } from '../../core/engine/timeline.ts';
import { startHubServer } from '../../core/hub/server/server.ts';
import { loadProgramText } from '../../core/import/load.ts';
import { CORPUS } from '../fixture-paths.ts';
import { fittedAt, openBoard, openPaused, ROOT, shot } from './board.ts';
import { brokenWords, cutLines, roomLeft, ROOMS_TEXTS } from './lines.ts';
import { SIZES } from './screens.ts';

const FILES: { file: string; timezone?: string }[] = [
  { file: 'fosdem-2025.xml' },
  { file: '38c3-hub.xml' },
  { file: 'rc3-channels-2020-pretalx.json', timezone: 'Europe/Berlin' },
  { file: 'camp2019-frab.json' },
  { file: 'lca2020.ics' },
  { file: '38c3-hub-v2-example.json' },
];

/** The instant with the most items on at once, and the room with the most of them. */
function busiest(file: string, timezone?: string): { at: string; room: string; onNow: number; zone: string } {
  const loaded = loadProgramText(readFileSync(join(CORPUS, file), 'utf8'), file, timezone ? { timezone } : {});
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const timeline = compileTimeline(loaded.program);
  let best = { at: 0, count: -1 };
  for (const slot of timeline.slots) {
    const count = timeline.slots.filter((s) => s.start <= slot.start && slot.start < s.end).length;
    if (count > best.count) best = { at: slot.start, count };
  }
  const at = best.at + 10 * 60_000;
  const room = timeline.slots.find((s) => s.start <= at && at < s.end && s.item.room !== undefined)?.item.room ?? '';
  const zone = timeline.zone;
  return { at: DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"), room, onNow: best.count, zone };
}

/** Every size on the same page, one after another: the cut lines found, named by size. */
async function cutInEverySize(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const size of SIZES) {
    await fittedAt(page, size);
    await shot(page, `${name}-${size.name}`);
    // No line cut, and nothing held back while its column has room for it (issue #19).
    const { problems: heldBack } = await roomLeft(page);
    for (const p of [...(await cutLines(page)), ...heldBack]) found.push(`${size.name}: ${p.problem}: "${p.text}"`);
  }
  return found;
}

/** Every page of the all-rooms table in turn, from the one showing (the page's clock paused: openPaused). */
async function* everyPage(page: Page): AsyncGenerator<number> {
  const indicator = page.locator('.rooms-page');
  const pageNumber = async (): Promise<[number, number]> => {
    if ((await indicator.count()) === 0) return [1, 1];
    const [, n, of] = (await indicator.textContent())!.match(/Page (\d+) of (\d+)/)!;
    return [Number(n), Number(of)];
  };
  const [, count] = await pageNumber();
  for (let turn = 0; turn < count; turn++) {
    const [number] = await pageNumber();
    yield number;
    if (count === 1) return;
    await page.clock.runFor(10_000);
    await expect.poll(async () => (await pageNumber())[0]).not.toBe(number);
  }
}

for (const { file, timezone } of FILES) {
  test.describe(file, () => {
    let host: Awaited<ReturnType<typeof startHubServer>>;
    test.beforeAll(async () => {
      host = await startHubServer({
        port: 0,
        programLocation: join(CORPUS, file),
        rendererDir: join(ROOT, 'out', 'renderer'),
        ...(timezone ? { timezone } : {}),
      });
    });
    test.afterAll(async () => host.close());

    test('all rooms at the busiest moment: every room on the page, no line cut in any size', async ({ page }) => {
      test.setTimeout(120_000);
      const moment = busiest(file, timezone);
      await openBoard(page, `at=${moment.at}&spotlight=600&speed=0`, host.url.replace(/\/$/, ''));
      const table = page.getByRole('region', { name: 'On now in every room' });
      await expect(table).toBeVisible();
      // The clock shows the event's wall time, whatever the browser's zone.
      await expect(page.locator('.clock-time')).toHaveText(moment.at.slice(11, 16));
      await expect(table.locator('.rooms-body:not(.rooms-measure) > .rooms-row').first()).toBeVisible();
      expect(await cutInEverySize(page, `corpus-${file.replace(/\W+/g, '-')}-all-rooms`)).toEqual([]);
    });

    test('one room at the busiest moment: now and next, no line cut in any size', async ({ page }) => {
      test.setTimeout(120_000);
      const moment = busiest(file, timezone);
      await openBoard(page, `at=${moment.at}&room=${encodeURIComponent(moment.room)}&speed=0`, host.url.replace(/\/$/, ''));
      await expect(page.getByRole('region', { name: 'Now' })).toBeVisible();
      expect(await cutInEverySize(page, `corpus-${file.replace(/\W+/g, '-')}-room`)).toEqual([]);
    });

    if (file === '38c3-hub.xml')
      test('all rooms at the busiest moment: no word broken inside, no badge split, on every page', async ({ page }) => {
        // "Erfahrungsaustauschru" / "nde: …" and a "DE" badge as "D" / "E" in portrait (issue #19).
        test.setTimeout(180_000);
        const moment = busiest(file, timezone);
        await openPaused(page, `at=${moment.at}&speed=0`, host.url.replace(/\/$/, ''));
        const found: string[] = [];
        for (const size of SIZES.filter((s) => ['1080p', '720p', 'portrait'].includes(s.name))) {
          await fittedAt(page, size);
          for await (const number of everyPage(page)) {
            for (const p of await brokenWords(page, ROOMS_TEXTS))
              found.push(`${size.name}, page ${number}: ${p.problem}: "${p.text}"`);
            await shot(page, `corpus-38c3-all-rooms-words-${size.name}-page-${number}`);
          }
        }
        expect(found).toEqual([]);
      });
  });
}
