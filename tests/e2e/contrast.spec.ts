/**
 * Contrast: every text at 7:1 or more against what is behind it (WCAG 1.4.6),
 * as axe-core computes it from the rendered page, at every moment in both
 * themes, with the default accent and with a program's own accent that would
 * not read as given.
 */
import { expect, test } from '@playwright/test';
import { contrastViolations, fitted, ownHost, seedProgram } from './board.ts';
import { MOMENTS } from './screens.ts';

let host: Awaited<ReturnType<typeof ownHost>>;
test.beforeAll(async () => {
  const program = seedProgram();
  // A pale yellow accent reads on neither theme as given: the board must move it until it does.
  (program.event as Record<string, unknown>).accentColor = '#f5e663';
  (program.event as Record<string, unknown>).url = 'https://example.org/symposium/program';
  host = await ownHost(program);
});
test.afterAll(async () => host.close());

for (const moment of MOMENTS) {
  test(`${moment.name}: every text at 7:1 in both themes, with the default accent and a pale one`, async ({ page }) => {
    const found: string[] = [];
    for (const [base, accent] of [
      ['', 'default'],
      [host.url, 'pale yellow'],
    ] as const) {
      for (const theme of ['dark', 'light']) {
        await page.goto(`${base}/?${moment.query}&theme=${theme}&speed=0&spotlight=600`);
        await fitted(page);
        for (const v of await contrastViolations(page)) found.push(`${theme}, ${accent} accent: ${v}`);
      }
    }
    expect(found).toEqual([]);
  });
}
