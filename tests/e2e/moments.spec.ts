/** The seed symposium at the moments that matter: the board answers what is on now, what is next, when and who. */
import { expect, test } from '@playwright/test';
import { openBoard, ownHost, seedProgram, shot } from './board.ts';

test('before the reception: a countdown to the welcome reception with its venue and address', async ({ page }) => {
  await openBoard(page, 'at=2026-05-05T12:00');
  await expect(page.getByText('Starts in 5 h 00 min')).toBeVisible();
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next).toContainText('Welcome reception at the Historical Museum');
  await expect(next).toContainText('Historical Museum at Lund University');
  await expect(next).toContainText('Krafts Torg 1, 223 50 Lund');
  await expect(next.locator('time[datetime="2026-05-05T17:00:00+02:00"]')).toHaveText('17:00');
  // Composed for the whole screen (issue #19): "First" across the screen below the greeting, not 65 % blank.
  const blank = await next.evaluate((panel) => {
    const box = panel.getBoundingClientRect();
    const last = Math.max(...[...panel.querySelectorAll('p, h3, span')].map((el) => el.getBoundingClientRect().bottom));
    return { empty: (box.bottom - last) / box.height, width: box.width / innerWidth };
  });
  expect(blank.empty).toBeLessThan(0.35);
  expect(blank.width).toBeGreaterThan(0.9);
  await shot(page, 'moment-before-event');
});

test('during the reception: the venue and address are on the board', async ({ page }) => {
  await openBoard(page, 'at=2026-05-05T17:30');
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now).toContainText('Welcome reception at the Historical Museum');
  await expect(now).toContainText('Krafts Torg 1, 223 50 Lund');
  await expect(page.getByRole('region', { name: 'Next' })).toContainText('Tomorrow 08:30');
  await shot(page, 'moment-reception');
});

test('registration, then the opening next', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T08:35');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Registration');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('10 min left');
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next).toContainText('Opening');
  await expect(next).toContainText('08:45');
  await shot(page, 'moment-registration');
});

test('a talk without a title: speaker, affiliation, "Title to be announced", time range and time left', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:10');
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now).toContainText('Title to be announced');
  await expect(now).toContainText('Peter Richtárik');
  await expect(now).toContainText('KAUST');
  await expect(now.locator('time[datetime="2026-05-06T09:00:00+02:00"]')).toHaveText('09:00');
  await expect(now.locator('time[datetime="2026-05-06T09:40:00+02:00"]')).toHaveText('09:40');
  await expect(now).toContainText('30 min left');
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next).toContainText('Exploiting Similarity in Federated Learning');
  await expect(next).toContainText('Sebastian Stich');
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(agenda).toContainText('Coffee');
  await expect(agenda).toContainText('Lunch');
  await expect(page.locator('.clock-time')).toHaveText('09:10');
  await expect(page.locator('.clock-date')).toHaveText('Wednesday 6 May 2026');
  await shot(page, 'moment-talk');
});

test('a talk with a subtitle shows it under the title', async ({ page }) => {
  await openBoard(page, 'at=2026-05-07T09:05');
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now.locator('.item-subtitle')).toContainText('Convex optimization');
  await expect(now).toContainText('Adrien Taylor');
  await shot(page, 'moment-talk-subtitle');
});

test('a coffee break: what it is, until when, and the speakers coming up after it', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T10:25');
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now).toContainText('Coffee');
  await expect(now).toContainText('until 10:50');
  const spotlight = page.getByRole('region', { name: 'Spotlight' });
  await expect(spotlight.locator('.spotlight-name')).toHaveText(/Niao He|Anastasia Koloskova/);
  await expect(spotlight).toContainText(/ETH Zurich|University of Zurich/);
  await expect(page.getByRole('region', { name: 'Next' })).toContainText('10:50');
  await shot(page, 'moment-coffee');
});

test('lunch: the spotlight shows Boţ, long biography and all', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T12:30');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Lunch');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('until 13:40');
  const spotlight = page.getByRole('region', { name: 'Spotlight' });
  await expect(spotlight.locator('.spotlight-name')).toHaveText('Radu I. Boţ');
  await expect(spotlight).toContainText('University of Vienna');
  await expect(spotlight).toContainText('Strong convergence and fast residual decay');
  await shot(page, 'moment-lunch');
});

test('lightning talks', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T14:30');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Lightning Talks');
  await expect(page.getByRole('region', { name: 'Next' })).toContainText('Poster session & coffee');
  await shot(page, 'moment-lightning');
});

test('a poster session with coffee rotates the speakers of the afternoon', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T15:10');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Poster session & coffee');
  await expect(page.getByRole('region', { name: 'Spotlight' }).locator('.spotlight-name')).toHaveText(
    /Jelena Diakonikolas|Nicolas Loizou/,
  );
  await shot(page, 'moment-poster-session');
});

