/** Staff steer a browser board with the same keys as the kiosk. */
import { expect, test, type Page } from '@playwright/test';
import { HOTKEYS } from '../../core/screen/keymap.ts';
import { clippedText, openBoard, ownHost, seedProgram, shot, STAFF, withOwnHub } from './board.ts';

test('room keys: a room shows its name; 0 goes back to all rooms', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:10');
  await expect(page.locator('.room-name')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.room-name')).toHaveText('Main room');
  await page.keyboard.press('0');
  await expect(page.locator('.room-name')).toHaveCount(0);
  await page.keyboard.press('1');
  await expect(page.locator('.room-name')).toHaveText('Main room');
});

test('view keys: agenda, spotlight, board', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:10');
  await page.keyboard.press('a');
  await expect(page.getByLabel('Venues')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Agenda' }).locator('.day-row')).toHaveCount(13);
  await page.keyboard.press('s');
  await expect(page.getByRole('region', { name: 'Spotlight' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Now' })).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Peter Richtárik');
});

test('running late: +5 twice shows the railway display on the board and the agenda; Backspace clears it', async ({ page }) => {
  // The live state is the venue's: a test that changes it has a hub of its own.
  await withOwnHub((base) => runningLate(page, base));
});

async function runningLate(page: Page, base: string): Promise<void> {
  await openBoard(page, `at=2026-05-06T09:10${STAFF}`, base);
  await page.keyboard.press('1');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next.locator('s time')).toHaveText('09:40');
  await expect(next.locator('.delayed > time')).toHaveText('09:50');
  await expect(next.locator('.delayed > time')).toHaveAttribute('datetime', '2026-05-06T09:50:00+02:00');
  // The talk already running keeps its start and runs longer.
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now.locator('.delayed > time')).toHaveText('09:50');
  await expect(now).toContainText('40 min left');
  await shot(page, 'hotkey-delay-board');
  await page.keyboard.press('a');
  await expect(page.getByRole('region', { name: 'Agenda' }).locator('s time').first()).toHaveText('09:40');
  await shot(page, 'hotkey-delay-agenda');
  await page.keyboard.press('b');
  await page.keyboard.press('Backspace');
  await expect(next.locator('s')).toHaveCount(0);
  await expect(next.locator('time').first()).toHaveText('09:40');
}

test('help: a dialog named "Keyboard shortcuts" listing the keys; Esc closes it', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:10');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  // One row per row of the keymap table, every one of them on screen.
  await expect(dialog.getByRole('row')).toHaveCount(HOTKEYS.length);
  await expect(dialog).toContainText('Running late');
  await shot(page, 'hotkey-help');
  expect(await clippedText(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

for (const [lang, title, delay] of [
  ['de', 'Tastenkürzel', 'Verspätung: +5 / −5 Minuten'],
  ['ar', 'اختصارات لوحة المفاتيح', 'تأخير:'],
] as const) {
  test(`help in ${lang}: every key's action in the screen's language, wholly visible at 720p and in portrait`, async ({
    page,
  }) => {
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1080, height: 1920 },
    ]) {
      await page.setViewportSize(size);
      await openBoard(page, `at=2026-05-06T09:10&lang=${lang}`);
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog.getByRole('row')).toHaveCount(HOTKEYS.length);
      await expect(dialog).toContainText(delay);
      // No action left in English.
      await expect(dialog).not.toContainText('Running late');
      await expect(dialog).not.toContainText('Rehearsal');
      await shot(page, `hotkey-help-${lang}-${size.width}x${size.height}`);
      expect(await clippedText(page)).toEqual([]);
    }
  });
}

test('identify: screen name, room, version, program source and age', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:10');
  await page.keyboard.press('i');
  // No `?name=`: the tab's default, told apart from other tabs by its id.
  const dialog = page.getByRole('dialog', { name: /^Browser board [0-9a-f]{4}$/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('All rooms');
  await expect(dialog).toContainText('0.1.0 (web)');
  await expect(dialog).toContainText('program.json');
  // The shared host loaded its program when the suite started, minutes ago on a slow machine.
  await expect(dialog).toContainText(/just now|\d+ min ago|\d+ h \d+ min ago/);
  await shot(page, 'hotkey-identify');
  await page.keyboard.press('i');
  await expect(dialog).toHaveCount(0);
});

// The hub's first board is on screen before the board's script (and the host's key listener) is there: a staff
// member's keys pressed then are kept by the boot guard and acted on, in order, once the host listens.
test('keys pressed while the board starts are acted on once it is ready: agenda, then help', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/?at=2026-05-06T09:10', { waitUntil: 'commit' });
  // The hub's board, the script held back: nothing on the page listens to keys yet.
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Peter Richtárik');
  await expect(page.locator('.app[data-fb]')).toHaveCount(1);
  await page.keyboard.press('s');
  await page.keyboard.press('a');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toHaveCount(0);
  release();
  await expect(page.locator('.app[data-fb]')).toHaveCount(0);
  // In the order pressed: the agenda (after the spotlight), with the help over it.
  await expect(help).toBeVisible();
  await expect(page.getByRole('region', { name: 'Agenda' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Spotlight' })).toHaveCount(0);
  await shot(page, 'hotkey-early-keys');
  // And live keys after them, as ever.
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Peter Richtárik');
});

test('Ctrl+Q asks, any other key cancels', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:10');
  await page.keyboard.press('Control+q');
  await expect(page.getByRole('dialog', { name: 'Quit Foyer?' })).toBeVisible();
  await page.keyboard.press('x');
  await expect(page.getByRole('dialog', { name: 'Quit Foyer?' })).toHaveCount(0);
});

test.describe('announcements and emergency', () => {
  let host: Awaited<ReturnType<typeof ownHost>>;
  test.afterEach(async () => host?.close());

  test('N shows the announcements; E the emergency message', async ({ page }) => {
    host = await ownHost({
      ...seedProgram(),
      announcements: [{ id: 'bus', text: 'The bus to the dinner leaves from Lund Cathedral at 18:00 sharp.' }],
    });
    await openBoard(page, `at=2026-05-07T16:30${STAFF}`, host.url);
    await expect(page.getByRole('region', { name: 'Announcements' })).toHaveCount(0);
    await page.keyboard.press('n');
    await expect(page.getByRole('region', { name: 'Announcements' })).toContainText('leaves from Lund Cathedral at 18:00 sharp');
    await shot(page, 'hotkey-announcements');
    await page.keyboard.press('e');
    await expect(page.getByRole('alert')).toHaveText('Please follow the instructions of venue staff.');
    await expect(page.getByRole('region', { name: 'Now' })).toHaveCount(0);
    await shot(page, 'hotkey-emergency');
    await page.keyboard.press('e');
    await expect(page.getByRole('region', { name: 'Now' })).toBeVisible();
  });

  test('the emergency message is a high-priority announcement’s text when there is one', async ({ page }) => {
    host = await ownHost({
      ...seedProgram(),
      announcements: [{ id: 'fire', text: 'Fire alarm: leave by the nearest exit and gather on Krafts Torg.', priority: 'high' }],
    });
    await openBoard(page, `at=2026-05-06T09:10${STAFF}`, host.url);
    await page.keyboard.press('e');
    await expect(page.getByRole('alert')).toHaveText('Fire alarm: leave by the nearest exit and gather on Krafts Torg.');
  });
});
