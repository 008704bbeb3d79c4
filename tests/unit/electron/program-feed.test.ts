/**
 * The kiosk's program feed against real files and a real HTTP server on
 * 127.0.0.1: its log names a source without the secrets a URL may carry, it
 * honours --max-size, and it lets app:// serve only the images the program names.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_OPTIONS, type KioskOptions } from '../../../electron/options.ts';
import { ProgramFeed } from '../../../electron/program-feed.ts';
import { until } from '../../hub-screens.ts';

// The embedded program, as the kiosk ships it.
const SEED_PROGRAM_JSON = fileURLToPath(new URL('../../../data/program.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'foyer-feed-'));
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

async function serve(answer: (url: string) => { status: number; body: string }): Promise<string> {
  const server = createServer((req, res) => {
    const { status, body } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function feedOf(options: Partial<KioskOptions>, lines: string[]): ProgramFeed {
  return new ProgramFeed(
    { ...DEFAULT_KIOSK_OPTIONS, ...options },
    {
      embedded: SEED_PROGRAM_JSON,
      cacheFile: join(dir, `cache-${Math.random()}.json`),
      cacheDir: dir,
      devtools: false,
      token: null,
      screen: () => ({ id: 'test', name: 'test' }),
    },
    (line) => lines.push(line),
  );
}

describe('the kiosk program feed', () => {
  it('logs a failing program URL without its password or token', async () => {
    const host = await serve(() => ({ status: 503, body: 'down for maintenance' }));
    const lines: string[] = [];
    const feed = feedOf({ program: `http://staff:hunter2@${host}/program.json?api_token=s3cr3t-t0ken` }, lines);
    feed.start();
    await until(() => lines.some((line) => line.includes('no program yet')), 'the "no program yet" line', 10_000);
    feed.stop();
    const log = lines.join('\n');
    expect(log).toContain(`http://${host}/program.json?…`);
    expect(log).not.toMatch(/hunter2|s3cr3t-t0ken|staff:/);
  });

  it('refuses a program larger than --max-size and names the limit', async () => {
    // The embedded program, padded past 0.1 MB with whitespace (still valid JSON).
    const seed = readFileSync(SEED_PROGRAM_JSON, 'utf8') + ' '.repeat(200_000);
    const host = await serve(() => ({ status: 200, body: seed }));
    const refused: string[] = [];
    const small = feedOf({ program: `http://${host}/program.json`, maxBytes: 0.1 * 1024 * 1024 }, refused);
    const big = feedOf({ program: `http://${host}/program.json`, maxBytes: 10 * 1024 * 1024 }, []);
    small.start();
    big.start();
    await until(() => big.current() !== null, 'the program within the limit');
    await until(() => refused.some((line) => line.includes('no program yet')), 'the refusal', 10_000);
    small.stop();
    big.stop();
    expect(small.current()).toBeNull();
    expect(refused.join('\n')).toContain('larger than the 0.1 MB limit for a program (raise it with --max-size)');
  });

  it('names, for app://, only the images of the program on screen', async () => {
    const file = join(dir, 'program.json');
    const program = JSON.parse(readFileSync(SEED_PROGRAM_JSON, 'utf8')) as { event: Record<string, unknown> };
    program.event.logo = './images/logo.png';
    writeFileSync(file, JSON.stringify(program));
    const feed = feedOf({ program: file }, []);
    expect(feed.namedFiles.size).toBe(0);
    feed.start();
    await until(() => feed.current() !== null, 'the program file');
    feed.stop();
    expect([...feed.namedFiles]).toContain('images/logo.png');
    expect(feed.programDir).toBe(dir);
  });
});
