/**
 * `npm run validate` and `npm run import` as real processes, fed what issue
 * #10 found: inputs that threw, a file of 300,000 bad items, control
 * characters in a title, a directory, a gzip bomb, a URL with a token, a
 * reader that closes the pipe. Always lines naming the file, never a stack
 * trace or a raw escape sequence, and quickly.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSED } from '../../hostile.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const STACK = /^\s+at |node:internal|\.ts:\d+|internal error/m;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function run(cli: 'validate' | 'import', args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `core/cli/${cli}.ts`, ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 90_000 },
      (error, stdout, stderr) => {
        resolvePromise({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'foyer-cli-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.concurrent('hostile files, one line each naming the file', { timeout: 120_000 }, () => {
  for (const input of REFUSED) {
    it(`${input.what}: validate and import`, async () => {
      const file = join(scratch, input.file);
      writeFileSync(file, input.text);
      for (const cli of ['validate', 'import'] as const) {
        const { code, stdout, stderr } = await run(cli, cli === 'validate' ? [file] : [file, '-o', join(scratch, 'out.json')]);
        expect(code, `${cli} ${input.file}`).toBe(1);
        expect(stdout).toBe('');
        expect(stderr, `${cli} ${input.file}`).not.toMatch(STACK);
        const first = stderr.split('\n')[0]!;
        expect(first.startsWith(`${file}: `), first).toBe(true);
        expect(first.slice(file.length + 2)).toMatch(input.refusal);
      }
    });
  }

  it('import names a directory, as validate does', async () => {
    const { code, stderr } = await run('import', ['data', '-o', join(scratch, 'dir.json')]);
    expect([code, stderr]).toEqual([1, 'data: is a directory, not a program file\n']);
  });
});

describe('what reaches the terminal', { timeout: 120_000 }, () => {
  it('control characters and bidirectional overrides from a program are shown escaped', async () => {
    const program = JSON.parse(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8')) as {
      items: { id: string; room?: string }[];
    };
    program.items[3]!.room = '\u001b[2J\u001b]0;pwned\u0007\u202e';
    const file = join(scratch, 'escapes.json');
    writeFileSync(file, JSON.stringify(program));
    const { code, stderr } = await run('validate', [file]);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('unknown room "\\x1b[2J\\x1b]0;pwned\\x07"');
  });

  it('a file of 300,000 bad items: ten problems, then how many more, in seconds', async () => {
    const program = JSON.parse(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8')) as Record<string, unknown>;
    program.items = Array.from({ length: 300_000 }, (_, i) => ({ id: `i${i}`, kind: 'talk', start: 930 }));
    const file = join(scratch, 'huge.json');
    writeFileSync(file, JSON.stringify(program));
    const { code, stderr, ms } = await run('validate', [file]);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe(`${file}: items[0].start: start must be text in double quotes, not the number 930`);
    expect(lines[10]).toBe('… and 299,990 more');
    expect(lines[11]).toBe(`${file}: 300000 problems; the program was not accepted`);
    expect(ms).toBeLessThan(30_000);
  });

  it('a reader that closes the pipe early gets no stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'core/cli/validate.ts', 'data/program.json', 'data/program.json'], {
      cwd: ROOT,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(0);
  });
});

describe('npm run import from a hostile server', { timeout: 120_000 }, () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // 100 MB of spaces in about 100 KB.
    const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 });
    server = createServer((req, res) => {
      if (req.url?.startsWith('/bomb')) {
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
        res.end(bomb);
      } else {
        res.writeHead(500);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('refuses a gzip bomb at the limit, which --max-size moves, naming the URL without its token', async () => {
    const out = join(scratch, 'bomb.json');
    const refused = await run('import', [`${base}/bomb.json?api_token=s3cret`, '-o', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${base}/bomb.json?…: larger than the 20 MB limit for a program (raise it with --max-size)\n`);
    const smaller = await run('import', [`${base}/bomb.json`, '--max-size', '5', '-o', out]);
    expect(smaller.stderr).toBe(`${base}/bomb.json: larger than the 5 MB limit for a program (raise it with --max-size)\n`);
  });

  it('names a server error without the token', async () => {
    mkdirSync(join(scratch, 'e'), { recursive: true });
    const { code, stderr } = await run('import', [`${base}/x.json?token=s3cret`, '-o', join(scratch, 'e', 'x.json')]);
    expect([code, stderr]).toEqual([1, `${base}/x.json?…: the server answered 500 Internal Server Error\n`]);
  });
});
