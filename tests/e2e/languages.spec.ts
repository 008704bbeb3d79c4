/**
 * The board in every shipped language: a screenshot of the board, a break and
 * the registration desk per language (tests/artifacts/screenshots/lang-*),
 * the line and contrast checks in German and Arabic at 720p, 1080p and
 * portrait, talk-language badges, right to left, and the 12-hour clock.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { contrastViolations, fitted, fittedAt, openBoard, openPaused, ownHost, seedProgram, shot, STAFF } from './board.ts';
import { cutLines } from './lines.ts';

const LANGS = ['en', 'de', 'fr', 'es', 'sv', 'ar'] as const;
const SCREENS = [
  { name: 'board', query: 'at=2026-05-06T13:45' },
  { name: 'break', query: 'at=2026-05-06T10:25' },
  { name: 'agenda', query: 'at=2026-05-06T09:10&view=agenda' },
] as const;
const SIZES = [
  { name: '720p', width: 1280, height: 720 },
  { name: '1080p', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

let host: Awaited<ReturnType<typeof ownHost>>;
test.beforeAll(async () => {
  const program = seedProgram();
  (program.event as Record<string, unknown>).url = 'https://example.org/symposium/program';
  // Every talk in English but one in German: a badge on every screen but the German one.
  for (const item of program.items) if (item.kind === 'talk') item.language = 'en';
  const german = program.items.find((i) => i.kind === 'talk' && String(i.start) > '2026-05-06T13:45');
  german!.language = 'de';
  host = await ownHost(program);
});
test.afterAll(async () => host.close());

for (const lang of LANGS) {
  test(`${lang}: board, break and desk, in its words and direction, no raw key shown`, async ({ page }) => {
    for (const screen of SCREENS) {
      await openPaused(page, `${screen.query}&lang=${lang}`, host.url);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await shot(page, `lang-${lang}-${screen.name}`);
      const text = await page.locator('.app').innerText();
      // A raw key is "board.now" or "time.in": a lowercase word, a dot, a word, never in a program's text here.
      expect(text, screen.name).not.toMatch(
        /\b(board|day|time|change|where|rooms|spotlight|agenda|status|kind|item)\.[a-zA-Z-]+\b/,
      );
    }
  });
}

test('the screen language comes from the program unless the URL names one', async ({ page }) => {
  await openPaused(page, 'at=2026-05-06T13:45&lang=de', host.url);
  await expect(page.locator('.now-panel')).toContainText('Jetzt');
  await expect(page.locator('.clock-date')).toContainText('Mittwoch, 6. Mai 2026');
  await openPaused(page, 'at=2026-05-06T13:45&lang=sv', host.url);
  await expect(page.locator('.now-panel')).toContainText('Nu');
});

test('a talk in another language than the screen carries a badge; in its own language it does not', async ({ page }) => {
  await openPaused(page, 'at=2026-05-06T13:45&view=agenda', host.url);
  const badges = page.locator('.language-badge:visible');
  await expect(badges).toHaveCount(1);
  await expect(badges.first()).toHaveText('DE');
  await expect(badges.first()).toHaveAttribute('title', 'In German');
  await openPaused(page, 'at=2026-05-06T13:45&view=agenda&lang=de', host.url);
  await expect(page.locator('.language-badge:visible').first()).toHaveText('EN');
  await expect(page.locator('.language-badge:visible').first()).toHaveAttribute('title', 'Auf Englisch');
});

test('a 12-hour screen reads 12:30 PM and 12:30 AM, the clock and the times of talks alike', async ({ page }) => {
  await openPaused(page, 'at=2026-05-06T12:30&clock=12', host.url);
  await expect(page.locator('.clock-time')).toHaveText('12:30 PM');
  await expect(page.locator('.app')).toContainText(/\d{1,2}:\d{2} PM/);
  await openPaused(page, 'at=2026-05-07T00:30&clock=12', host.url);
  await expect(page.locator('.clock-time')).toHaveText('12:30 AM');
  await openPaused(page, 'at=2026-05-06T12:30', host.url);
  await expect(page.locator('.clock-time')).toHaveText('12:30');
});

for (const lang of ['de', 'ar'] as const) {
  test(`${lang}: no line cut and every text at 7:1, at 720p, 1080p and portrait`, async ({ page }) => {
    test.setTimeout(180_000);
    const found: string[] = [];
    for (const screen of SCREENS) {
      // A frozen clock, as the contrast suite opens its screens: axe reads a page that is not changing under it.
      await page.goto(`${host.url}/?${screen.query}&lang=${lang}&speed=0&spotlight=600`);
      await fitted(page);
      for (const size of SIZES) {
        await fittedAt(page, size);
        await shot(page, `lang-${lang}-${screen.name}-${size.name}`);
        for (const p of await cutLines(page)) found.push(`${screen.name} ${size.name}: ${p.problem}: "${p.text}"`);
        for (const v of await contrastViolations(page)) found.push(`${screen.name} ${size.name}: ${v}`);
      }
    }
    expect(found).toEqual([]);
  });
}

test('on an Arabic screen, an English notice from the program keeps its own direction (its full stop at its end)', async ({
  page,
}) => {
  await openPaused(page, 'at=2026-05-06T13:45&lang=ar', host.url);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const notice = page.locator('.notice-line');
  await expect(notice).toContainText('subject to change.');
  expect(await notice.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
});

test('a staff key refused on a German or Arabic board says why in the screen’s language, whole on a 720p screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const notice = page.getByRole('status', { name: 'Notice' });
  for (const [lang, start, direction] of [
    ['de', /^Staff-Schlüssel nötig: diese Anzeige einmal mit dem Staff-Link/, 'ltr'],
    ['ar', /^يلزم مفتاح الموظفين/, 'rtl'],
  ] as const) {
    // No staff token in this tab: the delay is refused by the screen itself, before the hub.
    await openPaused(page, `at=2026-05-06T13:45&room=main&lang=${lang}`, host.url);
    await page.keyboard.press('+');
    await expect(notice).toHaveText(start);
    await notice.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    expect(await notice.evaluate((el) => getComputedStyle(el).direction)).toBe(direction);
    expect(await cutLines(page)).toEqual([]);
    await shot(page, `lang-${lang}-notice-720p`);
  }
});

test('a catalogue file beside the program overrides a shipped word on a board already showing', async ({ page }) => {
  const own = await ownHost(seedProgram());
  try {
    await openBoard(page, 'at=2026-05-06T13:45&lang=de', own.url);
    await expect(page.locator('.now-panel')).toContainText('Jetzt');
    const folder = join(dirname(own.file), 'languages');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'de.json'), JSON.stringify({ 'board.now': 'Jetzt läuft' }));
    // The hub looks at the folder every 2 s and sends the words with the program.
    await expect(page.locator('.now-panel')).toContainText('Jetzt läuft', { timeout: 10_000 });
    await expect(page.locator('.next-panel')).toContainText('Als Nächstes');
  } finally {
    await own.close();
  }
});

test('?lang=de,en: two screens show the same language at the same moment and switch together on the 10 s', async ({
  browser,
}) => {
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    // Live time, 13:45 in Stockholm; the screens start a moment apart, as on a venue's network.
    await page.clock.install({ time: new Date('2026-05-06T11:44:01Z') });
    await openBoard(page, 'lang=de,en', host.url);
    pages.push(page);
  }
  const label = (page: Page) => page.locator('.now-panel .section-label').textContent();
  const title = (page: Page) => page.locator('.now-panel .item-title').first().innerText();
  // 11:45:00–11:45:10 is an even turn since the epoch: the first language, a tenth of a second before the switch.
  for (const page of pages) await page.clock.pauseAt(new Date('2026-05-06T11:45:09.900Z'));
  for (const page of pages) await expect.poll(() => label(page)).toBe('Jetzt');
  const asWritten = await title(pages[0]!);
  for (const page of pages) await page.clock.runFor(200);
  for (const page of pages) await expect.poll(() => label(page)).toBe('Now');
  await fitted(pages[0]!);
  await shot(pages[0]!, 'lang-de-en-turn');
  // The program's own text is never translated: only the labels take turns.
  expect(await title(pages[0]!)).toBe(asWritten);
  for (const page of pages) await page.clock.runFor(10_000);
  for (const page of pages) await expect.poll(() => label(page)).toBe('Jetzt');
  for (const page of pages) await page.context().close();
});

test('a refused program file and an announcement are framed in the screen’s words; the file’s own words read left to right', async ({
  page,
}) => {
  const own = await ownHost({
    ...seedProgram(),
    announcements: [{ id: 'bus', text: 'The bus to the dinner leaves from Lund Cathedral at 18:00 sharp.' }],
  });
  const good = readFileSync(own.file, 'utf8');
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const [lang, label, refused] of [
      ['de', 'Mitteilung', 'neues Programm abgelehnt, das letzte gültige bleibt:'],
      ['ar', 'إعلان', 'رُفض البرنامج الجديد، ويبقى آخر برنامج سليم:'],
    ] as const) {
      await openBoard(page, `at=2026-05-07T16:30&lang=${lang}${STAFF}`, own.url);
      await page.keyboard.press('n');
      const bar = page.getByRole('region', { name: 'Announcements' });
      await expect(bar.locator('.announcement-label')).toHaveText(label);
      await page.keyboard.press('n');
      await expect(bar).toHaveCount(0);

      const nextTitle = page.getByRole('region', { name: 'Next' }).locator('.item-title');
      const next = await nextTitle.textContent();
      writeFileSync(own.file, good.replace('"timezone"', '"timezone_"'));
      const badge = page.getByRole('status', { name: 'Program error' });
      await expect(badge).toContainText(refused, { timeout: 10_000 });
      const detail = badge.locator('.error-detail');
      await expect(detail).toContainText('program.json: ');
      expect(await detail.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      // The last good program stays.
      await expect(nextTitle).toHaveText(next!);
      expect(await cutLines(page)).toEqual([]);
      await shot(page, `lang-${lang}-program-refused-720p`);
      writeFileSync(own.file, good);
      await expect(badge).toHaveCount(0, { timeout: 10_000 });
    }
  } finally {
    await own.close();
  }
});
