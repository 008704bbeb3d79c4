/**
 * Every real export in the corpus through `npm run import` and then
 * `npm run validate` as real processes: the written program validates as
 * written (exit 0), and the warning summary's counts per kind match counts
 * computed here from the raw file (regex and JSON walking, not the importer).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../../fixture-paths.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'foyer-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(cli: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', `core/cli/${cli}.ts`, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const raw = (file: string) => readFileSync(CORPUS + file, 'utf8');

/** Events of a frab XML file: room, instant range, local start "HH:MM". */
function xmlEvents(text: string) {
  return text
    .split(/<room [^>]*name="/)
    .slice(1)
    .flatMap((chunk) => {
      const room = chunk.slice(0, chunk.indexOf('"'));
      return [...chunk.matchAll(/<date>([^<]+)<\/date>\s*<start>([^<]+)<\/start>\s*<duration>(\d+):(\d+)<\/duration>/g)].map(
        (m) => {
          const start = DateTime.fromISO(m[1]!).toMillis();
          return { room, start, end: start + (Number(m[3]) * 60 + Number(m[4])) * 60_000, local: m[2]! };
        },
      );
    });
}

/** Events that start while an earlier one in the same room still runs: what the overlap warning counts. */
function overlapping(events: { room: string; start: number; end: number }[]): number {
  let count = 0;
  const rooms = new Set(events.map((e) => e.room));
  for (const room of rooms) {
    const list = events.filter((e) => e.room === room && e.end > e.start).sort((a, b) => a.start - b.start);
    list.forEach((e, i) => {
      if (list.slice(0, i).some((earlier) => earlier.end > e.start)) count++;
    });
  }
  return count;
}

interface Expected {
  /** Summary lines of the warnings, in the order printed (most frequent kind first). */
  kinds: string[];
  /** Warnings the validator still prints for the written program. */
  validate: string[];
}

function counts38c3() {
  const text = raw('38c3-hub.xml');
  const events = xmlEvents(text);
  expect(events).toHaveLength(1007);
  return {
    overlaps: overlapping(events),
    afterMidnight: events.filter((e) => e.local < '06:00').length,
    movedTitles: [...text.matchAll(/<title>([^<]*)<\/title>/g)].filter((m) => /[[(][^\])]*(verschoben|new time)/i.test(m[1]!))
      .length,
  };
}

function expected38c3(): Expected {
  const { overlaps, afterMidnight, movedTitles } = counts38c3();
  return {
    kinds: [
      `  ${movedTitles} titles say the session moved; kept where the file puts it`,
      `  ${overlaps} items overlap another in the same room`,
      '  1 note on days that run past midnight',
      `days run past midnight: ${afterMidnight} sessions between 00:00 and 06:00 belong to the day before`,
    ],
    validate: [`  ${overlaps} items overlap another in the same room`],
  };
}

function expectedHubV2(): Expected {
  const events = (JSON.parse(raw('38c3-hub-v2-example.json')) as { schedule: { events: { start: string }[] } }).schedule.events;
  const early = events.filter((e) => DateTime.fromISO(e.start, { zone: 'Europe/Berlin' }).hour < 6).length;
  return {
    kinds: ['  1 note on days that run past midnight', `${early} session between 00:00 and 06:00 belongs to the day before`],
    validate: [],
  };
}

const CASES: Record<string, () => Expected> = {
  '38c3-hub.xml': expected38c3,
  '38c3-hub-v2-example.json': expectedHubV2,
  // No zone in the file: every time carries +01:00 (checked in import-corpus.test.ts).
  'rc3-channels-2020-pretalx.json': () => ({ kinds: ['  1 note on the time zone'], validate: [] }),
  'lca2020.ics': () => {
    const tzids = new Set([...raw('lca2020.ics').matchAll(/TZID=([^:;]+)/g)].map((m) => m[1]));
    expect(raw('lca2020.ics')).not.toContain('BEGIN:VTIMEZONE');
    return { kinds: [`  ${tzids.size} warning about TZID`], validate: [] };
  },
  // Durations "00:25"/"0:40"-style are normal forms: no warning at all.
  'fosdem-2025.xml': () => ({ kinds: [], validate: [] }),
  'camp2019-frab.json': () => ({ kinds: [], validate: [] }),
};

describe.concurrent('every corpus file: imported, then validated as written', { timeout: 120_000 }, () => {
  it('covers every file in the corpus', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [file, expectation] of Object.entries(CASES)) {
    it(`${file}: warning summary counts match the raw file, and the output validates with exit 0`, async () => {
      const expected = expectation();
      const out = join(scratch, `${file}.json`);
      const imported = await run('import', [`tests/fixtures/corpus/${file}`, '-o', out]);
      expect([imported.code, imported.stderr]).toEqual([0, '']);
      if (expected.kinds.length === 0) expect(imported.stdout).not.toMatch(/^\d+ warnings?\b/m);
      for (const line of expected.kinds) expect(imported.stdout).toContain(line);
      // Two examples per kind at most: the summary stays short however many there are.
      expect(imported.stdout).not.toMatch(/^ {4}[^ .…].*\n {4}[^ .…].*\n {4}[^ .…]/m);

      const validated = await run('validate', [out]);
      expect([validated.code, validated.stderr]).toEqual([0, '']);
      expect(validated.stdout).toContain(`${out}: OK`);
      if (expected.validate.length === 0) expect(validated.stdout).not.toMatch(/^\d+ warnings?\b/m);
      for (const line of expected.validate) expect(validated.stdout).toContain(line);
    });
  }

  it('38c3-hub.xml with --verbose lists every warning, one line each', async () => {
    const { overlaps, movedTitles } = counts38c3();
    const run1 = await run('import', ['tests/fixtures/corpus/38c3-hub.xml', '--verbose', '-o', join(scratch, 'verbose.json')]);
    const count = Number(/^(\d+) warnings:$/m.exec(run1.stdout)![1]);
    const lines = run1.stdout.split('\n').filter((l) => l.startsWith('tests/fixtures/corpus/38c3-hub.xml: '));
    // The "format" line starts the same way; every other such line is a warning.
    expect(lines.length - 1).toBe(count);
    const optouts = raw('38c3-hub.xml').match(/<optout>true<\/optout>/g)!.length;
    expect(run1.stdout).toContain(`\n  ${optouts} not recorded\n`);
    // Each overlap, each moved title, and the one note on days past midnight.
    expect(count).toBe(overlaps + movedTitles + 1);
    expect(lines.filter((l) => l.includes(' overlaps '))).toHaveLength(overlaps);
  });
});
