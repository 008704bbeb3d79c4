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

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

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
    expect(stdout).toContain('1 warning:\n  1 multi-part talk has parts missing\n');
    expect(stdout).toContain(`    ${file}: items[36].part: multi-part talk "central-flows" says 2 parts but the program has 1\n`);
    expect(stdout).toContain('4 days, 38 items, 1 room, 20 speakers');
  });

  it('accepts two talks overlapping in one room, with a warning that says how to silence it', async () => {
    const file = 'tests/fixtures/program/overlap.json';
    const { code, stdout, stderr } = await validate(file);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain(`${file}: OK`);
    expect(stdout).toContain(
      '  1 item overlaps another in the same room — fine when intended (a workshop inside an all-day slot): mark such items "overlaps": true\n' +
        `    ${file}: items[2]: "Second talk" (09:30–10:20) overlaps items[1] "First talk" (09:00–09:40) in room "main"\n`,
    );
  });

  it('summarises many warnings by kind with two examples each, and lists them all with --verbose', async () => {
    const program = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/valid-small.json'), 'utf8')) as {
      items: { id: string; kind: string; start: string; end?: string; room?: string; title?: string }[];
    };
    // An all-day workshop with five sessions inside it, none marked as intended.
    program.items.push({
      id: 'solder',
      kind: 'talk',
      start: '2026-05-07T09:00',
      end: '2026-05-07T17:00',
      room: 'main',
      title: 'Learn to solder',
    });
    for (let h = 10; h < 15; h++) {
      program.items.push({
        id: `s${h}`,
        kind: 'talk',
        start: `2026-05-07T${h}:00`,
        end: `2026-05-07T${h}:45`,
        room: 'main',
        title: `Session ${h}`,
      });
    }
    const file = join(scratch, 'solder.json');
    writeFileSync(file, JSON.stringify(program));
    const short = await validate(file);
    expect(short.code).toBe(0);
    expect(short.stdout).toContain('5 warnings (--verbose lists every one):\n  5 items overlap another in the same room');
    expect(short.stdout).toContain(
      `    ${file}: items[6]: "Session 10" (10:00–10:45) overlaps items[5] "Learn to solder" (09:00–17:00) in room "main"\n`,
    );
    expect(short.stdout).toContain('    … and 3 more\n');
    expect(short.stdout).not.toContain('"Session 12"');
    const full = await validate(file, '--verbose');
    expect(full.stdout).toContain('5 warnings:\n');
    for (let h = 10; h < 15; h++) expect(full.stdout).toContain(`"Session ${h}" (${h}:00–${h}:45) overlaps items[5]`);
    // Marking the container as intended silences every overlap inside it.
    (program.items[5] as { overlaps?: boolean }).overlaps = true;
    writeFileSync(file, JSON.stringify(program));
    const silent = await validate(file);
    expect([silent.code, silent.stdout.includes('warning')]).toEqual([0, false]);
  });

  it('reads its flags as every launcher does: --max-size=N, a zone that is one, and no unknown flag taken for a file', async () => {
    const small = await validate('--max-size=0.01', 'data/program.json');
    expect([small.code, small.stderr]).toEqual([
      1,
      'data/program.json: larger than the 0.01 MB limit for a program (raise it with --max-size)\n',
    ]);
    const zone = await validate('data/program.json', '--timezone', 'Mars/Olympus');
    expect([zone.code, zone.stderr.split('\n')[0]]).toEqual([
      1,
      '--timezone must be an IANA zone like Europe/Stockholm, not "Mars/Olympus"',
    ]);
    const typo = await validate('data/program.json', '--verbsoe');
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([1, 'unknown flag --verbsoe']);
  });

  it('without a file prints how to use it and exits 1', async () => {
    const { code, stderr } = await validate();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^usage: npm run validate -- FILE/);
  });
});
