/**
 * 4. Room switch: a real key press (ArrowRight, through the board's own
 * keydown handler) to the new room on screen. In-page timestamps: the key
 * event's own timeStamp, the DOM naming the new room, and the frame after
 * (requestAnimationFrame, then a message that runs once it has been painted).
 */
import { launch, metrics, openTab, waitFor } from './browser.ts';
import type { Row } from './report.ts';
import { median, percentile, round, sleep } from './stats.ts';

export interface RoomSwitchOptions {
  base: string;
  programLabel: string;
  query: string;
  presses: number;
  judged: boolean;
}

interface Probe {
  from: string;
  to: string;
  toDom: number;
  toFrame: number;
}

/** Arms a one-shot probe for the next room change; the result lands on window.__roomSwitch. */
function arm(): void {
  const w = window as unknown as { __roomSwitch?: Promise<Probe> };
  const roomName = () => document.querySelector('.room-name')?.textContent ?? '';
  const from = roomName();
  w.__roomSwitch = new Promise<Probe>((resolve) => {
    let pressedAt = NaN;
    window.addEventListener('keydown', (event) => (pressedAt = event.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const to = roomName();
      if (to === from || Number.isNaN(pressedAt)) return;
      observer.disconnect();
      const toDom = performance.now() - pressedAt;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ from, to, toDom, toFrame: performance.now() - pressedAt });
        channel.port2.postMessage(0);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

export async function roomSwitch(options: RoomSwitchOptions): Promise<Row[]> {
  const browser = await launch();
  try {
    const tab = await openTab(browser);
    const { page } = tab;
    await page.goto(`${options.base}/?${options.query}`);
    await waitFor(page, '.room-name');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await sleep(1000);
    const probes: Probe[] = [];
    // What each switch cost the main thread, by kind: [script ms, layout ms, style ms, layouts].
    const work: number[][] = [];
    const kinds = ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount'];
    const read = async () => {
      const m = await metrics(tab.cdp);
      return kinds.map((k, i) => (m.get(k) ?? NaN) * (i < 3 ? 1000 : 1));
    };
    for (let i = 0; i < options.presses; i++) {
      await page.evaluate(arm);
      const before = await read();
      await page.keyboard.press('ArrowRight');
      probes.push(await page.evaluate(() => (window as unknown as { __roomSwitch: Promise<Probe> }).__roomSwitch));
      const after = await read();
      work.push(after.map((v, k) => v - before[k]!));
      // Let the passive effects and the next idle frame pass before the next press.
      await sleep(150);
    }
    await tab.close();
    const frame = probes.map((p) => p.toFrame);
    const dom = probes.map((p) => p.toDom);
    const show = (v: number[]) => v.map((x) => round(x, 1)).join(', ');
    const slowest = probes.reduce((a, b) => (b.toFrame > a.toFrame ? b : a));
    const value = median(frame);
    const workOf = (k: number) => round(median(work.map((w) => w[k]!)), 1);
    return [
      {
        section: '4. Room switch',
        name: `key press → new room painted (${options.programLabel}, ${options.presses} × ArrowRight)`,
        value,
        unit: 'ms',
        target: '< 16 ms',
        met: options.judged ? value < 16 : null,
        detail:
          `median of the next painted frame after the DOM names the new room (includes waiting for that frame, up to 16.7 ms at 60 Hz); ` +
          `p90 ${round(percentile(frame, 90), 1)} ms; key → DOM updated median ${round(median(dom), 1)} ms, p90 ${round(percentile(dom, 90), 1)} ms; ` +
          `main-thread work per switch (median): script ${workOf(0)} ms, layout ${workOf(1)} ms in ${workOf(2 + 1)} layouts, style ${workOf(2)} ms; ` +
          `slowest ${round(slowest.toFrame, 1)} ms (${slowest.from} → ${slowest.to}); to frame: ${show(frame)}; to DOM: ${show(dom)}`,
      },
      {
        section: '4. Room switch',
        name: 'key press → DOM shows the new room (script, React, layout effects)',
        value: median(dom),
        unit: 'ms',
        detail: 'the work before the frame; the frame wait is the rest of the figure above',
      },
    ];
  } finally {
    await browser.close();
  }
}
