/**
 * `npm run validate -- FILE` run as a real process, the way an organiser runs it:
 * exit code, what is printed, and never a stack trace.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function validate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'core/cli/validate.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const STACK = /^\s+at |Error:|node:internal|\.ts:\d+/m;
const scratch = mkdtempSync(join(tmpdir(), 'foyer-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each case is its own process (tsx compiles the CLI, ~2 s): run them side by side, and allow
// for a loaded CI machine.
describe.concurrent('npm run validate', { timeout: 90_000 }, () => {
  it('accepts the seed program and summarises it: 4 days, 39 items, 21 speakers', async () => {
    const { code, stdout, stderr } = await validate('data/program.json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('data/program.json: OK');
    expect(stdout).toContain('4 days, 39 items, 1 room, 21 speakers');
    expect(stdout).toContain('Tue 5 May: 1 item\n');
    expect(stdout).toContain('Wed 6 May: 13 items');
    expect(stdout).toContain('Thu 7 May: 13 items');
    expect(stdout).toContain('Fri 8 May: 12 items');
    expect(stdout).toContain('rooms: Main room (main)');
  });

  for (const [fixture, message] of [
    ['end-before-start', 'items[2]: end 09:30 is before start 09:40'],
    ['malformed-trailing-comma', 'not valid JSON at line 58, column 5'],
    ['unknown-timezone', 'event.timezone: unknown time zone "Europe/Stokholm"'],
    ['overlap', 'items[2]: "Second talk" (09:30–10:20) overlaps items[1] "First talk" (09:00–09:40) in room "main"'],
  ] as const) {
    it(`refuses ${fixture}.json with exit code 1, the file name and the problem, no stack trace`, async () => {
      const file = `tests/fixtures/broken/${fixture}.json`;
      const { code, stdout, stderr } = await validate(file);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${file}: ${message}`);
      expect(stderr).toContain(`${file}: 1 problem; the program was not accepted`);
      expect(stderr).not.toMatch(STACK);
    });
  }

  it('reports a missing file in one line', async () => {
    const { code, stderr } = await validate('data/no-such-program.json');
    expect([code, stderr]).toEqual([1, 'data/no-such-program.json: no such file\n']);
  });

  it('reports a directory in one line', async () => {
    const { code, stderr } = await validate('data');
    expect([code, stderr]).toEqual([1, 'data: is a directory, not a program file\n']);
  });

  it('reports a path through a file in one line', async () => {
    const { code, stderr } = await validate('data/program.json/inner.json');
    expect(code).toBe(1);
    expect(stderr).toBe('data/program.json/inner.json: no such file (part of the path is a file, not a folder)\n');
  });

  // Root reads any file whatever its mode, so this can only be shown as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file in one line', async () => {
    const file = join(scratch, 'locked.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o000);
    const { code, stderr } = await validate(file);
    expect([code, stderr]).toEqual([1, `${file}: cannot be read (permission denied)\n`]);
  });

  it('checks several files and fails if any fails', async () => {
    const { code, stdout, stderr } = await validate('data/program.json', 'tests/fixtures/broken/version-2.json');
    expect(code).toBe(1);
    expect(stdout).toContain('data/program.json: OK');
    expect(stderr).toContain('tests/fixtures/broken/version-2.json: version: version is the number 2; it must be 1');
  });

  it('prints a multi-part warning but still accepts the file', async () => {
    const program = JSON.parse(readFileSync(join(ROOT, 'data/program.json'), 'utf8')) as { items: { id: string }[] };
    program.items = program.items.filter((i) => i.id !== 'd3-1625-talk');
    const file = join(scratch, 'one-part.json');
    writeFileSync(file, JSON.stringify(program));
    const { code, stdout } = await validate(file);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `warning: ${file}: items[36].part: multi-part talk "central-flows" says 2 parts but the program has 1`,
    );
    expect(stdout).toContain('4 days, 38 items, 1 room, 20 speakers');
  });

  it('without a file prints how to use it and exits 1', async () => {
    const { code, stderr } = await validate();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^usage: npm run validate -- FILE/);
  });
});
