import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests mirror the code: the test of core/engine/timeline.ts is under tests/unit/engine/, of core/hub/* under
// tests/unit/hub/, of core/*.ts under tests/unit/base/, of electron/ under tests/unit/electron/, of build/tools under
// tests/unit/build/, of the lint rules (.config/) under tests/unit/lint/.
//
// The packaging check builds the app with electron-builder (~30 s) and does not
// depend on the machine's time zone, so it runs once (npm run test:packaging)
// rather than in each of test:tz's three zones.
const packaging = process.env.FOYER_TESTS === 'packaging';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: packaging ? ['tests/packaging/**/*.test.ts'] : ['tests/unit/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
