/**
 * A line of text is wholly visible or not shown: every moment, in six sizes, at
 * load and after the spotlight, a biography page and a list page have turned.
 * One page per moment; the sizes are set on it one after another.
 */
import { expect, test } from '@playwright/test';
import { fittedAt, openPaused, ownHost, seedProgram, shot } from './board.ts';
import { cutLines } from './lines.ts';
import { MOMENTS, SIZES } from './screens.ts';

/** The seed with a program URL, so the registration desk shows its QR code too. */
let host: Awaited<ReturnType<typeof ownHost>>;
test.beforeAll(async () => {
  const program = seedProgram();
  (program.event as Record<string, unknown>).url = 'https://example.org/symposium/program';
  host = await ownHost(program);
});
test.afterAll(async () => host.close());

for (const moment of MOMENTS) {
  test(`${moment.name}: no line cut in any size, before or after a page turn`, async ({ page }) => {
    test.setTimeout(120_000);
    await openPaused(page, moment.query, host.url);
    const found: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const turn of [0, 1, 2]) {
        // 7.5 s: half a spotlight turn, one biography page; two of them turn the spotlight itself.
        if (turn > 0) await page.clock.runFor(7_500);
        await fittedAt(page, size);
        if (turn === 0) await shot(page, `lines-${moment.name}-${size.name}`);
        for (const p of await cutLines(page)) found.push(`${size.name}${turn ? ` after ${turn} turns` : ''}: ${p.problem}: "${p.text}"`);
      }
    }
    expect(found).toEqual([]);
  });
}
