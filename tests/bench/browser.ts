/** Debian's Chromium through Playwright, and the DevTools Protocol readings the benchmarks take. */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { childPids } from './proc-cpu.ts';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // A kiosk is never a background tab: timers must not be throttled while other pages run.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export const BOARD_VIEWPORT = { width: 1920, height: 1080 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.FOYER_CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}

/** A browser and the id of its main process (null when it cannot be told apart). Launch these one at a time. */
export async function launchTracked(): Promise<{ browser: Browser; pid: number | null }> {
  const before = childPids();
  const browser = await launch();
  const started = [...childPids()].filter((pid) => !before.has(pid));
  return { browser, pid: started.length === 1 ? started[0]! : null };
}

export interface Tab {
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** A page in a fresh context (empty cache), with the Performance domain on. */
export async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ viewport: BOARD_VIEWPORT });
  // tsx compiles this file with esbuild's keepNames, which wraps the functions handed to
  // page.evaluate in calls to a __name helper that only exists in Node.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  const page = await context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  return { page, cdp, close: () => context.close() };
}

export async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return new Map(metrics.map((m) => [m.name, m.value]));
}

export interface Busy {
  /** Main-thread busy time so far (s): the wall-clock length of every task it ran. */
  task: number;
  /** CPU time of the main thread (s): what TaskDuration would be on an otherwise idle machine. */
  thread: number;
  /** CPU time of the whole renderer process (s), compositor and raster threads included. */
  process: number;
}

export async function busy(cdp: CDPSession): Promise<Busy> {
  const m = await metrics(cdp);
  return {
    task: m.get('TaskDuration') ?? Number.NaN,
    thread: m.get('ThreadTime') ?? Number.NaN,
    process: m.get('ProcessTime') ?? Number.NaN,
  };
}

export interface MemoryReading {
  heapBytes: number;
  /** Every JS event listener the page holds (Performance.getMetrics JSEventListeners). */
  listeners: number;
  /** Listeners on window and document alone (DOMDebugger.getEventListeners). */
  globalListeners: number;
  domNodes: number;
}

async function globalListenerCount(cdp: CDPSession, expression: string): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  if (!result.objectId) return Number.NaN;
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  return listeners.length;
}

/** Heap after a full garbage collection, so only what the page keeps alive counts. */
export async function memory(cdp: CDPSession): Promise<MemoryReading> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const m = await metrics(cdp);
  const globalListeners = (await globalListenerCount(cdp, 'window')) + (await globalListenerCount(cdp, 'document'));
  return {
    heapBytes: usedSize,
    listeners: m.get('JSEventListeners') ?? Number.NaN,
    globalListeners,
    domNodes: m.get('Nodes') ?? Number.NaN,
  };
}

/** Resolves once `selector` is on the page. */
export async function waitFor(page: Page, selector: string, timeout = 30_000): Promise<void> {
  await page.waitForSelector(selector, { state: 'attached', timeout });
}
