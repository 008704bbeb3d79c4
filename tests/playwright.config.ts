/**
 * End-to-end tests against the real hub and Debian's Chromium. The host
 * serves a copy of data/program.json from a temp folder, so a test may edit it;
 * its live state and staff token are in that folder too. The shared host is
 * read-only for tests: one that changes the live state starts its own hub
 * (tests/e2e/board.ts: ownHost), since the live state is every screen's.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.FOYER_E2E_PORT ?? 4317);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Workers load this file too; they inherit the runner's environment and so the same copy.
if (!process.env.FOYER_E2E_PROGRAM) {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-e2e-'));
  const copy = join(dir, 'program.json');
  copyFileSync(join(root, 'data', 'program.json'), copy);
  process.env.FOYER_E2E_PROGRAM = copy;
  process.env.FOYER_E2E_STATE = join(dir, 'state');
  process.env.FOYER_E2E_TOKEN = `e2e-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  writeFileSync(join(dir, 'staff-token'), `${process.env.FOYER_E2E_TOKEN}\n`, { mode: 0o600 });
}
process.env.FOYER_E2E_URL = `http://127.0.0.1:${port}/`;

export default defineConfig({
  // `npm run screenshots` runs the README's screenshots instead of the suite.
  testDir: process.env.FOYER_SCREENSHOTS ? './screenshots' : './e2e',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  // On CI a test that fails once is run again and reported as flaky (never silently passed): the
  // timing checks (first board, spotlight sync) run on a shared 2-core machine.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: './artifacts/reports/e2e.json' }]],
  // The many-screens test (20 boards at once, latency measured) runs alone, after everything else
  // (`--no-deps` runs it by itself: npx playwright test … tests/e2e/hub.spec.ts --no-deps).
  // The old engines (tests/engines: Chromium 77, 83, 92 over the DevTools protocol) run last: beside the board's
  // tests they loaded the machine while its timing checks (first board, latency) ran.
  projects: [
    { name: 'board', testIgnore: /hub\.spec\.ts$/ },
    {
      name: 'many screens',
      testMatch: /hub\.spec\.ts$/,
      dependencies: ['board'],
      // Several boards side by side, each the screen in front, as on a venue's players: a page the browser counts as
      // in the background has its timers lined up on whole seconds, and the boards' reconnection jitter with them.
      use: {
        launchOptions: {
          executablePath: CHROMIUM,
          args: [...CHROMIUM_ARGS, '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
        },
      },
    },
    ...(process.env.FOYER_SCREENSHOTS ? [] : [{ name: 'old engines', testDir: './engines', dependencies: ['many screens'] }]),
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1920, height: 1080 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  webServer: {
    // No cache and the hub's state in the temp folder: the suite must not write into the home folder.
    command: `npx tsx core/cli/hub.ts --program "${process.env.FOYER_E2E_PROGRAM}" --port ${port} --no-cache --state-dir "${process.env.FOYER_E2E_STATE}" --token-file "${join(process.env.FOYER_E2E_STATE!, '..', 'staff-token')}"`,
    cwd: root,
    url: `http://127.0.0.1:${port}/api/program`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
