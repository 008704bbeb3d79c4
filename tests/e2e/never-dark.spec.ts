/**
 * Issue #10's "done when": `npm run hub`, a real child process, with a real
 * board open in Chromium, while its source is overwritten with each bad input
 * in turn. The process never exits, the board keeps the last good program and
 * shows the error badge naming the file, and both recover when a good program
 * returns. The same for a polled URL whose server answers badly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { markdownBomb, REFUSED } from '../hostile.ts';
import { openBoard, ROOT, seedProgram, shot } from './board.ts';

const STACK = /^\s+at |node:internal|Unhandled|\.ts:\d+:\d+/m;

interface WebProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** `npm run hub` as a technician starts it (tsx core/cli/hub.ts), on a free port. */
async function startWeb(program: string, extra: string[] = []): Promise<WebProcess> {
  const child = spawn(
    process.execPath,
    // Its live state and staff token in a temp folder: nothing written into the home folder.
    [
      '--import',
      'tsx',
      'core/cli/hub.ts',
      '--program',
      program,
      '--port',
      '0',
      '--no-cache',
      '--state-dir',
      mkdtempSync(join(tmpdir(), 'foyer-never-dark-state-')),
      ...extra,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run hub did not start:\n${output}`)), 60_000);
    const look = (): void => {
      const found = /Foyer board: (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolvePromise(found[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => reject(new Error(`npm run hub exited (${code}):\n${output}`)));
  });
  return { child, url: url.replace(/\/$/, ''), output: () => output };
}

async function stopWeb(web: WebProcess): Promise<number | null> {
  if (web.child.exitCode !== null) return web.child.exitCode;
  const exited = new Promise<number | null>((r) => web.child.once('exit', (code) => r(code)));
  web.child.kill('SIGTERM');
  return exited;
}

const badge = (page: Page) => page.getByRole('status', { name: 'Program error' });
const TALK = 'Exploiting Similarity in Federated Learning';

test('npm run hub and its board survive every bad file written over the program, then recover', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'foyer-never-dark-'));
  const file = join(dir, 'program.json');
  const good = JSON.stringify(seedProgram(), null, 2);
  writeFileSync(file, good);
  const web = await startWeb(file);
  try {
    await openBoard(page, 'at=2026-05-06T09:10', web.url);
    const next = page.getByRole('region', { name: 'Next' });
    await expect(next).toContainText(TALK);

    for (const input of REFUSED) {
      writeFileSync(file, input.text);
      await expect(badge(page), input.what).toContainText('program.json: ', { timeout: 10_000 });
      // The rejection the board shows is the loader's own sentence for this input.
      await expect
        .poll(async () => input.refusal.test(((await badge(page).textContent()) ?? '').split('program.json: ')[1] ?? ''), {
          message: input.what,
          timeout: 10_000,
        })
        .toBe(true);
      await expect(next, input.what).toContainText(TALK);
      if (input.file === 'dtstart-no-seconds.ics') await shot(page, 'never-dark-badge');
      expect(web.child.exitCode, input.what).toBeNull();

      writeFileSync(file, good);
      await expect(badge(page), input.what).toHaveCount(0, { timeout: 10_000 });
    }

    // Hostile but valid: an import whose abstract once took a minute to clean is on screen in moments.
    writeFileSync(file, markdownBomb());
    await expect(page.locator('.event-name')).toHaveText('Bold', { timeout: 10_000 });
    writeFileSync(file, good);
    await expect(next).toContainText(TALK, { timeout: 10_000 });

    expect(web.output()).not.toMatch(STACK);
    expect(await stopWeb(web)).toBe(0);
  } finally {
    await stopWeb(web);
  }
});

test('npm run hub polling a URL survives a server answering badly, and never shows its token', async ({ page }) => {
  test.setTimeout(180_000);
  const good = JSON.stringify(seedProgram());
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
  let answer: (res: import('node:http').ServerResponse) => void = (res) => res.end(good);
  const server: Server = createServer((_req, res) => answer(res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const web = await startWeb(`${origin}/program.json?api_token=s3cret`, ['--poll', '0.3']);
  try {
    await openBoard(page, 'at=2026-05-06T09:10', web.url);
    const next = page.getByRole('region', { name: 'Next' });
    await expect(next).toContainText(TALK);

    const bad: [string, (res: import('node:http').ServerResponse) => void, string][] = [
      ['a 500', (res) => (res.writeHead(500), res.end()), 'the server answered 500'],
      [
        'a gzip bomb',
        (res) => (res.writeHead(200, { 'content-encoding': 'gzip' }), res.end(bomb)),
        'larger than the 20 MB limit',
      ],
      [
        'a redirect elsewhere',
        (res) => (res.writeHead(302, { location: 'http://localhost:9/x?t=1' }), res.end()),
        'another server',
      ],
      ['a broken iCalendar', (res) => res.end(REFUSED[0]!.text), 'field DTSTART'],
      ['an XXE', (res) => res.end(REFUSED.find((i) => i.file === 'external-entity.xml')!.text), 'external entity'],
    ];
    for (const [what, handler, shown] of bad) {
      answer = handler;
      await expect(badge(page), what).toContainText(shown, { timeout: 10_000 });
      await expect(badge(page), what).toContainText(`${origin}/program.json?…`);
      await expect(next, what).toContainText(TALK);
      answer = (res) => res.end(good);
      await expect(badge(page), what).toHaveCount(0, { timeout: 10_000 });
    }
    await page.keyboard.press('i');
    await expect(page.locator('.identify-source')).toHaveText(`${origin}/program.json?…`);
    expect(await page.content()).not.toContain('s3cret');
    expect(web.output()).not.toContain('s3cret');
    expect(web.output()).not.toMatch(STACK);
    expect(web.child.exitCode).toBeNull();
  } finally {
    await stopWeb(web);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('an SVG logo shows on the board, and opened directly it runs no script', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-svg-'));
  const program = seedProgram();
  (program.event as Record<string, unknown>).logo = 'logo.svg';
  writeFileSync(join(dir, 'program.json'), JSON.stringify(program));
  writeFileSync(
    join(dir, 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#0b5cad"/>' +
      '<script>fetch("/api/program").then(() => { document.title = "pwned" })</script></svg>',
  );
  const web = await startWeb(join(dir, 'program.json'));
  try {
    await openBoard(page, 'at=2026-05-06T09:10', web.url);
    const logo = page.locator('img.logo');
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);

    // Opened as a page it would run on the board's origin; it is a download instead.
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await page.goto(`${web.url}/program-files/logo.svg`).catch(() => null);
    expect((await download).suggestedFilename()).toBe('logo.svg');
    expect(await page.title()).not.toBe('pwned');
  } finally {
    await stopWeb(web);
  }
});

test('started on a broken file with no cache, npm run hub waits and the board shows the program once it is fixed', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-broken-start-'));
  const file = join(dir, 'program.json');
  writeFileSync(file, REFUSED.find((i) => i.file === 'deep.xml')!.text);
  const web = await startWeb(file);
  try {
    expect(web.output()).toContain('program.json: elements are nested more than 100 deep');
    await expect.poll(() => web.output()).toContain('No program to show yet');
    await page.goto(`${web.url}/?at=2026-05-06T09:10`);
    await expect(page.getByRole('status')).toContainText('Loading the program');
    writeFileSync(file, JSON.stringify(seedProgram()));
    await expect(page.getByRole('region', { name: 'Next' })).toContainText(TALK, { timeout: 10_000 });
    expect(web.child.exitCode).toBeNull();
  } finally {
    await stopWeb(web);
  }
});

test('listening beyond this machine, npm run hub says who can see the board', async () => {
  const web = await startWeb(join(ROOT, 'data', 'program.json'), ['--host', '0.0.0.0']);
  try {
    await expect
      .poll(() => web.output())
      .toContain(
        'foyer hub: listening on 0.0.0.0: every machine that can reach this one can open the board and read the program (no password; changes need the staff token).',
      );
  } finally {
    await stopWeb(web);
  }
  const local = await startWeb(join(ROOT, 'data', 'program.json'));
  try {
    expect(local.output()).not.toContain('every machine');
  } finally {
    await stopWeb(local);
  }
});
