/**
 * Changes people planned around, on every view: a small program written in the
 * program format (changes-program.ts, validated here) with a cancelled talk, a
 * talk moved to another room and time, one moved to tomorrow, an unrecorded
 * one, and a workshop nested in an all-day session. The board (now, next,
 * later), the agenda, the all-rooms table and the spotlight each show what changed.
 */
import { expect, test, type Locator } from '@playwright/test';
import { validateProgram } from '../../core/program/validate.ts';
import { clippedText, contrastViolations, openPaused, ownHost, shot } from './board.ts';
import { CHANGES_PROGRAM as PROGRAM } from './changes-program.ts';

let host: Awaited<ReturnType<typeof ownHost>>;
test.beforeAll(async () => {
  const checked = validateProgram(PROGRAM);
  expect(checked.ok, JSON.stringify(checked)).toBe(true);
  host = await ownHost(PROGRAM);
});
test.afterAll(async () => host.close());

/** The title struck through after its label, as a visitor reads it. */
async function expectStruck(where: Locator, label: string, title: string): Promise<void> {
  const changed = where.locator('.change-label', { hasText: label });
  await expect(changed).toHaveText(label);
  await expect(where.locator('s.change-struck', { hasText: title })).toBeVisible();
}

for (const theme of ['dark', 'light'])
  test(`the board of Hall 1 during the keynote (${theme}): next cancelled, later moved and not recorded`, async ({ page }) => {
    await openPaused(page, `at=2026-03-10T09:10&room=hall-1&theme=${theme}`, host.url);
    const next = page.getByRole('region', { name: 'Next' });
    await expectStruck(next, 'Cancelled', 'The talk that was cancelled');
    // Nobody should count down to a talk that is not happening.
    await expect(next.locator('.countdown')).toHaveCount(0);
    const later = page.getByRole('region', { name: 'Agenda' });
    await expectStruck(later, 'Moved to Hall 2, 15:00', 'The talk that moved');
    await expect(later.locator('.day-row', { hasText: 'Off the record' }).locator('.recording-mark')).toHaveText('Not recorded');
    await shot(page, `changes-board-${theme}`);
    expect(await clippedText(page)).toEqual([]);
    // The labels' own colours too: 7:1 against what is really behind them (axe needs the page's timers running).
    await page.clock.resume();
    expect(await contrastViolations(page)).toEqual([]);
  });

test('the board of Hall 1 while the cancelled talk would have run: it stays in place, struck, until its end', async ({
  page,
}) => {
  await openPaused(page, 'at=2026-03-10T10:20&room=hall-1', host.url);
  const list = page.getByRole('region', { name: 'Agenda' });
  const current = list.locator('.day-row.current');
  await expectStruck(current, 'Cancelled', 'The talk that was cancelled');
  await expectStruck(page.getByRole('region', { name: 'Next' }), 'Moved to Hall 2, 15:00', 'The talk that moved');
  await shot(page, 'changes-board-gap');
  expect(await clippedText(page)).toEqual([]);
  // After its original end it is gone.
  await openPaused(page, 'at=2026-03-10T10:50&room=hall-1', host.url);
  await expect(page.getByText('The talk that was cancelled')).toHaveCount(0);
});

test('the board of Hall 2: the moved talk at its new place, and the workshop before the session around it', async ({ page }) => {
  await openPaused(page, 'at=2026-03-10T14:10&room=hall-2', host.url);
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next.locator('.change-label')).toHaveText('Moved here from Hall 1, was 11:00');
  await expect(next.locator('.item-title')).toContainText('The talk that moved');
  await expect(next.locator('s')).toHaveCount(0);
  await openPaused(page, 'at=2026-03-10T10:20&room=hall-2', host.url);
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now.locator('.item-title')).toHaveText('Soldering a badge');
  // The container runs on below the session, on a row of its own with its times.
  await expect(now.locator('.also-now .also-now-title')).toHaveText('Learn to solder');
  await expect(now.locator('.also-now .also-now-time')).toHaveText('09:00–17:00');
  await shot(page, 'changes-board-concurrent');
  expect(await clippedText(page)).toEqual([]);
});

test('the agenda at the desk: every change in the day’s list', async ({ page }) => {
  await openPaused(page, 'at=2026-03-10T09:10&mode=agenda', host.url);
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expectStruck(agenda, 'Cancelled', 'The talk that was cancelled');
  await expectStruck(agenda, 'Moved to Hall 2, 15:00', 'The talk that moved');
  await expectStruck(agenda, 'Moved to Tomorrow 10:00', 'Wait for tomorrow');
  await expect(agenda.locator('.change-moved-here')).toHaveText('Moved here from Hall 1, was 11:00');
  await expect(agenda.locator('.recording-mark')).toHaveText(['Not recorded']);
  await shot(page, 'changes-agenda');
  expect(await clippedText(page)).toEqual([]);
  // A program with nothing to show beside the day (no venues, map, link or notice): the day takes the whole width,
  // not two thirds of it beside an empty third.
  const share = await agenda.evaluate((panel) => panel.getBoundingClientRect().width / innerWidth);
  expect(share).toBeGreaterThan(0.9);
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
])
  test(`all rooms at ${size.width}×${size.height}: what changed in each row, the container below the workshop`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openPaused(page, 'at=2026-03-10T10:20&pages=600', host.url);
    const row = (room: string) => page.locator(`.rooms-body:not(.rooms-measure) > [data-room="${room}"]`);
    await expectStruck(row('hall-1').locator('.rooms-now'), 'Cancelled', 'The talk that was cancelled');
    await expectStruck(row('hall-1').locator('.rooms-next'), 'Moved to Hall 2, 15:00', 'The talk that moved');
    await expect(row('hall-1').locator('.rooms-next .recording-mark')).toHaveText('Not recorded');
    await expect(row('hall-2').locator('.rooms-now .rooms-title')).toHaveText(['Soldering a badge', 'Learn to solder']);
    await expectStruck(row('hall-2').locator('.rooms-next'), 'Moved to Tomorrow 10:00', 'Wait for tomorrow');
    await expect(row('hall-2').locator('.rooms-next .change-moved-here')).toHaveText('Moved here from Hall 1, was 11:00');
    await shot(page, `changes-all-rooms-${size.width}x${size.height}`);
    expect(await clippedText(page)).toEqual([]);
  });

test('the spotlight: the moved talk’s speaker with where it moved from, the unrecorded talk marked', async ({ page }) => {
  await openPaused(page, 'at=2026-03-10T09:50&mode=spotlight&spotlight=5', host.url);
  const card = page.getByRole('region', { name: 'Spotlight' });
  const seen = new Map<string, string>();
  // Speakers still to come today in every room, one every 5 s: turn until each has shown.
  for (let turn = 0; turn < 8; turn++) {
    const name = (await card.locator('.spotlight-name').textContent())!;
    seen.set(name, (await card.locator('.spotlight-talk').textContent())!);
    if (name.includes('The talk that moved')) await shot(page, 'changes-spotlight');
    await page.clock.runFor(5_000);
  }
  expect(seen.get('Speaker of The talk that moved')).toContain('Moved here from Hall 1, was 11:00');
  expect(seen.get('Speaker of Off the record')).toContain('Not recorded');
  // A cancelled talk's speaker is not coming: not in the spotlight.
  expect([...seen.keys()]).not.toContain('Speaker of The talk that was cancelled');
  expect(await clippedText(page)).toEqual([]);
});
