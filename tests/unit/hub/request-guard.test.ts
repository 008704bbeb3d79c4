/**
 * The web host as an attacker on the venue network or a web page elsewhere
 * sees it: every answer carries the CSP; only the files the program names are
 * served from its folder, never through a symbolic link out of it, and SVG
 * never as a page that runs script; names other than its own are refused
 * (DNS rebinding); HEAD on the event stream answers; the program URL's token
 * is never published; and a source that is down at start is served from the
 * cache.
 */
import { request } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubServer, type RunningHubServer } from '../../../core/hub/server/server.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const seed = JSON.parse(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8')) as {
  event: Record<string, unknown>;
  items: { speakers?: { photo?: string }[] }[];
};
const CSP = /default-src 'none'.*script-src 'self'.*frame-ancestors 'none'/;

let dir: string;
let renderer: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'foyer-guard-'));
  renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>board</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A raw request, so the Host header can be anything. */
function raw(url: string, options: { method?: string; host?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolvePromise, reject) => {
      const target = new URL(url);
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: options.method ?? 'GET',
          headers: options.host ? { host: options.host } : {},
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolvePromise({ status: res.statusCode!, headers: res.headers, body }));
        },
      );
      req.setTimeout(3000, () => req.destroy(new Error(`no answer from ${options.method ?? 'GET'} ${url}`)));
      req.on('error', reject);
      req.end();
    },
  );
}

