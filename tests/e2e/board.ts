/** Shared steps for the end-to-end tests: open a board at a moment, save a screenshot, check no line is cut. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { BOOT_STARTED } from '../../renderer/src/boot/signals.ts';
import { startHub } from '../hub-screens.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(ROOT, 'tests', 'artifacts', 'screenshots');

/**
 * Opens the board (query like "at=2026-05-06T09:10") and waits until the page's script has taken over from the hub's
 * first board (start.tsx: BOOT_STARTED) and its text is fitted. Waiting for the first board alone raced the takeover:
 * a test reading the layout right after could read the first board (which has no biography pager), or a panel the
 * takeover had just removed, with all its boxes at zero (CI: `--grow` and a blank share read as NaN). The first board
 * itself, and keys pressed before the takeover, have tests of their own with the script held back (first-board.spec,
 * hotkeys.spec, rooms.spec).
 */
export async function openBoard(page: Page, query: string, base = ''): Promise<void> {
  await page.addInitScript((event: string) => {
    document.addEventListener(event, () => {
      (window as { foyerTestStarted?: boolean }).foyerTestStarted = true;
    });
  }, BOOT_STARTED);
  await page.goto(`${base}/?${query}`);
  await expect(page.locator('.app')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as { foyerTestStarted?: boolean }).foyerTestStarted === true)).toBe(true);
  await fitted(page);
}

/**
 * Waits for the board's own signal that its text is final: the web font is in
 * and every fitted block (and the all-rooms table) has measured itself with it
 * (`data-fitted`). Polled from the test, so it also works while page.clock is paused.
 */
export async function fitted(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(fittedInPage), { intervals: [50, 100, 200] })
    .toBe(true)
    .catch(async (error: unknown) => {
      // Which part never settled, so a failure in CI says more than "false".
      throw new Error(`${String(error)}\nnot fitted: ${await page.evaluate(unfittedInPage)}`);
    });
}

/** What keeps fittedInPage false: the font, the all-rooms tables, the boxes (with the size they last fitted). */
function unfittedInPage(): string {
  const size = `${window.innerWidth}x${window.innerHeight}`;
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-fit-box]')]
    .filter((box) => box.dataset.fitted !== size)
    .map((box) => `${box.className} (fitted=${box.dataset.fitted ?? 'none'})`);
  const tables = document.querySelectorAll('.rooms-body:not(.rooms-measure):not([data-fitted])').length;
  const seed = document.getElementById('foyer-first-board') !== null ? 'first board present' : 'no first board';
  return `fonts=${document.fonts.status}; window ${size}; unfitted tables=${tables}; boxes=[${boxes.join(', ')}]; ${seed}`;
}

/** The board's text is final (see fitted), read in the page; plain enough for the old engines' suite too. */
export function fittedInPage(): boolean {
  return (
    document.fonts.status === 'loaded' &&
    document.querySelectorAll('.rooms-body:not(.rooms-measure):not([data-fitted])').length === 0 &&
    [...document.querySelectorAll<HTMLElement>('[data-fit-box]')].every(
      (box) => box.dataset.fitted === `${window.innerWidth}x${window.innerHeight}`,
    )
  );
}

/** The real instant a page with a fake clock starts at: a whole minute, so `floor(T0 / 15 s)` is even. */
export const T0 = Date.UTC(2030, 0, 7, 9, 0, 0);
/** Where openPaused stops the page's clock: the board then reads its `at` plus 30 s. */
export const PAUSED = T0 + 30_000;

/**
 * Opens the board with Playwright's fake clock started at T0, then pauses it at
 * PAUSED: from there the page's time moves only when the test says so
 * (runFor, fastForward, setSystemTime), so timings are exact, not raced.
 */
export async function openPaused(page: Page, query: string, base = ''): Promise<void> {
  await page.clock.install({ time: T0 });
  await openBoard(page, query, base);
  await page.clock.pauseAt(PAUSED);
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // Finished, not caught halfway through a fade.
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

export function seedProgram(): Record<string, unknown> & { items: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8')) as Record<string, unknown> & {
    items: Record<string, unknown>[];
  };
}

export interface OwnHost {
  url: string;
  file: string;
  close(): Promise<void>;
}

/** Runs `test` against a hub of its own serving the seed program (a test that changes the live state), then closes it. */
export async function withOwnHub(test: (base: string) => Promise<void>): Promise<void> {
  const host = await ownHost(seedProgram());
  try {
    await test(host.url);
  } finally {
    await host.close();
  }
}

/** The staff token of every hub the e2e tests start; `STAFF` opens a board as a staff board. */
export const E2E_TOKEN = process.env.FOYER_E2E_TOKEN ?? 'e2e-staff-token-for-tests';
export const STAFF = `#staff=${E2E_TOKEN}`;

/**
 * A hub of its own on a free port, serving `program` from a temp file the test may edit, with its own
 * live state: what one test's staff keys change, no other test sees.
 */
export async function ownHost(program: unknown): Promise<OwnHost> {
  const hub = await startHub(program, { token: E2E_TOKEN });
  return { url: hub.base, file: hub.programFile, close: () => hub.close() };
}

/** The line check (tests/e2e/lines.ts): every line of text wholly visible or not shown; titles, names and times never hidden. */
export { cutLines as clippedText } from './lines.ts';

/** Resizes the page and waits until the board has fitted its text for the new size. */
export async function fittedAt(page: Page, size: { width: number; height: number }): Promise<void> {
  const now = page.viewportSize();
  if (now?.width !== size.width || now.height !== size.height) await page.setViewportSize(size);
  await fitted(page);
}

/** Texts under 7:1 against what is behind them (WCAG 1.4.6), as axe-core reads the rendered page. */
export async function contrastViolations(page: Page): Promise<string[]> {
  // Fades in are brought to their end first (also under a paused fake clock): axe reads colours as they are.
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced', 'color-contrast']).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`),
  );
}
