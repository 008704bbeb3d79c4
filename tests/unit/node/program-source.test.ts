import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgramSource } from '../../../core/node/program-source.ts';
import { nextUpdate, renamed, seedText } from './source-helpers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foyer-source-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('a watched program file', () => {
  it('loads, follows edits, and keeps the last good program through a half-written and a deleted file', async () => {
    const file = join(dir, 'program.json');
    await writeFile(file, seedText);
    const logs: string[] = [];
    const source = new ProgramSource({ location: file, debounceMs: 50, log: (l) => logs.push(l) });
    const first = await source.start();
    expect(first?.program.event.name).toBe((JSON.parse(seedText) as { event: { name: string } }).event.name);
    expect(first?.status.error).toBeNull();

    const edited = nextUpdate(source, (u) => u.program.event.name === 'Renamed');
    await writeFile(file, renamed('Renamed'));
    expect((await edited).status.error).toBeNull();

    // A deploy script caught mid-write: the board keeps the last good program and says why.
    const half = nextUpdate(source, (u) => u.status.error !== null);
    await writeFile(file, renamed('Half').slice(0, 300));
    const afterHalf = await half;
    expect(afterHalf.program.event.name).toBe('Renamed');
    expect(afterHalf.status.error).toMatch(/not valid JSON at line \d+, column \d+/);

    const completed = nextUpdate(source, (u) => u.program.event.name === 'Half');
    await writeFile(file, renamed('Half'));
    expect((await completed).status.error).toBeNull();

    const deleted = nextUpdate(source, (u) => u.status.error !== null);
    await unlink(file);
    const afterDelete = await deleted;
    expect(afterDelete.program.event.name).toBe('Half');
    expect(afterDelete.status.error).toBe('program.json: no such file');
    expect(afterDelete.status.offlineSince).not.toBeNull();

    const restored = nextUpdate(source, (u) => u.program.event.name === 'Back' && u.status.error === null);
    await writeFile(file, renamed('Back'));
    expect((await restored).status.offlineSince).toBeNull();
    source.stop();
  });

  it('names the file, the field and the problem when an edit is wrong, and keeps the program', async () => {
    const file = join(dir, 'program.json');
    await writeFile(file, seedText);
    const source = new ProgramSource({ location: file, debounceMs: 50 });
    await source.start();
    const bad = JSON.parse(seedText) as { items: { room?: string }[] };
    bad.items[3]!.room = 'hall-z';
    const rejected = nextUpdate(source, (u) => u.status.error !== null);
    await writeFile(file, JSON.stringify(bad));
    const update = await rejected;
    // The file's name, not where it lives on the host.
    expect(update.status.error).toMatch(/^program\.json: items\[3\]\.room: unknown room "hall-z"/m);
    expect(update.status.errorKind).toBe('rejected');
    expect(update.status.error).not.toContain(dir);
    expect(update.program.items[3]!.room).toBe('main');
    source.stop();
  });

  it('starts from the cache when the file is missing', async () => {
    const file = join(dir, 'program.json');
    const cacheFile = join(dir, 'cache', 'last-good.json');
    await writeFile(file, renamed('Cached'));
    const first = new ProgramSource({ location: file, cacheFile });
    await first.start();
    first.stop();
    await unlink(file);

    const second = new ProgramSource({ location: file, cacheFile });
    const update = await second.start();
    second.stop();
    expect(update?.program.event.name).toBe('Cached');
    expect(update?.status.offlineSince).not.toBeNull();
    expect(second.lastProblem()).toBe('program.json: no such file');
  });
});

describe('a polled program URL', () => {
  type Handler = (req: IncomingMessage, res: ServerResponse) => void;
  let server: Server;
  let handler: Handler;
  let url: string;
  let requests: IncomingMessage[];

  beforeEach(async () => {
    requests = [];
    server = createServer((req, res) => {
      requests.push(req);
      handler(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/schedule.json`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const serve =
    (status: number, body: string, headers: Record<string, string> = {}): Handler =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };

  it('loads with 200, revalidates with ETag and 304, and keeps the program through 500, garbage, a non-program and a timeout', async () => {
    handler = serve(200, renamed('Remote'), { etag: '"v1"' });
    const source = new ProgramSource({ location: url, pollIntervalMs: 3_600_000, timeoutMs: 500 });
    const first = await source.start();
    expect(first?.program.event.name).toBe('Remote');

    handler = (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else serve(200, renamed('Wrong'))(req, res);
    };
    await source.refresh();
    expect(requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(source.current()?.program.event.name).toBe('Remote');
    expect(source.current()?.status.error).toBeNull();

    handler = serve(500, 'oops');
    await source.refresh();
    expect(source.current()?.program.event.name).toBe('Remote');
    expect(source.current()?.status.error).toContain('answered 500');
    expect(source.current()?.status.offlineSince).not.toBeNull();

    handler = serve(200, '<html>garbage</html>');
    await source.refresh();
    expect(source.current()?.program.event.name).toBe('Remote');
    expect(source.current()?.status.error).toMatch(/schedule\.json/);

    handler = serve(200, JSON.stringify({ hello: 'world' }));
    await source.refresh();
    expect(source.current()?.program.event.name).toBe('Remote');
    expect(source.current()?.status.error).toBeTruthy();

    handler = () => {
      /* never answers */
    };
    await source.refresh();
    expect(source.current()?.status.error).toContain('no answer within');
    expect(source.current()?.program.event.name).toBe('Remote');

    handler = serve(200, renamed('Fresh'), { etag: '"v2"' });
    await source.refresh();
    expect(source.current()?.program.event.name).toBe('Fresh');
    expect(source.current()?.status).toMatchObject({ error: null, offlineSince: null });
    source.stop();
  });

  it('polls by itself', async () => {
    let version = 1;
    handler = (_req, res) => serve(200, renamed(`V${version}`))(_req, res);
    const source = new ProgramSource({ location: url, pollIntervalMs: 100 });
    await source.start();
    version = 2;
    const polled = await nextUpdate(source, (u) => u.program.event.name === 'V2');
    expect(polled.status.error).toBeNull();
    source.stop();
  });

  it('boots from the cache when the server is down, and says since when it is offline', async () => {
    const cacheFile = join(dir, 'cache.json');
    handler = serve(200, renamed('Before the outage'));
    const online = new ProgramSource({ location: url, cacheFile, pollIntervalMs: 3_600_000 });
    await online.start();
    online.stop();

    // The same program URL, now on a port where nothing listens.
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const deadPort = (gone.address() as AddressInfo).port;
    await new Promise((r) => gone.close(r));
    const deadUrl = `http://127.0.0.1:${deadPort}/schedule.json`;
    const record = JSON.parse(await readFile(cacheFile, 'utf8')) as { location: string };
    await writeFile(cacheFile, JSON.stringify({ ...record, location: deadUrl }));

    const offline = new ProgramSource({ location: deadUrl, cacheFile, pollIntervalMs: 3_600_000, timeoutMs: 1000 });
    const update = await offline.start();
    offline.stop();
    expect(update?.program.event.name).toBe('Before the outage');
    expect(update?.status.offlineSince).not.toBeNull();
    expect(update?.status.error).toContain('connection refused');
    expect(offline.lastProblem()).toContain('connection refused');
  });
});
