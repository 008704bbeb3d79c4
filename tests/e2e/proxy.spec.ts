/**
 * The hub behind a real reverse proxy (#18): Debian's nginx, a process of its
 * own from a temp folder on high ports (the system's nginx and its
 * configuration untouched) with a self-signed certificate made here, serving the
 * nginx server block of docs/hub.md (read from the page, its placeholders
 * replaced: the page and this test cannot drift apart) over https in front of
 * a real hub process. A board over https loads and gets a change made on the
 * control page through the proxy, over the event stream nginx passes on as it comes;
 * with --trust-proxy the audit log names the browser's address, which nginx
 * forwards, and a forged X-Forwarded-For never gets through; without it every
 * change is the proxy's.
 *
 * Everything is on this machine, and a browser reaching nginx on 127.0.0.x
 * connects from 127.0.0.1 whatever x is; so nginx connects to the hubs from
 * 127.0.0.2 (`proxy_bind`, the one line added to the page's block), and the
 * address nginx forwards (the browser's, 127.0.0.1) differs from the proxy's own.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Browser, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { HUB_API, type AuditEntry } from '../../core/hub/api.ts';
import { spawnHub, until, type HubProcess } from '../hub-screens.ts';
import { E2E_TOKEN, ROOT, shot } from './board.ts';

const BASE_PORT = Number(process.env.FOYER_E2E_PORT ?? 4317);
/** The hub that trusts the proxy, and one that does not; each behind its own https port of one nginx. */
const TRUSTING = { hub: BASE_PORT + 5, https: BASE_PORT + 7 };
const PLAIN = { hub: BASE_PORT + 6, https: BASE_PORT + 8 };
const PROXY_ADDRESS = '127.0.0.2';
const BROWSER_ADDRESS = '127.0.0.1';
const FORGED = '203.0.113.7';
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? 'nginx';
/** The docs' name for the proxy, which this test's Chromium resolves to 127.0.0.1. */
const NAME = 'foyer.example.org';

