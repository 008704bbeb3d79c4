/**
 * 3. Start-up: from navigation to the first board painted, against a static
 * page carrying the same text, padded to the same size as the page the hub
 * serves (the first board in it) and served by the same hub, side by side in
 * one run. Both pages get the same probe: the first contentful paint, once
 * the Now region is in the DOM. On the board that is the fitted first board:
 * the hub's board is hidden until the first fit has run (until-fitted.css),
 * so no earlier frame shows text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, metrics, openTab, waitFor } from './browser.ts';
import { ratioRow, type Row } from './report.ts';
import { median, round } from './stats.ts';

export interface StartupOptions {
  boardBase: string;
  staticBase: string;
  staticDir: string;
  /** The board hub's renderer folder: the static page is served from it, by the same host. */
  boardDir: string;
  query: string;
  samples: number;
  /** One untimed load of each page first. */
  warmUp: boolean;
  judged: boolean;
}

const NOW_REGION = '[role=region][aria-label=Now]';

interface FirstBoard {
  inDom: number;
  painted: number;
  /** When the board's script had arrived (NaN on the static page). */
  script: number;
  /** When the program JSON had arrived. */
  program: number;
}

/** Runs in the page before any of its scripts. */
function probe(selector: string): void {
  const w = window as unknown as { __firstBoard?: FirstBoard };
  let inDom = NaN;
  let painted = NaN;
  const settle = (): void => {
    if (Number.isNaN(inDom) || Number.isNaN(painted) || w.__firstBoard) return;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const end = (test: (name: string) => boolean) => resources.find((r) => test(r.name))?.responseEnd ?? NaN;
    w.__firstBoard = {
      inDom,
      painted,
      script: end((n) => n.endsWith('.js')),
      program: end((n) => n.includes('/api/program')),
    };
  };
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    inDom = performance.now();
    settle();
  });
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    const fcp = list.getEntriesByName('first-contentful-paint')[0];
    if (fcp === undefined) return;
    painted = fcp.startTime;
    settle();
  }).observe({ type: 'paint', buffered: true });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function staticPage(text: string, bytes: number): string {
  const page = (padding: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Baseline: the board's text, static</title>
  </head>
  <body>
    <section role="region" aria-label="Now"><pre>${escapeHtml(text)}</pre></section>
    <!--${padding}-->
  </body>
</html>
`;
  return page('x'.repeat(Math.max(0, bytes - Buffer.byteLength(page('')))));
}

export async function startUp(options: StartupOptions): Promise<Row[]> {
  const browser = await launch();
  try {
    const boardUrl = `${options.boardBase}/?${options.query}`;
    // The baseline carries the very text the board shows at that moment.
    {
      const tab = await openTab(browser);
      await tab.page.goto(boardUrl);
      await waitFor(tab.page, NOW_REGION);
      const text = await tab.page.locator('.app').innerText();
      const served = Buffer.byteLength(await (await fetch(boardUrl)).text());
      writeFileSync(join(options.staticDir, 'board-text.html'), staticPage(text, served));
      writeFileSync(join(options.boardDir, 'board-text.html'), staticPage(text, served));
      await tab.close();
    }
    const subjects = [
      { url: boardUrl, samples: [] as number[], firsts: [] as FirstBoard[], work: [] as number[][] },
      {
        url: `${options.boardBase}/board-text.html`,
        samples: [] as number[],
        firsts: [] as FirstBoard[],
        work: [] as number[][],
      },
    ];
    // One untimed load each warms the server and the browser's own caches (not the page's: every tab is a fresh context).
    for (let i = options.warmUp ? -1 : 0; i < options.samples; i++) {
      for (const subject of subjects) {
        const tab = await openTab(browser);
        await tab.page.addInitScript(probe, NOW_REGION);
        await tab.page.goto(subject.url, { waitUntil: 'commit' });
        const handle = await tab.page.waitForFunction(
          () => (window as unknown as { __firstBoard?: unknown }).__firstBoard,
          undefined,
          {
            timeout: 30_000,
          },
        );
        const first = (await handle.jsonValue()) as FirstBoard;
        // Totals since the page opened: where the start-up went.
        const m = await metrics(tab.cdp);
        const work = ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration'].map(
          (k) => (m.get(k) ?? NaN) * 1000,
        );
        if (i >= 0) {
          subject.samples.push(first.painted);
          subject.firsts.push(first);
          subject.work.push(work);
        }
        await tab.close();
      }
    }
    const [board, baseline] = subjects as [(typeof subjects)[0], (typeof subjects)[0]];
    // Warm: loaded again and again in one tab, its hashed assets in the HTTP cache, as a player reloads it (the
    // no-script refresh each minute, the boot guard's retry, a reload key). The page itself is never cached.
    const warm: number[][] = [];
    for (const subject of subjects) {
      const tab = await openTab(browser);
      await tab.page.addInitScript(probe, NOW_REGION);
      const times: number[] = [];
      for (let i = -1; i < options.samples; i++) {
        await tab.page.goto(subject.url, { waitUntil: 'commit' });
        const handle = await tab.page.waitForFunction(
          () => (window as unknown as { __firstBoard?: unknown }).__firstBoard,
          undefined,
          { timeout: 30_000 },
        );
        if (i >= 0) times.push(((await handle.jsonValue()) as FirstBoard).painted);
      }
      await tab.close();
      warm.push(times);
    }
    const [warmBoard, warmStatic] = warm as [number[], number[]];
    const show = (v: number[]) => v.map((x) => round(x, 0)).join(', ');
    const workOf = (w: number[][]) => [0, 1, 2, 3].map((k) => round(median(w.map((x) => x[k]!)), 0)).join(' / ');
    const value = median(board.samples);
    return [
      ratioRow(
        {
          section: '3. Start-up',
          name: `navigation → first board painted, fitted (${options.query})`,
          value,
          unit: 'ms',
          target: '≤ 2× baseline (same size, same host) and < 500 ms',
          detail:
            `${options.samples} cold loads each (fresh context), alternating; board ${show(board.samples)} ms, ` +
            `static page ${show(baseline.samples)} ms (first contentful paint: the board's is its fitted first board, ` +
            `rendered by the hub into the page); on the board a script had arrived at ` +
            `${round(median(board.firsts.map((f) => f.script)), 0)} ms, the program JSON at ${round(median(board.firsts.map((f) => f.program)), 0)} ms, ` +
            `the Now region was in the DOM at ${round(median(board.firsts.map((f) => f.inDom)), 0)} ms; ` +
            `main-thread work by then (script / layout / style / all tasks): board ${workOf(board.work)} ms, static ${workOf(baseline.work)} ms`,
        },
        { name: 'static HTML with the same text, the same size, the same hub', value: median(baseline.samples) },
        2,
        options.judged,
        // As performance.spec asserts. (It was 300 ms, below the static page's own 250–300 ms on this machine.)
        () => value < 500,
      ),
      ratioRow(
        {
          section: '3. Start-up',
          name: `navigation → first board painted, fitted, assets cached (${options.query})`,
          value: median(warmBoard),
          unit: 'ms',
          target: '≤ 2× baseline (same size, same host) and < 500 ms',
          detail:
            `${options.samples} loads each in one tab after one untimed load (a player's reload: the hashed scripts, ` +
            `stylesheets and fonts in the HTTP cache, the page rendered afresh by the hub); board ${show(warmBoard)} ms, ` +
            `static page ${show(warmStatic)} ms`,
        },
        { name: 'the same static page, reloaded the same way', value: median(warmStatic) },
        2,
        options.judged,
        () => median(warmBoard) < 500,
      ),
    ];
  } finally {
    await browser.close();
  }
}
