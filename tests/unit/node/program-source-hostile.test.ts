/**
 * The kiosk's and the hub's program source (ProgramSource) against
 * everything issue #10 found: it boots from its cache and keeps watching
 * whatever the first read gives, survives every bad input written over its
 * file in turn (keeping the last good program and saying why), recovers when a
 * good file returns, and notices changes however they are made.
 */
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgramUpdate } from '../../../core/host-contract.ts';
import { ProgramSource } from '../../../core/node/program-source.ts';
import { nextUpdate, renamed } from './source-helpers.ts';
import { REFUSED } from '../../hostile.ts';

let dir: string;
const sources: ProgramSource[] = [];
const track = (source: ProgramSource) => (sources.push(source), source);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foyer-hostile-'));
});
afterEach(async () => {
  for (const source of sources.splice(0)) source.stop();
  // A stopped source may still be finishing one atomic cache write (a temporary file, then a rename).
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('a watched file overwritten with every bad input in turn', () => {
  it('keeps the last good program, names the file and the problem each time, and recovers', { timeout: 90_000 }, async () => {
    const file = join(dir, 'program.json');
    await writeFile(file, renamed('Good'));
    const source = track(new ProgramSource({ location: file, debounceMs: 30 }));
    await source.start();
    const refusalOf = (u: ProgramUpdate): string | undefined =>
      u.status.errorKind === 'rejected' ? u.status.error?.match(/^program\.json: (.*)/)?.[1] : undefined;
    for (const input of REFUSED) {
      const rejected = nextUpdate(source, (u) => input.refusal.test(refusalOf(u) ?? ''));
      await writeFile(file, input.text);
      expect((await rejected).program.event.name, input.what).toBe('Good');

      const back = nextUpdate(source, (u) => u.status.error === null && u.program.event.name === 'Good');
      await writeFile(file, renamed('Good'));
      await back;
    }
    const fresh = nextUpdate(source, (u) => u.program.event.name === 'Fresh');
    await writeFile(file, renamed('Fresh'));
    expect((await fresh).status).toMatchObject({ error: null, offlineSince: null });
  });
});

describe('a polled URL answering with every bad input in turn', () => {
  it('keeps the last good program, names the source without its token, and recovers', { timeout: 90_000 }, async () => {
    const good = renamed('Good');
    let answer: (res: ServerResponse) => void = (res) => res.end(good);
    const server = createServer((_req, res) => answer(res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const source = track(new ProgramSource({ location: `${origin}/p.json?token=s3cret`, pollIntervalMs: 3_600_000 }));
      await source.start();
      const name = `${origin}/p.json?…`;
      const bad: [string, (res: ServerResponse) => void, RegExp][] = [
        ...REFUSED.map((input): [string, (res: ServerResponse) => void, RegExp] => [
          input.what,
          (res) => res.end(input.text),
          new RegExp(`^${escape(name)}: ${input.refusal.source.slice(1)}`),
        ]),
        ['a 503', (res) => (res.writeHead(503), res.end()), /: the server answered 503/],
        ['a foreign redirect', (res) => (res.writeHead(301, { location: 'http://localhost:1/x' }), res.end()), /another server/],
        ['a body cut off', (res) => (res.writeHead(200, { 'content-length': '1000' }), res.end('{')), /the download broke off/],
      ];
      for (const [what, handler, shown] of bad) {
        answer = handler;
        await source.refresh();
        expect(source.current()?.program.event.name, what).toBe('Good');
        expect(source.current()?.status.error, what).toMatch(shown);
        // The board frames it in its own language by kind: a refused update, or a source it could not read.
        expect(source.current()?.status.errorKind, what).toBe(
          REFUSED.some((input) => input.what === what) ? 'rejected' : 'unreadable',
        );
        expect(source.current()?.status.error, what).not.toContain('s3cret');
        answer = (res) => res.end(good);
        await source.refresh();
        expect(source.current()?.status.error, what).toBeNull();
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the first read decides nothing', () => {
  it('boots from the cache when the file is broken, then follows the file once it is fixed', async () => {
    const file = join(dir, 'program.json');
    const cacheFile = join(dir, 'cache.json');
    await writeFile(file, renamed('Cached'));
    const first = track(new ProgramSource({ location: file, cacheFile }));
    await first.start();
    first.stop();

    await writeFile(file, REFUSED.find((i) => i.file === 'dtstart-no-seconds.ics')!.text);
    const source = track(new ProgramSource({ location: file, cacheFile, debounceMs: 30 }));
    const booted = await source.start();
    expect(booted?.program.event.name).toBe('Cached');
    expect(booted?.status.error).toContain('program.json: event bad@example (field DTSTART)');

    const fixed = nextUpdate(source, (u) => u.program.event.name === 'Fixed');
    await writeFile(file, renamed('Fixed'));
    expect((await fixed).status.error).toBeNull();
  });

  it('with no cache and a broken file, shows nothing yet and loads the file once it is fixed', async () => {
    const file = join(dir, 'program.json');
    await writeFile(file, '<?xml version="1.0"?><schedule>' + '<day>'.repeat(20_000));
    const source = track(new ProgramSource({ location: file, debounceMs: 30 }));
    expect(await source.start()).toBeNull();
    expect(source.lastProblem()).toMatch(/program\.json: /);
    const fixed = nextUpdate(source, (u) => u.program.event.name === 'Fixed');
    await writeFile(file, renamed('Fixed'));
    expect((await fixed).status.error).toBeNull();
  });

  it('refuses a file over the size limit without reading it all', async () => {
    const file = join(dir, 'program.json');
    await writeFile(file, renamed('Big') + ' '.repeat(2 * 1024 * 1024));
    const source = track(new ProgramSource({ location: file, maxBytes: 1024 * 1024 }));
    expect(await source.start()).toBeNull();
    expect(source.lastProblem()).toBe('program.json: larger than the 1 MB limit for a program (raise it with --max-size)');
  });
});

describe('changes are noticed however they are made', () => {
  it('a folder swapped under the path (mv current old; mv new current)', async () => {
    const current = join(dir, 'current');
    await mkdir(current);
    await writeFile(join(current, 'program.json'), renamed('Release 1'));
    const source = track(new ProgramSource({ location: join(current, 'program.json'), debounceMs: 30, statPollMs: 200 }));
    await source.start();
    for (const release of ['Release 2', 'Release 3']) {
      const next = join(dir, 'next');
      await mkdir(next);
      await writeFile(join(next, 'program.json'), renamed(release));
      const swapped = nextUpdate(source, (u) => u.program.event.name === release);
      await rename(current, join(dir, `old-${release}`));
      await rename(next, current);
      expect((await swapped).status.error).toBeNull();
    }
    // Edits inside the new folder are seen too: the watch moved with the path.
    const edited = nextUpdate(source, (u) => u.program.event.name === 'Edited');
    await writeFile(join(current, 'program.json'), renamed('Edited'));
    await edited;
  });

  it('a release symlink re-pointed atomically (ln -sfn releases/v2 current)', async () => {
    for (const v of ['v1', 'v2']) {
      await mkdir(join(dir, 'releases', v), { recursive: true });
      await writeFile(join(dir, 'releases', v, 'program.json'), renamed(`Program ${v}`));
    }
    await symlink(join(dir, 'releases', 'v1'), join(dir, 'current'));
    const source = track(new ProgramSource({ location: join(dir, 'current', 'program.json'), debounceMs: 30, statPollMs: 200 }));
    expect((await source.start())?.program.event.name).toBe('Program v1');
    const repointed = nextUpdate(source, (u) => u.program.event.name === 'Program v2');
    await symlink(join(dir, 'releases', 'v2'), join(dir, 'current.new'));
    await rename(join(dir, 'current.new'), join(dir, 'current'));
    await repointed;
    const edited = nextUpdate(source, (u) => u.program.event.name === 'v2 edited');
    await writeFile(join(dir, 'releases', 'v2', 'program.json'), renamed('v2 edited'));
    await edited;
  });

  it('an edit no change event reports (a network share): the modification time is polled', async () => {
    const file = join(dir, 'program.json');
    await writeFile(file, renamed('Before'));
    const source = track(new ProgramSource({ location: file, fileEvents: false, statPollMs: 200, debounceMs: 10 }));
    await source.start();
    const edited = nextUpdate(source, (u) => u.program.event.name === 'After', 3000);
    await writeFile(file, renamed('After'));
    await edited;
  });
});
