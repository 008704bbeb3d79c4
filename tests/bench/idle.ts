/**
 * 1. Idle cost: main-thread busy time per minute of a live board (speed 1),
 * against a page that only redraws a clock once a second. All pages run at
 * the same time, each in its own browser (its own renderer process, so the
 * metrics count that page alone), so they share the machine's noise.
 */
import type { Browser } from '@playwright/test';
import { busy, launchTracked, openTab, waitFor, type Busy, type Tab } from './browser.ts';
import { treeCpuSeconds } from './proc-cpu.ts';
import { ratioRow, type Row } from './report.ts';
import { median, round, sleep } from './stats.ts';

export interface IdleOptions {
  boardBase: string;
  staticBase: string;
  windowSeconds: number;
  rounds: number;
  settleMs: number;
  judged: boolean;
}

interface Subject {
  name: string;
  url: string;
  ready: string;
  /** The most it may cost, as a share of the clock page (issue #11): the board shows minutes, the clock seconds. */
  target?: number;
}

interface Reading extends Busy {
  /** CPU time of every process of the browser. */
  browser: number;
}

interface Tracked {
  browser: Browser;
  pid: number | null;
}

/** Milliseconds per minute of each kind of busy time, one entry per subject. */
async function measureRound(browsers: Tracked[], subjects: Subject[], options: IdleOptions): Promise<Reading[]> {
  const tabs: Tab[] = await Promise.all(browsers.map((b) => openTab(b.browser)));
  const read = async (i: number): Promise<Reading> => ({
    ...(await busy(tabs[i]!.cdp)),
    browser: treeCpuSeconds(browsers[i]!.pid),
  });
  try {
    await Promise.all(
      subjects.map(async (s, i) => {
        const { page } = tabs[i]!;
        await page.goto(s.url);
        await waitFor(page, s.ready);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
      }),
    );
    // Start-up work (parsing, first layout, font swaps, the first GC) is not idle time.
    await sleep(options.settleMs);
    const start = await Promise.all(tabs.map((_, i) => read(i)));
    const t0 = performance.now();
    await sleep(options.windowSeconds * 1000);
    const end = await Promise.all(tabs.map((_, i) => read(i)));
    const minutes = (performance.now() - t0) / 60_000;
    const rate = (a: number, b: number) => ((b - a) * 1000) / minutes;
    return end.map((e, i) => {
      const s = start[i]!;
      return {
        task: rate(s.task, e.task),
        thread: rate(s.thread, e.thread),
        process: rate(s.process, e.process),
        browser: rate(s.browser, e.browser),
      };
    });
  } finally {
    await Promise.all(tabs.map((t) => t.close()));
  }
}

export async function idleCost(options: IdleOptions): Promise<Row[]> {
  const subjects: Subject[] = [
    { name: 'clock baseline', url: `${options.staticBase}/clock.html`, ready: '#clock:not(:empty)' },
    {
      name: 'board during a break (6 May 10:25, coffee)',
      url: `${options.boardBase}/?at=2026-05-06T10:25&speed=1`,
      ready: '[role=region][aria-label=Now]',
      // The spotlight turns every 15 s and the biography pages between: still no more than the clock.
      target: 1,
    },
    {
      name: 'board during a talk (6 May 09:10)',
      url: `${options.boardBase}/?at=2026-05-06T09:10&speed=1`,
      ready: '[role=region][aria-label=Now]',
      target: 0.5,
    },
  ];
  const browsers: Tracked[] = [];
  for (const _ of subjects) browsers.push(await launchTracked());
  const samples: Reading[][] = subjects.map(() => []);
  try {
    for (let r = 0; r < options.rounds; r++) {
      const perMinute = await measureRound(browsers, subjects, options);
      perMinute.forEach((v, i) => samples[i]!.push(v));
    }
  } finally {
    await Promise.all(browsers.map((b) => b.browser.close()));
  }
  const of = (i: number, kind: keyof Reading) => samples[i]!.map((b) => b[kind]);
  const show = (i: number, kind: keyof Reading) =>
    of(i, kind)
      .map((v) => round(v, 0))
      .join(', ');
  const rows: Row[] = [];
  subjects.slice(1).forEach((s, k) => {
    const i = k + 1;
    const windows = `${options.rounds} × ${options.windowSeconds} s windows alongside the baseline`;
    rows.push(
      ratioRow(
        {
          section: '1. Idle cost',
          name: `main-thread busy time, ${s.name}`,
          value: median(of(i, 'task')),
          unit: 'ms/min',
          target: `≤ ${s.target ?? 1.5}× baseline`,
          detail: `TaskDuration over ${windows}: ${show(i, 'task')} ms/min; baseline ${show(0, 'task')} ms/min`,
        },
        { name: subjects[0]!.name, value: median(of(0, 'task')) },
        s.target ?? 1.5,
        options.judged,
      ),
    );
    rows.push(
      ratioRow(
        {
          section: '1. Idle cost',
          name: `main-thread CPU time, ${s.name}`,
          value: median(of(i, 'thread')),
          unit: 'ms/min',
          target: `≤ ${s.target ?? 1.5}× baseline`,
          detail:
            `ThreadTime over ${windows}: ${show(i, 'thread')} ms/min; baseline ${show(0, 'thread')} ms/min. ` +
            'Busy time is wall-clock, so on a loaded machine it also counts the time the thread waited for a CPU; this does not',
        },
        { name: subjects[0]!.name, value: median(of(0, 'thread')) },
        s.target ?? 1.5,
        options.judged,
      ),
    );
    const wholeBrowser = Number.isFinite(median(of(i, 'browser')));
    rows.push(
      ratioRow(
        {
          section: '1. Idle cost',
          name: `CPU time of the ${wholeBrowser ? 'whole browser' : 'renderer process'}, ${s.name}`,
          value: median(of(i, wholeBrowser ? 'browser' : 'process')),
          unit: 'ms/min',
          detail:
            `over ${windows}: whole browser (all Chromium processes, /proc) ${show(i, 'browser')} ms/min, baseline ${show(0, 'browser')}; ` +
            `renderer process (ProcessTime) ${show(i, 'process')}, baseline ${show(0, 'process')}; ` +
            `main-thread CPU (ThreadTime) ${show(i, 'thread')}, baseline ${show(0, 'thread')}. ` +
            `Counts the compositor's work for CSS animations, which main-thread busy time does not see`,
        },
        { name: subjects[0]!.name, value: median(of(0, wholeBrowser ? 'browser' : 'process')) },
        Infinity,
        false,
      ),
    );
  });
  return rows;
}
