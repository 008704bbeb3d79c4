/**
 * 2. Days of running: a four-day time-lapse of a program; the heap after a
 * forced GC and the event listeners at the start, after each simulated day
 * and at the end. A board left on for a week must not grow.
 */
import { launch, memory, openTab, waitFor, type MemoryReading } from './browser.ts';
import type { Row } from './report.ts';
import { sleep } from './stats.ts';

export interface SoakSubject {
  name: string;
  base: string;
  /** Query without speed, e.g. "at=2026-05-05T12:00". */
  query: string;
}

export interface SoakOptions {
  subjects: SoakSubject[];
  speed: number;
  /** Simulated days. */
  days: number;
  settleMs: number;
  judged: boolean;
}

const MB = 2 ** 20;
const DAY_MS = 86_400_000;

async function runOne(
  subject: SoakSubject,
  options: SoakOptions,
): Promise<{ start: MemoryReading; days: MemoryReading[]; phase: string }> {
  const browser = await launch();
  try {
    const tab = await openTab(browser);
    await tab.page.goto(`${subject.base}/?${subject.query}&speed=${options.speed}`);
    await waitFor(tab.page, '.app');
    await tab.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await sleep(options.settleMs);
    const start = await memory(tab.cdp);
    const t0 = performance.now();
    const days: MemoryReading[] = [];
    const realDayMs = DAY_MS / options.speed;
    for (let d = 1; d <= options.days; d++) {
      // Readings at real-time marks, so time spent taking one does not stretch the run.
      await sleep(Math.max(0, t0 + d * realDayMs - performance.now()));
      days.push(await memory(tab.cdp));
    }
    const phase = await tab.page.evaluate(() => document.querySelector('.stage')?.firstElementChild?.className ?? '');
    await tab.close();
    return { start, days, phase };
  } finally {
    await browser.close();
  }
}

export async function daysOfRunning(options: SoakOptions): Promise<Row[]> {
  const results = await Promise.all(options.subjects.map((s) => runOne(s, options)));
  const rows: Row[] = [];
  options.subjects.forEach((subject, i) => {
    const { start, days, phase } = results[i]!;
    const end = days[days.length - 1]!;
    const growth = (end.heapBytes - start.heapBytes) / MB;
    const trail = days
      .map((d, k) => `day ${k + 1}: ${(d.heapBytes / MB).toFixed(2)} MB, ${d.listeners} listeners, ${d.domNodes} nodes`)
      .join('; ');
    const detail =
      `${options.days}-day time-lapse at speed ${options.speed} (${subject.query}); start ${(start.heapBytes / MB).toFixed(2)} MB, ` +
      `${start.listeners} listeners (${start.globalListeners} on window/document), ${start.domNodes} nodes; ${trail}; ` +
      `end ${end.globalListeners} on window/document; screen at the end: .${phase.split(' ').join('.')}`;
    rows.push({
      section: '2. Days of running',
      name: `heap growth after GC, ${subject.name}`,
      value: growth,
      unit: 'MB',
      target: '< 1 MB',
      met: options.judged ? growth < 1 : null,
      detail,
    });
    rows.push({
      section: '2. Days of running',
      name: `event listener growth, ${subject.name}`,
      value: end.listeners - start.listeners,
      unit: '',
      target: '0 (no growth)',
      met: options.judged ? end.listeners - start.listeners <= 0 && end.globalListeners <= start.globalListeners : null,
      detail: `JSEventListeners ${start.listeners} → ${end.listeners}; on window/document ${start.globalListeners} → ${end.globalListeners}`,
    });
  });
  return rows;
}
