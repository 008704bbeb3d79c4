/** Edits to the program file reach open boards without a reload; a broken edit keeps the last good board. */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openBoard, ownHost, seedProgram, shot } from './board.ts';

let host: Awaited<ReturnType<typeof ownHost>>;
test.beforeEach(async () => {
  host = await ownHost(seedProgram());
});
test.afterEach(async () => host.close());

test('a live edit reaches the open board within 2 s, without a reload', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:10', host.url);
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next).toContainText('Exploiting Similarity in Federated Learning');
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  const text = readFileSync(host.file, 'utf8');
  writeFileSync(host.file, text.replace('Exploiting Similarity in Federated Learning', 'Exploiting Similarity, Revised'));
  await expect(next).toContainText('Exploiting Similarity, Revised', { timeout: 2_000 });
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await shot(page, 'live-edit');
});

test('an invalid edit keeps the last good board and shows the validator’s message', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:10', host.url);
  const program = seedProgram();
  const item = program.items.find((i) => i.id === 'd1-0940-talk')!;
  item.end = '2026-05-06T09:30';
  writeFileSync(host.file, JSON.stringify(program, null, 2));

  const badge = page.getByRole('status', { name: 'Program error' });
  await expect(badge).toBeVisible({ timeout: 2_000 });
  await expect(badge).toContainText('program.json');
  await expect(badge).toContainText('items[');
  await expect(page.getByRole('region', { name: 'Next' })).toContainText('Exploiting Similarity in Federated Learning');
  await expect(page.getByRole('region', { name: 'Next' }).locator('time').first()).toHaveText('09:40');
  await shot(page, 'live-edit-invalid');

  writeFileSync(host.file, JSON.stringify(seedProgram(), null, 2));
  await expect(badge).toHaveCount(0, { timeout: 2_000 });
});
