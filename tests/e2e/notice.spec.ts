/**
 * The program's notice line ("The program is subject to change") is the
 * organiser's free text, up to 200 characters, with or without spaces. However
 * long, it stays a footnote: wholly visible or not shown, never wider than the
 * screen, and it never takes the room Now and Next need.
 */
import { expect, test, type Page } from '@playwright/test';
import { cutLines } from './lines.ts';
import { fittedAt, ownHost, openBoard, seedProgram, shot, type OwnHost } from './board.ts';

const NOTICES = {
  sentence:
    'Please note that the program is subject to change: rooms, times and speakers may move at short notice, ' +
    'so check the screens in the hallway and the printed sheet at the registration desk before going.',
  'no spaces': `https://example.org/${'symposium-program-and-practical-information-'.repeat(5)}`.slice(0, 200),
};

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1080, height: 1920 },
];

const hosts: Record<string, OwnHost> = {};
test.beforeAll(async () => {
  for (const [name, notice] of Object.entries(NOTICES)) {
    expect(notice.length).toBeGreaterThanOrEqual(196);
    expect(notice.length).toBeLessThanOrEqual(200);
    const program = seedProgram();
    (program.event as Record<string, unknown>).notice = notice;
    hosts[name] = await ownHost(program);
  }
});
test.afterAll(async () => Promise.all(Object.values(hosts).map((host) => host.close())));

/** The heights of the Now and Next titles' text, as read on screen. */
async function titleHeights(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    ['Now', 'Next'].map((name) => {
      const title = document.querySelector(`[aria-label="${name}"] .item-title`);
      return title ? parseFloat(getComputedStyle(title).fontSize) : 0;
    }),
  );
}

for (const [name, notice] of Object.entries(NOTICES)) {
  test(`a 200-character notice (${name}) stays a footnote in every size`, async ({ page }) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // The same moment with the embedded program's short notice, then with the long one.
      await openBoard(page, 'at=2026-05-07T09:10&speed=0&room=main');
      const usual = await titleHeights(page);
      await openBoard(page, 'at=2026-05-07T09:10&speed=0&room=main', hosts[name]!.url);
      await fittedAt(page, size);
      const label = `${name} at ${size.width}×${size.height}`;
      await shot(page, `notice-${name.replace(' ', '-')}-${size.width}x${size.height}`);
      expect(await cutLines(page), label).toEqual([]);
      const line = page.locator('.notice-line');
      // Shown, or left out as a whole: either way never wider than the screen.
      if (await line.isVisible()) {
        const box = (await line.boundingBox())!;
        expect(box.x, label).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, label).toBeLessThanOrEqual(size.width);
        expect(notice.startsWith((await line.textContent())!.trim().slice(0, 20)), label).toBe(true);
      }
      // Now and Next keep their size: the notice takes at most a sliver of what they had.
      const long = await titleHeights(page);
      for (const [i, height] of long.entries()) expect(height, `${label}: title ${i}`).toBeGreaterThanOrEqual(usual[i]! * 0.9);
    }
  });
}
