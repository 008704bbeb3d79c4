/** Every screen, every text: nothing runs off screen, nothing is clipped, body text readable from a distance. */
import { expect, test } from '@playwright/test';
import { clippedText, openBoard, shot, smallestTextShare } from './board.ts';

const SIZES = [
  { name: '1080p', width: 1920, height: 1080 },
  { name: '4k', width: 3840, height: 2160 },
  { name: '720p', width: 1280, height: 720 },
  { name: 'portrait', width: 1080, height: 1920 },
];

const MOMENTS = [
  { name: 'talk', query: 'at=2026-05-06T09:50' },
  { name: 'lunch-bot', query: 'at=2026-05-06T12:30&spotlight=600' },
  { name: 'long-title', query: 'at=2026-05-06T13:50' },
  { name: 'giselsson', query: 'at=2026-05-07T09:45' },
  { name: 'coffee-giselsson', query: 'at=2026-05-07T10:25&spotlight=600' },
  { name: 'two-part', query: 'at=2026-05-08T15:50' },
  { name: 'before-event', query: 'at=2026-05-05T12:00' },
  { name: 'before-bus', query: 'at=2026-05-07T17:20' },
  { name: 'evening', query: 'at=2026-05-06T19:30' },
  { name: 'after', query: 'at=2026-05-09T10:00' },
  { name: 'agenda', query: 'at=2026-05-06T10:00&mode=agenda' },
  { name: 'spotlight-view', query: 'at=2026-05-07T09:30&mode=spotlight&spotlight=600' },
];

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    for (const moment of MOMENTS) {
      test(`${moment.name} fits`, async ({ page }) => {
        await openBoard(page, moment.query);
        await shot(page, `size-${size.name}-${moment.name}`);
        expect(await clippedText(page)).toEqual([]);
        const smallest = await smallestTextShare(page);
        expect(smallest.share, `smallest text: ${smallest.text}`).toBeGreaterThanOrEqual(0.0215);
      });
    }
  });
}
