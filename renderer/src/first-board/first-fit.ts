/**
 * The first fit: a small classic script right after #root in the page (built to ES2017 by vite.config.ts, no inline
 * script under the CSP) that fits the hub's first board before the browser paints it. The hub cannot measure, so it
 * renders every box at its designed size; this runs the board's own fit (fit/fit-scheduler.ts, the same code the
 * page's script runs after its takeover) on that markup as soon as the parser has it: the side column shows what
 * fits and "+ N more", Now grows into the room left over, and the script's takeover then draws the very same board.
 * On a portrait screen it first puts the hub's portrait board in place of the landscape one. Until the takeover it
 * refits as the board would (the web font arriving, a resize); then it stops. On a page without a first board (the
 * kiosk, a hub without its server bundle) it does nothing.
 */
import { FIRST_BOARD } from '../../../core/hub/api.ts';
import type { ClockService } from '../clock/clock-service.ts';
import { FitScheduler } from '../fit/fit-scheduler.ts';

/** What the biography's pager asks of the clock: the wall time and its boundaries. No screen clock here. */
function wallClock(): ClockService {
  const wall = (): number => Date.now();
  return {
    wall,
    onWallBoundary(periodMs: number, callback: () => void) {
      let timer: ReturnType<typeof setTimeout>;
      const arm = (): void => {
        timer = setTimeout(
          () => {
            callback();
            arm();
          },
          (Math.floor(wall() / periodMs) + 1) * periodMs - wall(),
        );
      };
      arm();
      return () => clearTimeout(timer);
    },
  } as Partial<ClockService> as ClockService;
}

/**
 * The hub rendered the board for a landscape screen, and for a portrait one in a <noscript> before #root when that
 * differs (text, where script runs): on a portrait screen that one takes the landscape one's place, before anything
 * is painted. Parsed here only then, so a landscape screen never builds it. No replaceChildren (Chromium 86).
 */
function turnForScreen(root: HTMLElement): void {
  const portrait = document.getElementById(FIRST_BOARD.portraitId);
  if (portrait === null || !matchMedia('(orientation: portrait)').matches) return;
  const parsed = document.createElement('template');
  parsed.innerHTML = portrait.textContent ?? '';
  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(parsed.content);
}

/**
 * The all-rooms table is measured and paged by the page's script (features/rooms/), not by a fit box: until it takes
 * over, the rows that would cross the table's bottom edge are hidden whole, so no row is cut at the screen's edge.
 * Hidden, not removed: no row changes size, so the observer that trims again (the stylesheet and the web font
 * arriving, a resize) is never woken by its own trimming.
 */
function watchRooms(board: HTMLElement): () => void {
  const bodies = Array.from(board.querySelectorAll<HTMLElement>('.rooms-body:not(.rooms-measure)'));
  const trim = (): void =>
    bodies.forEach((body) => {
      const bottom = body.getBoundingClientRect().bottom - (parseFloat(getComputedStyle(body).paddingBottom) || 0);
      let past = false;
      Array.from(body.children).forEach((row) => {
        past = past || row.getBoundingClientRect().bottom > bottom + 0.5;
        (row as HTMLElement).style.visibility = past ? 'hidden' : '';
      });
    });
  trim();
  if (bodies.length === 0 || typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver(trim);
  bodies.forEach((body) => {
    observer.observe(body);
    Array.from(body.children).forEach((row) => observer.observe(row));
  });
  return () => observer.disconnect();
}

function firstFit(): void {
  const root = document.getElementById('root');
  if (!root) return;
  // Laid out as a fit lays it out, not as a board no fit touched (unfitted.css), before anything is measured.
  document.documentElement.setAttribute(FIRST_BOARD.fittingAttribute, '');
  turnForScreen(root);
  const board = root.querySelector<HTMLElement>(':scope > .app');
  if (!board) return;
  const stopRooms = watchRooms(board);
  const boxes = board.querySelectorAll<HTMLElement>('[data-fit-box]');
  const scheduler = new FitScheduler(wallClock());
  boxes.forEach((box) => scheduler.add(box));
  // Now, not in a microtask: nothing paints between the parser reaching this script and this line.
  scheduler.flush();
  // The page's script replaces the board in one commit (main.tsx) and fits its own: this one stops then.
  const takeover = new MutationObserver(() => {
    if (board.isConnected) return;
    takeover.disconnect();
    scheduler.stop();
    stopRooms();
  });
  takeover.observe(root, { childList: true });
}

try {
  firstFit();
} catch (error) {
  // The board is still there at its designed size; the page's script fits it when it takes over.
  console.error(error);
} finally {
  // Shown now, fitted or not: a first fit that failed must not leave the board hidden (until-fitted.css).
  document.documentElement.setAttribute(FIRST_BOARD.fittedAttribute, '');
}
