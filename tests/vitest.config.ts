import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Unit tests mirror the code: the test of core/engine/timeline.ts is under tests/unit/engine/, of core/hub/* under
// tests/unit/hub/, of core/*.ts under tests/unit/base/, of electron/ under tests/unit/electron/, of build/tools under
// tests/unit/build/, of the lint rules (.config/) under tests/unit/lint/.
//
// The packaging check builds the app with electron-builder (~30 s) and does not
// depend on the machine's time zone, so it runs once (npm run test:packaging)
// rather than in each of test:tz's three zones.
const packaging = process.env.FOYER_TESTS === 'packaging';

// Suites no clock reaches run in test:tz's first zone only (run-tz.ts sets FOYER_REPEAT_ZONE in the other two):
// hostile files the CLIs refuse, hostile program sources and attacks on the hub, the lint rules on the source, the
// launchers and the build lock. They start processes for about 75 s per zone and check refusals, limits and exit
// codes, which no zone changes. Everything that shows or computes a time, the CLIs' summaries included, runs in every
// zone.
export const ZONE_FREE = [
  'tests/unit/cli/hostile-input.test.ts',
  'tests/unit/node/program-source-hostile.test.ts',
  'tests/unit/hub/attacks.test.ts',
  'tests/unit/lint/**',
  'tests/unit/build/**',
  'tests/unit/node/freshness.test.ts',
];
const repeatZone = process.env.FOYER_REPEAT_ZONE === '1';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: packaging ? ['tests/packaging/**/*.test.ts'] : ['tests/unit/**/*.test.ts'],
    exclude: repeatZone ? [...configDefaults.exclude, ...ZONE_FREE] : configDefaults.exclude,
    testTimeout: 20_000,
    // Much of the suite waits on what it started (CLIs, hubs, Chromium, real sockets): Vitest's default of one worker
    // on two cores left one idle for 40 % of the run. Two there: 104 s instead of 144 s for one zone.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
