/**
 * Too many clients: hundreds of real idle event-stream connections, a client
 * that stops reading, and a host process with few file descriptors. The host
 * caps what it holds, drops what it cannot deliver to, and keeps reading its
 * program.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHubServer, type RunningHubServer } from '../../../core/hub/server/server.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const seed = JSON.parse(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8')) as {
  event: { name: string };
  items: { abstract?: string }[];
};
/** The seed renamed; `padding` characters of abstract make each pushed frame that much larger. */
const renamed = (name: string, padding = 0) => {
  const items = structuredClone(seed.items);
  if (padding) items[3]!.abstract = 'x'.repeat(padding);
  return JSON.stringify({ ...seed, event: { ...seed.event, name }, items });
};

let dir: string;
let renderer: string;
const sockets: Socket[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'foyer-clients-'));
  renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An idle board: a raw connection asking for the event stream; resolves with the status code (0: closed unanswered). */
function idleBoard(port: number, read = true): Promise<{ status: number; socket: Socket; received: () => string }> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let text = '';
    let settled = false;
    const settle = (status: number) => {
      if (settled) return;
      settled = true;
      resolvePromise({ status, socket, received: () => text });
    };
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    socket.on('data', (chunk: string) => {
      text += chunk;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (status) settle(Number(status[1]));
      if (!read) socket.pause();
    });
    socket.on('error', () => settle(0));
    socket.on('close', () => settle(0));
  });
}

/** Every test board comes from 127.0.0.1: the per-address caps (tests/unit/hub/attacks.test.ts) are lifted here. */
const ONE_ADDRESS = { streamsPerAddress: 5000, connectionsPerAddress: 5000 };

describe('hundreds of idle boards', () => {
  let host: RunningHubServer;
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'program.json');
    writeFileSync(file, renamed('Before'));
    host = await startHubServer({ port: 0, programLocation: file, rendererDir: renderer, maxClients: 300, ...ONE_ADDRESS });
  });
  afterAll(() => host.close());

  it('holds up to its cap, tells the rest to come back, and still answers and reads its program', async () => {
    const port = Number(new URL(host.url).port);
    const boards = await Promise.all(Array.from({ length: 400 }, () => idleBoard(port)));
    const statuses = boards.map((b) => b.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(300);
    expect(statuses.filter((s) => s === 503)).toHaveLength(100);
    expect((await fetch(`${host.url}api/program`)).status).toBe(200);

    writeFileSync(file, renamed('After'));
    await expect
      .poll(async () => ((await (await fetch(`${host.url}api/program`)).json()) as { program: typeof seed }).program.event.name)
      .toBe('After');
    // Every held board gets the change.
    const held = boards.filter((b) => b.status === 200);
    await expect.poll(() => held.filter((b) => b.received().includes('"name":"After"')).length, { timeout: 10_000 }).toBe(300);
  });
});

describe('a board that stops reading', () => {
  it('is dropped instead of buffered for, while reading boards keep getting updates', async () => {
    const file = join(dir, 'big.json');
    // About 1 MB a frame: a few fill the socket buffers of a client that reads nothing.
    writeFileSync(file, renamed('V0', 1_000_000));
    const logs: string[] = [];
    const host = await startHubServer({ port: 0, programLocation: file, rendererDir: renderer, log: (l) => logs.push(l) });
    try {
      const port = Number(new URL(host.url).port);
      const stalled = await idleBoard(port, false);
      const reading = await idleBoard(port);
      expect([stalled.status, reading.status]).toEqual([200, 200]);
      for (let v = 1; v <= 12 && !logs.some((l) => l.includes('stopped reading')); v++) {
        writeFileSync(file, renamed(`V${v}`, 1_000_000));
        await expect.poll(() => reading.received().includes(`"name":"V${v}"`), { timeout: 5000 }).toBe(true);
      }
      expect(logs).toContain('hub: dropped 1 board that stopped reading updates');
    } finally {
      await host.close();
    }
  });
});

describe('a host with few file descriptors', () => {
  let child: ChildProcess | null = null;
  afterAll(() => child?.kill());

  it(
    'with 300 idle boards and a limit of 200 open files, still reads every edit of its program',
    { timeout: 60_000 },
    async () => {
      const file = join(dir, 'limited.json');
      writeFileSync(file, renamed('Before'));
      const script = `
      import { startHubServer } from ${JSON.stringify(join(ROOT, 'core/hub/server/server.ts'))};
      const host = await startHubServer({ port: 0, programLocation: process.argv[1], rendererDir: process.argv[2], maxClients: 1000, streamsPerAddress: 5000, connectionsPerAddress: 5000 });
      console.log(host.url);`;
      child = spawn(
        'sh',
        [
          '-c',
          `ulimit -n 200 && exec "${process.execPath}" --import tsx --input-type=module -e '${script}' "$0" "$1"`,
          file,
          renderer,
        ],
        {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const url = await new Promise<string>((resolvePromise, reject) => {
        child!.stdout!.on('data', (chunk: Buffer) => resolvePromise(chunk.toString().trim()));
        child!.on('exit', (code) => reject(new Error(`host exited (${code}): ${stderr}`)));
      });
      const port = Number(new URL(url).port);
      const boards = await Promise.all(Array.from({ length: 300 }, () => idleBoard(port)));
      const held = boards.filter((b) => b.status === 200).length;
      // 200 descriptors, 64 kept for its own work: the rest of the boards are turned away.
      expect(held).toBeGreaterThan(50);
      expect(held).toBeLessThan(200);
      for (const name of ['Edit 1', 'Edit 2']) {
        writeFileSync(file, renamed(name));
        await expect
          .poll(async () => ((await (await fetch(`${url}api/program`)).json()) as { program: typeof seed }).program.event.name, {
            timeout: 10_000,
          })
          .toBe(name);
      }
      expect(child.exitCode).toBeNull();
      expect(stderr).toBe('');
    },
  );
});
