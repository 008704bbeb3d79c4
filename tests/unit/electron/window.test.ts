/** The kiosk window's decisions, without Electron: which display it fills, and when the watchdog gives up. */
import { describe, expect, it } from 'vitest';
import { chooseDisplay } from '../../../electron/display-choice.ts';
import { RecoveryPolicy } from '../../../electron/recovery.ts';

describe('recovery back-off', () => {
  it('reloads after 1, 2, 4, 8 s, then gives up on the fifth failure within ten minutes', () => {
    const policy = new RecoveryPolicy();
    const t0 = 1_000_000;
    const actions = [0, 1, 2, 3, 4].map((i) => policy.failure(t0 + i * 30_000));
    expect(actions).toEqual([
      { action: 'reload', delayMs: 1_000, failures: 1 },
      { action: 'reload', delayMs: 2_000, failures: 2 },
      { action: 'reload', delayMs: 4_000, failures: 3 },
      { action: 'reload', delayMs: 8_000, failures: 4 },
      { action: 'exit', failures: 5 },
    ]);
  });

  it('forgets failures older than the window: a crash a day is not a crash loop', () => {
    const policy = new RecoveryPolicy();
    for (let day = 0; day < 10; day++)
      expect(policy.failure(day * 86_400_000)).toEqual({ action: 'reload', delayMs: 1_000, failures: 1 });
  });
});

describe('display choice', () => {
  const left = { id: 7, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const right = { id: 3, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };

  it('numbers displays left to right, whatever order the system lists them in', () => {
    expect(chooseDisplay([right, left], left, 2)).toEqual({ display: right, warning: null });
    expect(chooseDisplay([right, left], right, 1)).toEqual({ display: left, warning: null });
  });

  it('uses the primary display by default, and when the wanted one is unplugged (with a warning)', () => {
    expect(chooseDisplay([left, right], right, null)).toEqual({ display: right, warning: null });
    expect(chooseDisplay([left], left, 2)).toEqual({
      display: left,
      warning: '--display 2: only 1 display(s) connected; using the primary display until it appears',
    });
  });
});
