/**
 * The board in real old Chromium (77, 83, 92: the venues' TVs and players, docs/players.md), driven over the
 * DevTools protocol: the five views, the hub's heartbeat reaching the fleet and a staff command reaching the board.
 * Nothing may go wrong on the way: no console error, no uncaught exception; every line wholly visible, every text
 * at its size floor, nothing held back while there is room for it, by the same in-page checks the e2e suite runs in
 * current Chromium. Screenshots in tests/artifacts/screenshots/old-engines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HUB_API } from '../../core/hub/api.ts';
import { startHub, type TestHub } from '../hub-screens.ts';
import { congress38c3 } from '../e2e/congress.ts';
import { fittedInPage, ROOT, seedProgram } from '../e2e/board.ts';
import { cutLinesInPage, ESSENTIAL, roomLeftInPage, ROLES, SHARE, smallTextsInPage } from '../e2e/lines.ts';
import { Browser, type Page } from './cdp.ts';
import { OLD_ENGINES, unpackEngine } from './old-chromium.ts';

const SHOTS = join(ROOT, 'tests', 'artifacts', 'screenshots', 'old-engines');
const SIZE = { width: 1920, height: 1080 };
const TOKEN = 'old-engines-staff-token-0123456789';

/** The views, each at a moment that shows it (the seed symposium; all rooms on 38C3's 72). */
const VIEWS = [
  { name: 'board', query: 'at=2026-05-06T09:10&speed=0', region: 'Now', text: /Peter Richtárik/ },
  // Both speakers of the break, on the pages current Chromium gives them (one paged in two, one whole on one): each
  // speaker and page of one turn is checked.
  {
    name: 'break-spotlight',
    query: 'at=2026-05-06T15:10&speed=0',
    region: 'Spotlight',
    text: /Diakonikolas|Loizou/,
    turns: ['Jelena Diakonikolas 1/2', 'Jelena Diakonikolas 2/2', 'Nicolas Loizou 1/1'],
  },
  { name: 'agenda', query: 'at=2026-05-08T11:35&speed=0&view=agenda', region: 'Agenda', text: /Friday 8 May/i },
  { name: 'spotlight-view', query: 'at=2026-05-07T09:30&speed=0&view=spotlight', region: 'Spotlight', text: /Speakers today/i },
  {
    name: 'all-rooms',
    query: 'at=2024-12-28T14:00&speed=0&view=rooms',
    region: 'On now in every room',
    text: /Page \d+ of \d+/,
    rooms: true,
  },
] as const;

/**
 * Waits until the board is on screen with its text fitted, then runs the e2e suite's line, size and room checks:
 * nothing held back while its column has room for it, no biography paged whose pages fit together (lines.ts).
 */
async function checkBoard(page: Page, label: string): Promise<string[]> {
  await page.until('document.querySelector(".app")', `${label}: the board`);
  const fitted = `(${fittedInPage.toString()})()`;
  await page.until(page.lowered(fitted), `${label}: the text fitted`);
  const problems = [
    ...(await page.call(cutLinesInPage, ESSENTIAL)),
    ...(await page.call(smallTextsInPage, { roles: ROLES, share: SHARE, display: { distance: 5, diagonal: 55 } })),
    ...(await page.call(roomLeftInPage, undefined)).problems,
  ];
  return problems.map((p) => `${label}: ${p.problem}: "${p.text}"`);
}

