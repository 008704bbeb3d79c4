/**
 * 7. Small players: the board's tab's resident memory over a four-day time-lapse in the oldest engine the board
 * supports that runs here (Chromium 77, tests/engines: driven over the DevTools protocol, as Playwright does not speak
 * to it). Resident memory is what a 1 GB player runs out of; it is read from /proc for the browser's renderer
 * processes (the board's tab is the largest of them), at the start, after each simulated day, and at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Browser } from '../engines/cdp.ts';
import { OLD_ENGINES, unpackEngine } from '../engines/old-chromium.ts';
import type { Row } from './report.ts';
import { sleep } from './stats.ts';

export interface OldMemoryOptions {
  base: string;
  /** Query without speed. */
  query: string;
  speed: number;
  days: number;
  settleMs: number;
  judged: boolean;
}

const DAY_MS = 86_400_000;
const MB = 1024;
const LIMIT_MB = 150;
const SIZE = { width: 1920, height: 1080 };

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Resident memory (MB) of each renderer process descending from `root`. */
function renderersRss(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // The fourth field, after the command in parentheses (which may hold spaces).
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (Number.isFinite(ppid)) parents.set(Number(entry), ppid);
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  const rss: number[] = [];
  for (const pid of parents.keys()) {
    if (!descends(pid) || !(read(`/proc/${pid}/cmdline`) ?? '').includes('--type=renderer')) continue;
    const kb = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '');
    if (kb) rss.push(Number(kb[1]) / MB);
  }
  return rss.sort((a, b) => b - a);
}

export async function oldEngineMemory(options: OldMemoryOptions): Promise<Row[]> {
  const engine = OLD_ENGINES[0]!;
  const browser = await Browser.launch(await unpackEngine(engine), SIZE);
  try {
    const version = await browser.version();
    const page = await browser.newPage(SIZE);
    await page.goto(`${options.base}/?${options.query}&speed=${options.speed}`);
    await page.until('!!document.querySelector(".app") && document.fonts.status === "loaded"', 'the board');
    await sleep(options.settleMs);
    const tab = (): number => renderersRss(browser.pid!)[0] ?? NaN;
    const start = tab();
    const days: number[] = [];
    const t0 = performance.now();
    for (let d = 1; d <= options.days; d++) {
      await sleep(Math.max(0, t0 + (d * DAY_MS) / options.speed - performance.now()));
      days.push(tab());
    }
    const errors = page.errors.length;
    const renderers = renderersRss(browser.pid!);
    const most = Math.max(start, ...days);
    if (!Number.isFinite(most)) throw new Error(`no renderer process found under the browser (pid ${browser.pid})`);
    return [
      {
        section: '7. Small players',
        name: `resident memory of the board's tab, ${version}, ${options.days}-day time-lapse`,
        value: most,
        unit: 'MB',
        target: `< ${LIMIT_MB} MB`,
        met: options.judged ? most < LIMIT_MB && errors === 0 : null,
        detail:
          `${engine.alias}, ${options.query} at speed ${options.speed}; the largest during the run; start ${start.toFixed(1)} MB, ` +
          days.map((v, k) => `day ${k + 1}: ${v.toFixed(1)} MB`).join(', ') +
          `; renderer processes at the end: ${renderers.map((v) => v.toFixed(1)).join(' + ')} MB; console errors: ${errors}`,
      },
    ];
  } finally {
    await browser.close();
  }
}
