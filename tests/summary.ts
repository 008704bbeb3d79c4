/**
 * The last line of `npm test`: every suite's counts added up, in the plain
 * `N passed, M failed` form CI reads. Each suite wrote its own report under
 * tests/artifacts/reports/ as it ran.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const results = fileURLToPath(new URL('./artifacts/reports/', import.meta.url));
const read = <T>(name: string): T | null =>
  existsSync(results + name) ? (JSON.parse(readFileSync(results + name, 'utf8')) as T) : null;

const unit = read<{ passed: number; failed: number }>('unit-summary.json');
const packaging = read<{ numPassedTests: number; numFailedTests: number }>('packaging.json');
const e2e = read<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>('e2e.json');

const rows: [string, number, number, number][] = [
  ['unit (3 zones)', unit?.passed ?? 0, unit?.failed ?? 0, 0],
  ['packaging', packaging?.numPassedTests ?? 0, packaging?.numFailedTests ?? 0, 0],
  ['end-to-end', (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0), e2e?.stats.unexpected ?? 0, e2e?.stats.skipped ?? 0],
];
for (const [name, passed, failed, skipped] of rows) {
  console.log(`  ${name.padEnd(16)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
const missing = [unit, packaging, e2e].some((r) => r === null);
const passed = rows.reduce((n, r) => n + r[1], 0);
const failed = rows.reduce((n, r) => n + r[2], 0) + (missing ? 1 : 0);
const skipped = rows.reduce((n, r) => n + r[3], 0);
if (missing) console.log('  a suite wrote no report: counted as a failure');
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