test('the evening of day 1: what tomorrow starts with and when', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T19:30');
  await expect(page.getByText('See you tomorrow')).toBeVisible();
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next.locator('.section-label')).toHaveText('Tomorrow starts with');
  // The day once: the label names it, so the time stands alone.
  await expect(next.locator('.panel-time')).toHaveText('09:00');
  await expect(next).toContainText('Adrien Taylor');
  await shot(page, 'moment-evening-day1');
});

test('day 2 before the bus: the bus from Lund Cathedral at 18:00 to Turning Torso', async ({ page }) => {
  await openBoard(page, 'at=2026-05-07T17:20');
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next).toContainText('Bus transport to dinner venue Turning Torso in Malmö');
  await expect(next).toContainText('Lund Cathedral');
  await expect(next).toContainText('Lilla Varvsgatan 14, 211 15 Malmö');
  await expect(next.locator('time[datetime="2026-05-07T18:00:00+02:00"]')).toBeVisible();
  await expect(next).toContainText('in 40 min');
  await shot(page, 'moment-before-bus');
});

test('day 2 on the bus, then the dinner at Turning Torso', async ({ page }) => {
  await openBoard(page, 'at=2026-05-07T18:20');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Bus transport');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('from 18:00');
  const next = page.getByRole('region', { name: 'Next' });
  await expect(next).toContainText('Symposium dinner');
  await expect(next).toContainText('Turning Torso');
  await expect(next).toContainText('19:00');
  await shot(page, 'moment-bus');
});

test('day 2 dinner', async ({ page }) => {
  await openBoard(page, 'at=2026-05-07T20:00');
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now).toContainText('Symposium dinner');
  await expect(now).toContainText('Lilla Varvsgatan 14, 211 15 Malmö');
  await expect(page.getByRole('region', { name: 'Next' })).toContainText('Tomorrow');
  await shot(page, 'moment-dinner');
});

test('the two-part talk shows the part and both speakers', async ({ page }) => {
  await openBoard(page, 'at=2026-05-08T15:50');
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now).toContainText('Part 1 of 2');
  await expect(now).toContainText('Understanding Optimization in Deep Learning with Central Flows');
  await expect(now).toContainText('Jeremy Cohen');
  await expect(now).toContainText('Alex Damian');
  await expect(page.getByRole('region', { name: 'Next' })).toContainText('Part 2 of 2');
  await shot(page, 'moment-two-part-talk');
});

test('the closing', async ({ page }) => {
  await openBoard(page, 'at=2026-05-08T17:08');
  await expect(page.getByRole('region', { name: 'Now' })).toContainText('Closing');
  await shot(page, 'moment-closing');
});

test('after the event: a thank-you screen, never an empty board', async ({ page }) => {
  await openBoard(page, 'at=2026-05-09T10:00');
  await expect(page.getByText('Thank you for coming')).toBeVisible();
  await shot(page, 'moment-after-event');
});

test('light theme', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T09:50&theme=light');
  await expect(page.locator('.app')).toHaveClass(/theme-light/);
  // Polled: the board the hub put in the page may be replaced by the script's between two reads.
  await expect.poll(() => page.locator('.app').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(238, 241, 246)');
  await shot(page, 'theme-light');
});

test('registration desk view: the whole day, past dimmed, current highlighted, venues', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T10:00&view=agenda');
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(agenda.locator('.day-row')).toHaveCount(13);
  await expect(agenda.locator('.day-row.past').first()).toContainText('Registration');
  await expect(agenda.locator('.day-row.current')).toContainText('Exploiting Similarity');
  await expect(page.getByLabel('Venues')).toContainText('Krafts Torg 1');
  await shot(page, 'view-agenda');
});

test('spotlight view: the speakers of the rest of the day, full screen', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T13:00&mode=spotlight&spotlight=600');
  await expect(page.getByRole('region', { name: 'Spotlight' }).locator('.spotlight-name')).toBeVisible();
  await shot(page, 'view-spotlight');
});

test('early on day 1: when the day starts', async ({ page }) => {
  await openBoard(page, 'at=2026-05-06T07:30');
  await expect(page.getByText('The day starts at 08:30')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Next' })).toContainText('Registration');
  await shot(page, 'moment-morning-day1');
});

test('registration desk view: a QR code to the program URL when the file gives one', async ({ page }) => {
  const program = seedProgram();
  (program.event as Record<string, unknown>).url = 'https://example.org/symposium/program';
  const host = await ownHost(program);
  try {
    await openBoard(page, 'at=2026-05-06T10:00&mode=agenda', host.url);
    const qr = page.getByRole('img', { name: 'QR code: https://example.org/symposium/program' });
    await expect(qr).toBeVisible();
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await expect(page.getByLabel('Program online')).toContainText('example.org/symposium/program');
    await shot(page, 'view-agenda-qr');
  } finally {
    await host.close();
  }
});