/** Who the spotlight shows and which page of their biography: "Jelena Diakonikolas 1/2". */
const TURN = `(function () {
  var marks = document.querySelectorAll('[aria-label=Spotlight] [data-page-marks]:not([hidden]) span');
  var on = 0;
  for (var i = 0; i < marks.length; i++) if (marks[i].className.indexOf('on') >= 0) on = i;
  var name = document.querySelector('[aria-label=Spotlight] .spotlight-name');
  return (name ? name.textContent : '') + ' ' + (on + 1) + '/' + Math.max(1, marks.length);
})()`;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${name}.png`), await page.screenshot());
}

for (const engine of OLD_ENGINES) {
  test.describe(`Chromium ${engine.major}`, () => {
    test.describe.configure({ mode: 'serial' });
    let browser: Browser;
    let seed: TestHub;
    let rooms: TestHub;

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      const program = seedProgram();
      // A program URL, so the registration desk shows its QR code (a chunk loaded later) too.
      (program.event as Record<string, unknown>).url = 'https://example.org/symposium/program';
      [browser, seed, rooms] = await Promise.all([
        unpackEngine(engine).then((unpacked) => Browser.launch(unpacked, SIZE)),
        startHub(program, { token: TOKEN }),
        startHub(congress38c3(), { token: TOKEN }),
      ]);
      expect(await browser.version()).toContain(`Chrome/${engine.major}.`);
    });
    test.afterAll(async () => {
      await Promise.all([browser?.close(), seed?.close(), rooms?.close()]);
    });

    for (const view of VIEWS) {
      test(`${view.name}: shown whole, no error, no line cut, no text under its floor`, async () => {
        const page = await browser.newPage(SIZE);
        const hub = 'rooms' in view ? rooms : seed;
        await page.goto(`${hub.base}/?${view.query}`);
        const problems = await checkBoard(page, view.name);
        await shot(page, `chromium-${engine.major}-${view.name}`);
        const region = await page.evaluate<string | null>(
          `(document.querySelector('[aria-label="${view.region}"]') || {}).innerText || null`,
        );
        expect(region, `the ${view.region} region`).toMatch(view.text);
        if ('turns' in view) {
          // The spotlight and the pages turn on the wall clock: each speaker and page is checked as it comes.
          const seen = new Set<string>();
          const end = Date.now() + 35_000;
          while (!view.turns.every((turn) => seen.has(turn)) && Date.now() < end) {
            const state = await page.evaluate<string>(TURN);
            if (!seen.has(state)) {
              seen.add(state);
              problems.push(...(await checkBoard(page, `${view.name} (${state})`)));
              await shot(page, `chromium-${engine.major}-${view.name}-${state.replace(/\W+/g, '-')}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
          expect(problems).toEqual([]);
          expect([...seen].sort(), 'the speakers and pages of one turn').toEqual([...view.turns].sort());
        }
        expect(problems).toEqual([]);
        expect(page.errors).toEqual([]);
        await page.close();
      });
    }

    test('the heartbeat reaches the fleet, and a staff command reaches the board', async () => {
      const page = await browser.newPage(SIZE);
      const name = `Old Chromium ${engine.major}`;
      await page.goto(`${seed.base}/?at=2026-05-06T09:10&speed=0&room=main&name=${encodeURIComponent(name)}`);
      await checkBoard(page, 'live');
      await expect
        .poll(
          async () => {
            const fleet = await fetch(seed.base + HUB_API.fleet, { headers: { authorization: `Bearer ${TOKEN}` } });
            const view = (await fleet.json()) as { screens: { heartbeat: { name: string; lastError: string | null } }[] };
            return view.screens.find((s) => s.heartbeat.name === name)?.heartbeat ?? null;
          },
          { timeout: 10_000 },
        )
        .toMatchObject({ name, lastError: null });
      // Delay the main room by 5 minutes, as staff would: Next (09:40) moves to 09:45 on the board.
      expect(await page.evaluate<string>('document.querySelector("[aria-label=Next]").innerText')).not.toContain('09:45');
      const answer = await fetch(seed.base + HUB_API.command, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({
          command: { type: 'delay', minutes: 5 },
          at: { room: 'main', day: '2026-05-06', now: Date.parse('2026-05-06T09:10:00+02:00') },
          screen: { id: 'old-engines-test', name: 'old engines test' },
        }),
      });
      expect(answer.status).toBe(200);
      await page.until('document.querySelector("[aria-label=Next]").innerText.indexOf("09:45") >= 0', 'the delay on the board');
      expect(await checkBoard(page, 'live')).toEqual([]);
      await shot(page, `chromium-${engine.major}-live-delay`);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}
