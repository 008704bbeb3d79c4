/**
 * `npm run test:tz`: the unit suite three times, with the machine's zone set to
 * UTC, Los Angeles and Tokyo, because a kiosk's zone is whatever the venue PC
 * says and the board must not care. Ends with the one line CI reads:
 * `unit: N passed, M failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo'] as const;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

interface JsonReport {
  numPassedTests?: number;
  numFailedTests?: number;
  success?: boolean;
}

const scratch = mkdtempSync(join(tmpdir(), 'foyer-tz-'));
let passed = 0;
let failed = 0;
let anyRunFailed = false;

try {
  for (const zone of ZONES) {
    console.log(`\n===== unit tests with TZ=${zone} =====`);
    const report = join(scratch, `${zone.replace('/', '_')}.json`);
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [
        VITEST,
        'run',
        '--config',
        'tests/vitest.config.ts',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${report}`,
        ...process.argv.slice(2),
      ],
      // After the first zone, the suites no clock reaches are left out (tests/vitest.config.ts: ZONE_FREE).
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TZ: zone, FOYER_REPEAT_ZONE: zone === ZONES[0] ? '' : '1' } },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!existsSync(report)) {
      // Vitest died before reporting (a syntax error, a crash): count the run as one failure.
      console.log(`===== TZ=${zone}: no report (exit ${run.status ?? run.signal}) after ${seconds} s =====`);
      failed += 1;
      anyRunFailed = true;
      continue;
    }
    const json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    if (run.status !== 0 || json.success === false) anyRunFailed = true;
    console.log(`===== TZ=${zone}: ${json.numPassedTests ?? 0} passed, ${json.numFailedTests ?? 0} failed in ${seconds} s =====`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`unit: ${passed} passed, ${failed} failed`);
// For tests/summary.ts, which adds up every suite of `npm test` in its last line.
// Not under test-results/: Playwright empties that folder when the end-to-end suite starts.
mkdirSync(join(ROOT, 'tests', 'artifacts', 'reports'), { recursive: true });
writeFileSync(join(ROOT, 'tests', 'artifacts', 'reports', 'unit-summary.json'), JSON.stringify({ passed, failed }));
process.exitCode = anyRunFailed || failed > 0 ? 1 : 0;
