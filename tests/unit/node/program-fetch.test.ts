/**
 * A program URL against a real server on 127.0.0.1 that answers the way
 * attackers and broken servers do: a gzip bomb, an endless body, redirects to
 * elsewhere and in circles, a trickle of bytes. The host reads at most the
 * limit (counted after decompression), follows redirects only on the same
 * server, and never publishes the URL's query or credentials.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchProgram, redirectProblem } from '../../../core/node/program-fetch.ts';
import { ProgramSource } from '../../../core/node/program-source.ts';

const seedText = await readFile(new URL('../../../data/program.json', import.meta.url), 'utf8');

/** 600 MB of spaces, gzipped to about 600 KB, made as a stream so the test itself stays small. */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  const block = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < megabytes; i++) if (!gzip.write(block)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await new Promise((r) => gzip.once('end', r));
  return Buffer.concat(parts);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;
let bomb: Buffer;
const open = new Set<ServerResponse>();

beforeAll(async () => {
  bomb = await gzipBomb(600);
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (route) route(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set('/program.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(seedText);
  });
  routes.set('/bomb.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(bomb);
  });
  routes.set('/endless.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const block = Buffer.alloc(1 << 16, 0x20);
    const pump = (): void => {
      while (!res.destroyed && res.write(block));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  });
  routes.set('/declared-huge.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(500 * 1024 * 1024) });
    res.write('{');
  });
  routes.set('/trickle.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(timer));
  });
  const redirect =
    (to: string): Handler =>
    (_req, res) => {
      res.writeHead(302, { location: to });
      res.end();
    };
  routes.set('/moved.json', redirect('/program.json'));
  routes.set('/elsewhere.json', redirect(`http://localhost:${(server.address() as AddressInfo).port}/program.json?token=other`));
  routes.set('/loop.json', redirect('/loop.json'));
  routes.set('/file.json', redirect('file:///etc/passwd'));
});

afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('the bytes read are capped, counted after decompression', () => {
  it('a 600 KB gzip answer that inflates to 600 MB is refused at 20 MB, and memory stays flat', async () => {
    expect(bomb.length).toBeLessThan(700_000);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const result = await fetchProgram(`${base}/bomb.json`, { timeoutMs: 30_000 });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(result).toEqual({ kind: 'error', reason: 'larger than the 20 MB limit for a program (raise it with --max-size)' });
    // Before the limit the host grew to 1.4 GB and stayed there; now it holds at most the limit.
    expect((peak - before) / 2 ** 20).toBeLessThan(120);
    console.log(`gzip bomb: resident memory ${Math.round(before / 2 ** 20)} MB → peak ${Math.round(peak / 2 ** 20)} MB`);
  });

  it('an endless answer stops at the limit, which is configurable', async () => {
    expect(await fetchProgram(`${base}/endless.json`, { timeoutMs: 30_000, maxBytes: 2 * 1024 * 1024 })).toEqual({
      kind: 'error',
      reason: 'larger than the 2 MB limit for a program (raise it with --max-size)',
    });
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    const result = await fetchProgram(`${base}/declared-huge.json`, { timeoutMs: 5_000 });
    expect(result).toEqual({ kind: 'error', reason: 'larger than the 20 MB limit for a program (raise it with --max-size)' });
  });

  it('a server that trickles bytes forever is cut off by the one timeout for the whole exchange', async () => {
    const started = Date.now();
    const result = await fetchProgram(`${base}/trickle.json`, { timeoutMs: 800 });
    expect(result).toEqual({ kind: 'error', reason: 'the download broke off: no answer within 800 ms' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the program source keeps the last good program through the bomb and says why', async () => {
    let path = '/program.json';
    routes.set('/switch.json', (req, res) => routes.get(path)!(req, res));
    const source = new ProgramSource({ location: `${base}/switch.json`, pollIntervalMs: 3_600_000, timeoutMs: 30_000 });
    await source.start();
    path = '/bomb.json';
    await source.refresh();
    source.stop();
    expect(source.current()?.program.event.name).toBe(JSON.parse(seedText).event.name);
    expect(source.current()?.status.error).toBe(
      `${base}/switch.json: larger than the 20 MB limit for a program (raise it with --max-size)`,
    );
  });
});

describe('redirects', () => {
  it('are followed on the same server', async () => {
    const result = await fetchProgram(`${base}/moved.json`, { timeoutMs: 5_000 });
    expect(result.kind).toBe('text');
  });

  it('to another server are refused, naming it without its query', async () => {
    const port = (server.address() as AddressInfo).port;
    expect(await fetchProgram(`${base}/elsewhere.json`, { timeoutMs: 5_000 })).toEqual({
      kind: 'error',
      reason: `redirected to another server (http://localhost:${port}/program.json?…); Foyer follows redirects only on the same server: use that address`,
    });
  });

  it('in a loop are stopped', async () => {
    expect(await fetchProgram(`${base}/loop.json`, { timeoutMs: 5_000 })).toEqual({
      kind: 'error',
      reason: 'more than 5 redirects (a loop?)',
    });
  });

  it('to a file are refused', async () => {
    expect(await fetchProgram(`${base}/file.json`, { timeoutMs: 5_000 })).toEqual({
      kind: 'error',
      reason: 'redirected to a file: address; refused',
    });
  });

  it('never go from https down to http, and may go up', () => {
    const from = new URL('https://example.org/schedule.json');
    expect(redirectProblem(from, new URL('http://example.org/schedule.json'))).toBe(
      'redirected from https to plain http (http://example.org/schedule.json); refused',
    );
    expect(redirectProblem(new URL('http://example.org/s.json'), new URL('https://example.org/s.json'))).toBeNull();
    expect(redirectProblem(from, new URL('https://example.org:8443/s.json'))).toMatch(/^redirected to another server/);
  });
});

describe('a program URL with a token is never published whole', () => {
  it('status, errors and logs show the address without user-info or query', async () => {
    const port = (server.address() as AddressInfo).port;
    const location = `http://user:hunter2@127.0.0.1:${port}/switch.json?api_token=s3cret&x=1`;
    let path = '/program.json';
    let authorization: string | undefined;
    routes.set('/switch.json', (req, res) => {
      authorization = req.headers.authorization;
      routes.get(path)!(req, res);
    });
    const logs: string[] = [];
    const source = new ProgramSource({ location, pollIntervalMs: 3_600_000, timeoutMs: 5_000, log: (l) => logs.push(l) });
    await source.start();
    // fetch refuses a URL with user-info; the credentials go as Basic authentication.
    expect(authorization).toBe(`Basic ${Buffer.from('user:hunter2').toString('base64')}`);
    expect(source.current()?.status.error).toBeNull();
    for (const next of ['/elsewhere.json', '/loop.json', '/bomb.json']) {
      path = next;
      await source.refresh();
    }
    source.stop();
    const published = JSON.stringify([source.current()?.status, logs]);
    expect(source.current()?.status.source).toBe(`http://127.0.0.1:${port}/switch.json?…`);
    expect(published).not.toMatch(/hunter2|s3cret|token=other|user:/);
    expect(logs.length).toBeGreaterThanOrEqual(3);
  });
});
