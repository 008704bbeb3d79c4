/** The board keeps to its own host, obeys its CSP, and shows program text as text. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../core/csp.ts';
import { openBoard, ownHost, ROOT, seedProgram } from './board.ts';

test('no request leaves the host and the CSP reports no violation', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
  });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  for (const query of [
    'at=2026-05-06T09:50',
    'at=2026-05-06T10:25',
    'at=2026-05-06T10:00&mode=agenda',
    'at=2026-05-06T10:00&mode=spotlight',
  ]) {
    await openBoard(page, query);
  }
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
});

test('program text with markup is shown as text, never run', async ({ page }) => {
  const program = seedProgram();
  const item = program.items.find((i) => i.id === 'd1-0900-talk')!;
  item.title = '<img src=x onerror="window.pwned=1">Bold <b>claims</b>';
  const host = await ownHost(program);
  try {
    await openBoard(page, 'at=2026-05-06T09:10', host.url);
    await expect(page.getByRole('region', { name: 'Now' })).toContainText(
      '<img src=x onerror="window.pwned=1">Bold <b>claims</b>',
    );
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.locator('.app b, .app img[src="x"]')).toHaveCount(0);
  } finally {
    await host.close();
  }
});

test('one CSP: the page, the hub and the kiosk carry the same string', async ({ page, baseURL }) => {
  const response = await page.goto(`${baseURL}?at=2026-05-06T09:10`);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(CONTENT_SECURITY_POLICY);
  // The header adds what only a header can say: no page elsewhere may frame the board.
  expect(response!.headers()['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
  // And the page still works under it (the kiosk's app:// handler sends the same header: tests/unit/electron/glue.test.ts).
  await expect(page.getByRole('region', { name: 'Now' })).toBeVisible();
});

test('the fleet page is served with the one CSP and no inline script', async ({ request, baseURL }) => {
  // Its data needs the staff token; the page itself is public and must run under the same policy as the board.
  const page = await request.get(`${baseURL}fleet`);
  expect(page.status()).toBe(200);
  expect(page.headers()['content-security-policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  const html = await page.text();
  expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/fleet-[\w-]+\.js"><\/script>/);
  expect(html.match(/<script\b[^>]*>[^<]+<\/script>/g)).toBeNull();
});

test('the built board carries no zod: the hosts validate the program, the board only reads it', () => {
  // The build the hub serves (it rebuilt it if any source was newer); zod's own class names survive minifying.
  const assets = join(ROOT, 'out', 'renderer', 'assets');
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts) expect(readFileSync(join(assets, file), 'utf8'), file).not.toMatch(/\$ZodType|ZodError/);
});

test("the built board is React's production build, whoever started the build (vitest sets NODE_ENV=test)", () => {
  // A development build is twice the size, slower to the first board, and calls performance.measure in a way
  // Chromium 77 refuses: every screen went dark there when a unit test happened to start the build.
  const assets = join(ROOT, 'out', 'renderer', 'assets');
  for (const file of readdirSync(assets).filter((name) => name.endsWith('.js')))
    expect(readFileSync(join(assets, file), 'utf8'), file).not.toMatch(/react-devtools|development build of React/i);
});
