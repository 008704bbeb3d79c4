/**
 * Whatever a source returns, the loader answers with a program or with
 * messages naming the file; it never throws and never hangs. Real exports from
 * tests/fixtures/corpus, mutated the ways downloads and editors break them:
 * cut off, bytes flipped, lines dropped or repeated, a value mangled, a hostile
 * line spliced in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProgramText } from '../../../core/import/load.ts';
import { CORPUS } from '../../fixture-paths.ts';

/** Lines that once broke an importer, spliced in at random. */
const HOSTILE_LINES = [
  'DTSTART:20260506T1000',
  'DTSTART:',
  'DURATION:soon',
  '<!DOCTYPE schedule [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  '<!ENTITY % p "x">',
  '&x;',
  '<day>'.repeat(500),
  '**a '.repeat(5000),
  '[a]('.repeat(5000),
  '<!---->'.repeat(40),
  '{"version": 1, "event": ',
  '\u202e\u0000\u001b[2J',
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; positions: number[]; bytes: number[] }
  | { kind: 'drop'; line: number; count: number }
  | { kind: 'repeat'; line: number; count: number }
  | { kind: 'splice'; line: number; hostile: number }
  | { kind: 'corrupt'; line: number; value: string };

/** A place in the file, from 0 to 1 (fc.double favours 0 and values near it). */
const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({
    kind: fc.constant('flip' as const),
    positions: fc.array(fraction, { minLength: 1, maxLength: 8 }),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 8, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('drop' as const),
    line: fraction,
    count: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    line: fraction,
    count: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    line: fraction,
    hostile: fc.integer({ min: 0, max: HOSTILE_LINES.length - 1 }),
  }),
  // A value mangled after its key: DTSTART;TZID=…:2020011T9, "start":0-T1.
  fc.record({
    kind: fc.constant('corrupt' as const),
    line: fraction,
    value: fc.string({ unit: fc.constantFrom(...'0123456789T:-+Z.P HMS'), maxLength: 12 }),
  }),
);

function mutate(original: Buffer, mutations: Mutation[]): string {
  let bytes = Buffer.from(original);
  for (const m of mutations) {
    if (m.kind === 'truncate') bytes = bytes.subarray(0, Math.floor(bytes.length * m.at));
    else if (m.kind === 'flip') {
      bytes = Buffer.from(bytes);
      m.positions.forEach((p, i) => {
        if (bytes.length) bytes[Math.floor(p * (bytes.length - 1))] = m.bytes[i]!;
      });
    } else {
      const lines = bytes.toString('utf8').split('\n');
      const at = Math.floor(m.line * lines.length);
      if (m.kind === 'drop') lines.splice(at, m.count);
      else if (m.kind === 'repeat') lines.splice(at, 0, ...lines.slice(at, at + m.count));
      else if (m.kind === 'splice') lines.splice(at, 0, HOSTILE_LINES[m.hostile]!);
      else {
        // Among the lines holding a number after a colon: times, dates, durations.
        const valued = lines.flatMap((line, i) => (/:.*\d/.test(line) ? [i] : []));
        const pick = valued[Math.floor(m.line * valued.length)];
        if (pick !== undefined) lines[pick] = lines[pick]!.slice(0, lines[pick]!.indexOf(':') + 1) + m.value;
      }
      bytes = Buffer.from(lines.join('\n'));
    }
  }
  return bytes.toString('utf8');
}

const EXPORTS = readdirSync(CORPUS).sort();

describe('mutated real exports never make the loader throw or hang', { timeout: 120_000 }, () => {
  for (const file of EXPORTS) {
    const original = readFileSync(CORPUS + file);
    // The two 2 MB XML files take about half a second a load, the others a tenth of that; the unit
    // suite runs in three time zones. FOYER_FUZZ_RUNS=1000 digs deeper.
    const runs = Number(process.env.FOYER_FUZZ_RUNS ?? (original.length > 1_000_000 ? 10 : 50));
    it(`${file}: ${runs} mutants`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const text = mutate(original, mutations);
          const started = performance.now();
          const result = loadProgramText(text, file);
          // A hang is minutes; a 2 MB export takes about a second, several on a loaded machine.
          expect(performance.now() - started).toBeLessThan(30_000);
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) expect(error.startsWith(`${file}: `)).toBe(true);
          }
        }),
        { numRuns: runs },
      );
    });
  }
});