describe('a web host serving a program folder', () => {
  let host: RunningHubServer;
  let base: string;
  let port: number;

  beforeAll(async () => {
    const folder = join(dir, 'event');
    mkdirSync(join(folder, 'photos'), { recursive: true });
    writeFileSync(join(dir, 'secret.png'), 'outside the program folder');
    writeFileSync(join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    writeFileSync(join(folder, 'photos', 'real.jpg'), 'a photo');
    symlinkSync('real.jpg', join(folder, 'photos', 'inside.jpg'));
    symlinkSync('/etc/passwd', join(folder, 'leak.png'));
    symlinkSync(join(dir, 'secret.png'), join(folder, 'photos', 'escape.jpg'));
    const program = structuredClone(seed);
    program.event.logo = 'logo.svg';
    program.event.map = { image: 'leak.png' };
    program.items[3]!.speakers = [{ ...program.items[3]!.speakers![0], photo: 'photos/inside.jpg' }];
    program.items[4]!.speakers = [{ ...program.items[4]!.speakers![0], photo: './photos/escape.jpg' }];
    writeFileSync(join(folder, 'program.json'), JSON.stringify(program));
    host = await startHubServer({ port: 0, programLocation: join(folder, 'program.json'), rendererDir: renderer });
    base = host.url.replace(/\/$/, '');
    port = Number(new URL(base).port);
  });
  afterAll(() => host.close());

  it('sends the CSP (framing forbidden) and nosniff with every answer, errors included', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/assets/app.js'],
      ['GET', '/api/program'],
      ['HEAD', '/api/events'],
      ['GET', '/program-files/photos/inside.jpg'],
      ['GET', '/nope'],
      ['POST', '/api/program'],
    ] as const) {
      const answer = await raw(base + path, { method });
      expect(answer.headers['content-security-policy'], `${method} ${path}`).toMatch(CSP);
      expect(answer.headers['x-content-type-options'], `${method} ${path}`).toBe('nosniff');
    }
  });

  it('answers HEAD on the event stream at once, without opening a stream', async () => {
    const started = Date.now();
    const answer = await raw(`${base}/api/events`, { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('follows a symbolic link only when its real path stays in the folder', async () => {
    expect((await raw(`${base}/program-files/photos/inside.jpg`)).body).toBe('a photo');
    for (const path of ['leak.png', 'photos/escape.jpg', 'photos/real.jpg']) {
      const answer = await raw(`${base}/program-files/${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toMatch(/root:|outside/);
    }
  });

  it('serves SVG as a sandboxed download with no script, never as a page on the board’s origin', async () => {
    const logo = await raw(`${base}/program-files/logo.svg`);
    expect(logo.status).toBe(200);
    expect(logo.headers['content-type']).toBe('image/svg+xml');
    expect(logo.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
    expect(logo.headers['content-disposition']).toBe('attachment');
  });

  it('refuses names other than its own (DNS rebinding), and accepts its addresses and localhost', async () => {
    const refused = await raw(`${base}/api/program`, { host: `attacker.example:${port}` });
    expect(refused.status).toBe(421);
    expect(refused.body).not.toContain('"program"');
    expect(refused.body).toContain('--allow-host');
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, '127.0.0.1'])
      expect((await raw(`${base}/api/program`, { host: name })).status, name).toBe(200);
  });
});

describe('names the technician allows', () => {
  it('--allow-host adds a name', async () => {
    const folder = join(dir, 'named');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'program.json'), JSON.stringify(seed));
    const host = await startHubServer({
      port: 0,
      programLocation: join(folder, 'program.json'),
      rendererDir: renderer,
      allowedHosts: ['Board.Venue.example'],
    });
    try {
      expect((await raw(`${host.url}api/program`, { host: 'board.venue.example:80' })).status).toBe(200);
      expect((await raw(`${host.url}api/program`, { host: 'other.venue.example' })).status).toBe(421);
    } finally {
      await host.close();
    }
  });
});

describe('a program URL', () => {
  let upstream: Server;
  let upstreamPort: number;
  let answer = JSON.stringify(seed);
  beforeAll(async () => {
    upstream = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    upstreamPort = (upstream.address() as AddressInfo).port;
  });
  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((r) => upstream.close(r));
  });

  it('is published without its token, in /api/program and in rejections', async () => {
    const logs: string[] = [];
    const host = await startHubServer({
      port: 0,
      programLocation: `http://127.0.0.1:${upstreamPort}/program.json?api_token=s3cret`,
      rendererDir: renderer,
      pollIntervalMs: 100,
      log: (line) => logs.push(line),
    });
    const status = async () =>
      (
        (await (await fetch(`${host.url}api/program`)).json()) as {
          status: { source: string; error: string | null; errorKind?: string };
        }
      ).status;
    try {
      expect((await status()).source).toBe(`http://127.0.0.1:${upstreamPort}/program.json?…`);
      answer = '{"version": 1,';
      await expect
        .poll(async () => (await status()).error, { timeout: 5000 })
        .toContain(`http://127.0.0.1:${upstreamPort}/program.json?…: not valid JSON`);
      expect((await status()).errorKind).toBe('rejected');
      expect(JSON.stringify([await status(), logs])).not.toContain('s3cret');
    } finally {
      answer = JSON.stringify(seed);
      await host.close();
    }
  });

  it('down at start: the host starts from its cache and says since when it is offline', async () => {
    const cacheFile = join(dir, 'web-cache.json');
    const online = await startHubServer({
      port: 0,
      programLocation: `http://127.0.0.1:${upstreamPort}/program.json`,
      rendererDir: renderer,
      cacheFile,
    });
    await online.close();
    const record = JSON.parse(readFileSync(cacheFile, 'utf8')) as { location: string };
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const dead = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/program.json`;
    await new Promise((r) => gone.close(r));
    writeFileSync(cacheFile, JSON.stringify({ ...record, location: dead }));

    const offline = await startHubServer({ port: 0, programLocation: dead, rendererDir: renderer, cacheFile });
    try {
      const response = await fetch(`${offline.url}api/program`);
      expect(response.status).toBe(200);
      const update = (await response.json()) as {
        program: { items: unknown[] };
        status: { offlineSince: number | null; error: string };
      };
      expect(update.program.items).toHaveLength(39);
      expect(update.status.offlineSince).not.toBeNull();
      expect(update.status.error).toContain('connection refused');
    } finally {
      await offline.close();
    }
  });

  it('down at start with no cache: the host starts anyway, says why, and serves the program once it comes', async () => {
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((r) => gone.close(r));
    const host = await startHubServer({
      port: 0,
      programLocation: `http://127.0.0.1:${port}/program.json`,
      rendererDir: renderer,
      pollIntervalMs: 100,
    });
    let late: Server | null = null;
    try {
      const waiting = await fetch(`${host.url}api/program`);
      expect(waiting.status).toBe(503);
      expect(await waiting.text()).toBe(
        `No program loaded yet: http://127.0.0.1:${port}/program.json: connection refused (is the server running and the port right?)\n`,
      );
      late = createServer((_req, res) => res.end(JSON.stringify(seed)));
      await new Promise<void>((r) => late!.listen(port, '127.0.0.1', r));
      await expect.poll(async () => (await fetch(`${host.url}api/program`)).status, { timeout: 5000 }).toBe(200);
    } finally {
      await host.close();
      late?.closeAllConnections();
      await new Promise((r) => (late ? late.close(r) : r(null)));
    }
  });
});
