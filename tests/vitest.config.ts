import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
