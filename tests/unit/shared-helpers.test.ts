/**
 * Helpers that exist once for the whole tree: the most common value (one tie
 * rule), what counts as a web address, why a fetch failed (with real failures
 * on 127.0.0.1), and how a time of day is written.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mostCommon } from '../../core/most-common.ts';
import { hhmm, hhmmAt, hhmmOfMinutes, hhmmOfText, minutesOfDay } from '../../core/time.ts';
import { fetchProblem, isHttpUrl } from '../../core/url.ts';

describe('mostCommon', () => {
  it('picks the value seen most often', () => {
    expect(mostCommon(['09:00', '08:30', '09:00'])).toBe('09:00');
  });

  it('on a tie, picks the one seen first, whichever order the counts were reached in', () => {
    expect(mostCommon(['Europe/Berlin', 'Europe/Paris', 'Europe/Paris', 'Europe/Berlin'])).toBe('Europe/Berlin');
    expect(mostCommon(['b', 'a'])).toBe('b');
    expect(mostCommon([])).toBeUndefined();
  });
});

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

describe('times of day', () => {
  it('writes an instant as HH:MM in the zone asked for, whatever the machine zone', () => {
    const instant = Date.UTC(2026, 4, 6, 7, 5);
    expect(hhmmAt(instant, 'Europe/Stockholm')).toBe('09:05');
    expect(hhmmAt(instant, 'America/Los_Angeles')).toBe('00:05');
    expect(hhmm(DateTime.fromMillis(instant, { zone: 'Asia/Tokyo' }))).toBe('16:05');
  });

  it('reads and writes minutes after midnight', () => {
    expect(hhmmOfMinutes(4 * 60)).toBe('04:00');
    expect(hhmmOfMinutes(23 * 60 + 59)).toBe('23:59');
    expect(minutesOfDay('04:30')).toBe(270);
  });

  it('tidies a time as exports write it', () => {
    expect(hhmmOfText('9:05')).toBe('09:05');
    expect(hhmmOfText(' 09:05:00')).toBe('09:05');
    expect(hhmmOfText('noon')).toBe('noon');
  });
});
