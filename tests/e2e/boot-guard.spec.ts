/**
 * Never silent: a board that cannot start says so on the screen in plain words with the screen's name, reports it
 * to the hub's fleet page, and keeps trying until it starts; a part of the board that fails leaves the rest. The
 * failures are real ones, served by a real hub from a copy of the built board: a main script that does not parse,
 * one that is not there, the QR code's chunk gone (the hub updated under a running screen).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HUB_API } from '../../core/hub/api.ts';
import { startHub, type TestHub } from '../hub-screens.ts';
import { E2E_TOKEN, fitted, ROOT, seedProgram, shot } from './board.ts';
import { cutLines } from './lines.ts';

/** A copy of the built board, changed by `change(dir, entry)` (entry: the main script's file name), served by its own hub. */
async function brokenBoard(change: (dir: string, entry: string) => void): Promise<{ hub: TestHub; dir: string; entry: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-broken-board-'));
  cpSync(join(ROOT, 'out', 'renderer'), dir, { recursive: true });
  const entry = /src="\.\/assets\/(index-[^"]+\.js)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))![1]!;
  change(dir, entry);
  const program = seedProgram();
  (program.event as Record<string, unknown>).url = 'https://example.org/symposium/program';
  const hub = await startHub(program, { rendererDir: dir, token: E2E_TOKEN });
  return { hub, dir, entry };
}

/** Points index.html at `file` instead of the main script (a new name: assets are cached for good). */
function pointAt(dir: string, entry: string, file: string): void {
  const html = join(dir, 'index.html');
  writeFileSync(html, readFileSync(html, 'utf8').replace(entry, file));
}

async function fleetError(hub: TestHub, name: string): Promise<string | null | undefined> {
  const response = await fetch(hub.base + HUB_API.fleet, { headers: { authorization: `Bearer ${E2E_TOKEN}` } });
  const view = (await response.json()) as { screens: { heartbeat: { name: string; lastError: string | null } }[] };
  return view.screens.find((s) => s.heartbeat.name === name)?.heartbeat.lastError;
}

const opened: { hub: TestHub; dir: string }[] = [];
test.afterEach(async () => {
  for (const { hub, dir } of opened.splice(0)) {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a main script that does not parse: the screen says so by name, the fleet hears of it, and the board starts once fixed', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const broken = await brokenBoard((dir, entry) => {
    writeFileSync(join(dir, 'assets', 'index-broken.js'), 'export const board = (;\n');
    pointAt(dir, entry, 'index-broken.js');
  });
  opened.push(broken);
  await page.goto(`${broken.hub.base}/?at=2026-05-06T09:10&name=Hall%20B%20door`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Hall B door: the board could not start.');
  await expect(alert).toContainText('SyntaxError');
  await expect(alert).toContainText('Trying again in 10 s.');
  await shot(page, 'boot-failed');
  await expect.poll(() => fleetError(broken.hub, 'Hall B door')).toMatch(/^the board could not start: SyntaxError/);
  // The fixed board, as a new build would serve it: the next try starts it, with no one at the screen.
  pointAt(broken.dir, 'index-broken.js', broken.entry);
  await expect(page.locator('.app')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Peter Richtárik');
  await expect(alert).toHaveCount(0);
});

test('a board that cannot start says so in the screen’s language: German, and Arabic right to left', async ({ page }) => {
  const broken = await brokenBoard((dir, entry) => pointAt(dir, entry, 'index-missing.js'));
  opened.push(broken);
  await page.goto(`${broken.hub.base}/?name=Saal%20B&lang=de`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Saal B: Die Anzeige konnte nicht starten.');
  await expect(alert).toContainText('Neuer Versuch in 10 s.');
  await page.goto(`${broken.hub.base}/?name=Hall%20B&lang=ar`);
  await expect(alert).toContainText('تعذّر تشغيل اللوحة');
  expect(await alert.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await shot(page, 'boot-failed-ar');
});

test('a main script that is not there: the screen says which did not load and tries again, doubling the wait', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const broken = await brokenBoard((dir, entry) => pointAt(dir, entry, 'index-missing.js'));
  opened.push(broken);
  await page.goto(`${broken.hub.base}/?name=Foyer%20left`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Foyer left: the board could not start.');
  await expect(alert).toContainText(/index-missing\.js did not load/);
  await expect(alert).toContainText('Trying again in 10 s.');
  // The page reloads by itself and fails again: the wait doubles.
  await expect(alert).toContainText('Trying again in 20 s (try 2).', { timeout: 20_000 });
  expect(await fleetError(broken.hub, 'Foyer left')).toMatch(/index-missing\.js did not load/);
});

test('the QR code’s chunk gone: the agenda shows without the code, every line whole, nothing else lost', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const broken = await brokenBoard((dir) => {
    const assets = join(dir, 'assets');
    // The encoder is the one chunk the board loads later (qr-code.tsx): the only one with qrcode's own words in it.
    const chunk = readdirSync(assets).find((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('Kanji'));
    expect(chunk, 'the QR encoder chunk').toBeDefined();
    rmSync(join(assets, chunk!));
  });
  opened.push(broken);
  await page.goto(`${broken.hub.base}/?at=2026-05-08T11:35&speed=0&mode=agenda`);
  await fitted(page);
  await expect(page.getByRole('region', { name: 'Agenda' })).toContainText('Training LLMs');
  await expect(page.getByRole('region', { name: 'Program online' })).toContainText('example.org/symposium/program');
  await expect(page.locator('.qr')).toHaveCount(0);
  await expect(page.locator('.clock-time')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await shot(page, 'boot-qr-chunk-gone');
  expect(await cutLines(page)).toEqual([]);
  expect(errors).toEqual([]);
});
