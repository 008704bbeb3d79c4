/** What counts as a web address, and why a fetch failed, with real failures on 127.0.0.1 (core/url.ts). */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchProblem, isHttpUrl } from '../../../core/url.ts';

describe('isHttpUrl', () => {
  it('is true for http and https addresses only', () => {
    expect(isHttpUrl('https://pretalx.example/event/schedule.xml')).toBe(true);
    expect(isHttpUrl('HTTP://127.0.0.1:8080/p.json')).toBe(true);
    expect(isHttpUrl('/srv/foyer/program.json')).toBe(false);
    expect(isHttpUrl('https-program.json')).toBe(false);
    expect(isHttpUrl('file:///srv/program.json')).toBe(false);
  });
});

describe('fetchProblem', () => {
  let server: Server;
  let base: string;
  let closedPort: number;
  const hanging = new Set<ServerResponse>();
  beforeAll(async () => {
    server = createServer((_req, res) => hanging.add(res));
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const closed = createServer();
    await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
    closedPort = (closed.address() as AddressInfo).port;
    await new Promise((gone) => closed.close(gone));
  });
  afterAll(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((gone) => server.close(gone));
  });

  const failure = (url: string, timeoutMs: number) =>
    fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).then(
      () => 'answered',
      (error: unknown) => fetchProblem(error, timeoutMs),
    );

  it('says when nothing listens', async () => {
    expect(await failure(`http://127.0.0.1:${closedPort}/p.json`, 5_000)).toBe(
      'connection refused (is the server running and the port right?)',
    );
  });

  it('says how long it waited for a server that never answers', async () => {
    expect(await failure(`${base}/slow`, 300)).toBe('no answer within 300 ms');
    expect(fetchProblem(new DOMException('timed out', 'TimeoutError'), 20_000)).toBe('no answer within 20 s');
  });

  it('names an unknown host', () => {
    const error = new TypeError('fetch failed', {
      cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND nowhere.invalid' },
    });
    expect(fetchProblem(error, 20_000)).toBe('host not found (check the address)');
  });
});
