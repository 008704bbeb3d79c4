// The Electron kiosk's smoke test: its own config, because it launches the app rather than a browser.
// Run: npx playwright test --config tests/electron/playwright.config.ts (skips itself where the Electron binary is missing).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