/** Chromium as the config launches it, with the docs' name resolving here, so its URLs are the docs' own. */
const test = base.extend({
  launchOptions: [
    async ({ launchOptions }, use) =>
      use({ ...launchOptions, args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${NAME} 127.0.0.1`] }),
    { scope: 'worker' },
  ],
});

/** The one nginx block of docs/hub.md. */
function docsServerBlock(): string {
  const blocks = [...readFileSync(join(ROOT, 'docs', 'hub.md'), 'utf8').matchAll(/^```nginx\n([\s\S]*?)^```/gm)];
  if (blocks.length !== 1) throw new Error(`docs/hub.md: expected one nginx block, found ${blocks.length}`);
  return blocks[0]![1]!;
}

/** `text` with each placeholder replaced; one the page no longer has fails the test rather than being skipped. */
function substitute(text: string, replacements: readonly (readonly [string, string])[]): string {
  return replacements.reduce((out, [from, to]) => {
    if (out.split(from).length !== 2) throw new Error(`docs/hub.md's nginx block: expected "${from}" once`);
    return out.replace(from, to);
  }, text);
}

/** A zone where it is between 08:00 and 18:00 now: the day's items stay on one date. */
function daytimeZone(): string {
  const zones = ['Europe/Stockholm', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Australia/Sydney'];
  return zones.find((z) => DateTime.now().setZone(z).hour >= 8 && DateTime.now().setZone(z).hour < 18) ?? 'UTC';
}

/** Two talks in one room today, the second starting at `nextStart`; the control page runs on the hub's clock. */
function todaysProgram(zone: string, nextStart: DateTime): unknown {
  const wall = (t: DateTime) => t.toFormat("yyyy-MM-dd'T'HH:mm");
  const day = nextStart.toISODate()!;
  return {
    version: 1,
    event: { name: 'Proxy Summit', timezone: zone, startDate: day, endDate: day, venues: [{ id: 'v', name: 'Venue' }] },
    rooms: [{ id: 'main', name: 'Main Hall' }],
    items: [
      {
        id: 'a',
        kind: 'talk',
        room: 'main',
        title: 'Opening',
        start: wall(nextStart.minus({ minutes: 40 })),
        end: wall(nextStart),
      },
      {
        id: 'b',
        kind: 'talk',
        room: 'main',
        title: 'Encrypted all the way',
        start: wall(nextStart),
        end: wall(nextStart.plus({ minutes: 45 })),
      },
    ],
  };
}

/** A POST of the command API over https, through nginx, as a script would send it (the certificate is ours). */
function httpsCommand(port: number, body: unknown, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: HUB_API.command,
        method: 'POST',
        rejectUnauthorized: false,
        headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function emergency(on: boolean): unknown {
  return { command: { type: 'set-emergency', on }, by: `proxy test ${on ? 'on' : 'off'}` };
}

function lastAudit(stateDir: string): AuditEntry {
  const lines = readFileSync(join(stateDir, 'audit.log'), 'utf8').trim().split('\n');
  return JSON.parse(lines.at(-1)!) as AuditEntry;
}

interface Venue {
  hub: HubProcess;
  stateDir: string;
}

let dir: string;
let nextStart: DateTime;
let trusting: Venue;
let plain: Venue;
let nginx: ChildProcess | undefined;
const nginxOutput: string[] = [];

async function venue(name: string, port: number, args: string[]): Promise<Venue> {
  const stateDir = join(dir, name);
  mkdirSync(stateDir);
  const hub = await spawnHub({
    port,
    stateDir,
    tokenFile: join(dir, 'staff-token'),
    programFile: join(dir, 'program.json'),
    args,
  });
  return { hub, stateDir };
}

test.describe.configure({ mode: 'serial', timeout: 60_000 });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foyer-e2e-proxy-'));
  const zone = daytimeZone();
  nextStart = DateTime.now().setZone(zone).startOf('minute').plus({ minutes: 20 });
  writeFileSync(join(dir, 'program.json'), JSON.stringify(todaysProgram(zone, nextStart)));
  writeFileSync(join(dir, 'staff-token'), `${E2E_TOKEN}\n`, { mode: 0o600 });

  // A self-signed certificate for the docs' name, made now (nothing of it is kept).
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${NAME}`,
      '-addext',
      `subjectAltName=DNS:${NAME},IP:127.0.0.1`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'pipe' },
  );

  const block = (port: { hub: number; https: number }) =>
    substitute(docsServerBlock(), [
      ['listen 443 ssl', `listen 127.0.0.1:${port.https} ssl`],
      ['/etc/ssl/foyer/fullchain.pem', join(dir, 'cert.pem')],
      ['/etc/ssl/foyer/privkey.pem', join(dir, 'key.pem')],
      ['proxy_pass http://127.0.0.1:4173;', `proxy_bind ${PROXY_ADDRESS};\n        proxy_pass http://127.0.0.1:${port.hub};`],
    ]);
  // Everything nginx writes stays in the temp folder; as root its workers would otherwise run as nobody,
  // who cannot enter it.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(dir, t)};`);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
      'worker_processes 1;',
      'events { worker_connections 256; }',
      'http {',
      `    access_log ${join(dir, 'access.log')};`,
      ...temp,
      block(TRUSTING),
      block(PLAIN),
      '}',
    ].join('\n'),
  );

  const hubs = Promise.all([
    // The docs' command, but for the proxy's address and port.
    venue('trusting', TRUSTING.hub, ['--trust-proxy', PROXY_ADDRESS, '--public-url', `https://${NAME}:${TRUSTING.https}/`]),
    venue('plain', PLAIN.hub, []),
  ]);
  nginx = spawn(
    NGINX,
    [
      '-p',
      dir,
      '-c',
      join(dir, 'nginx.conf'),
      '-e',
      join(dir, 'error.log'),
      '-g',
      `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  nginx.on('error', (e) => nginxOutput.push(`${NGINX}: ${e.message} (.ci/run installs nginx from Debian)`));
  nginx.stderr!.on('data', (c: Buffer) => nginxOutput.push(c.toString()));
  [trusting, plain] = await hubs;
  await until(
    () => existsSync(join(dir, 'nginx.pid')) || nginx!.exitCode !== null || nginx!.pid === undefined,
    'nginx to start',
    10_000,
  );
  if (!existsSync(join(dir, 'nginx.pid'))) throw new Error(`nginx did not start:\n${nginxOutput.join('')}`);
});

test.afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const gone = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGTERM');
    await gone;
  }
  await Promise.all([trusting?.hub.kill(), plain?.hub.kill()]);
  // The key and the certificate with the rest.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function overHttps(browser: Browser, url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const page = await (await browser.newContext({ ignoreHTTPSErrors: true, ...options })).newPage();
  await page.goto(url);
  return page;
}

/** What the hub printed after `label`: the addresses it gives screens and staff. */
function printed(hub: HubProcess, label: string): string {
  const line = hub.output.find((l) => l.startsWith(label));
  if (!line) throw new Error(`the hub printed no "${label}" line:\n${hub.output.join('\n')}`);
  return line.slice(label.length).trim();
}

test('a board over https through the docs’ nginx gets a tap on the control page within 2 s; the audit names the phone', async ({
  browser,
}) => {
  // The hub prints the proxy's addresses (--public-url), and they are the ones that work.
  const boardUrl = printed(trusting.hub, 'Foyer board:');
  expect(boardUrl).toBe(`https://${NAME}:${TRUSTING.https}/`);
  const board = await overHttps(browser, `${boardUrl}?room=main&name=Door`, { viewport: { width: 960, height: 540 } });
  const next = board.getByRole('region', { name: 'Next' });
  await expect(next).toContainText('Encrypted all the way');
  // Over TLS and HTTP/2, as the block says (one connection for many boards in one browser).
  expect(
    await board.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol),
  ).toBe('h2');

  const link = printed(trusting.hub, 'Control (staff phones):');
  expect(link).toBe(`${boardUrl}control#staff=<token>`);
  const phone = await overHttps(browser, link.replace('<token>', E2E_TOKEN), {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const room = phone.getByRole('region', { name: 'Main Hall' });
  await expect(room.locator('.delay')).toHaveText('on time');
  const sent = Date.now();
  await room.getByRole('button', { name: '+5 min' }).tap();
  // Through the proxy's event stream (a board reads the state itself only when its stream breaks).
  await expect(next.locator('.delayed > time')).toHaveText(nextStart.plus({ minutes: 5 }).toFormat('HH:mm'), { timeout: 2_000 });
  console.log(`[proxy] control tap to the board over https: ${Date.now() - sent} ms`);
  await shot(board, 'proxy-board-https');

  // The hub trusts the proxy: the change is the phone's (the address nginx forwarded), not the proxy's.
  const audit = lastAudit(trusting.stateDir);
  expect(audit.change).toContain('delay 0 → 5 min');
  expect(audit.who).toContain('control page');
  expect(audit.address).toBe(BROWSER_ADDRESS);
});

test('a forged X-Forwarded-For never names the client, nor does an unknown name pass; without --trust-proxy all is the proxy’s', async () => {
  const forged = { 'x-forwarded-for': FORGED };
  // Through nginx: the block replaces the header with the address it saw.
  expect(await httpsCommand(TRUSTING.https, emergency(true), forged)).toBe(200);
  expect(lastAudit(trusting.stateDir)).toMatchObject({ change: 'emergency message ON', address: BROWSER_ADDRESS });
  // Straight to the hub, not through its proxy: the header is the client's own word, ignored.
  const direct = await fetch(`${trusting.hub.url}${HUB_API.command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json', ...forged },
    body: JSON.stringify(emergency(false)),
  });
  expect(direct.status).toBe(200);
  expect(lastAudit(trusting.stateDir)).toMatchObject({ change: 'emergency message off', address: BROWSER_ADDRESS });

  // nginx passes on the name asked for: one the hub was not told of (a DNS-rebinding page's) is refused there too.
  expect(await httpsCommand(TRUSTING.https, emergency(true), { host: 'rebound.example' })).toBe(421);
  expect(lastAudit(trusting.stateDir).change).toBe('emergency message off');

  // A hub behind the same proxy without --trust-proxy sees only the proxy.
  expect(await httpsCommand(PLAIN.https, emergency(true), forged)).toBe(200);
  expect(lastAudit(plain.stateDir)).toMatchObject({ change: 'emergency message ON', address: PROXY_ADDRESS });
});
