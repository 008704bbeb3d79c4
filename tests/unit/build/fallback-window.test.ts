/**
 * The browser fallback on a bare X display (Xvfb, no window manager, as on a
 * kiosk without a desktop): a real Chromium window, its size read with
 * xwininfo. Chromium's --kiosk alone leaves it at about half the screen; with
 * the screen's size from the launcher it covers all of it.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserArgs, closeBrowser, parseScreenSize } from '../../../build/tools/browser-fallback.ts';

const CHROMIUM = '/usr/bin/chromium';
const tools = ['Xvfb', 'xwininfo'].every((tool) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const ready = tools && existsSync(CHROMIUM);
// A display number of its own per run, so the three time-zone runs and other suites never share one.
const display = `:${200 + (process.pid % 600)}`;

interface Geometry {
  width: number;
  height: number;
  x: number;
  y: number;
}

/** The board window's geometry as the X server has it. */
function windowOf(title: string): Geometry | null {
  let tree: string;
  try {
    tree = execFileSync('xwininfo', ['-root', '-tree'], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
  } catch {
    // A window Chromium closed while the tree was read ("Bad Window"): read again on the next round.
    return null;
  }
  const line = tree.split('\n').find((l) => l.includes(title));
  const m = line && /(\d+)x(\d+)\+(-?\d+)\+(-?\d+)/.exec(line);
  return m ? { width: Number(m[1]), height: Number(m[2]), x: Number(m[3]), y: Number(m[4]) } : null;
}

async function openKiosk(title: string, screen: { width: number; height: number } | null): Promise<Geometry> {
  const profileDir = mkdtempSync(join(tmpdir(), 'foyer-fallback-window-'));
  const url = `data:text/html,<title>${title}</title>board`;
  const child: ChildProcess = spawn(
    CHROMIUM,
    [...browserArgs({ url, profileDir, kiosk: true, runningAsRoot: true, screen }), '--disable-gpu'],
    { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' },
  );
  try {
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const geometry = windowOf(title);
      // The window appears at one size and may settle at another: read it once it stops changing.
      if (geometry && i > 10) return geometry;
    }
    throw new Error('no Chromium window appeared');
  } finally {
    await closeBrowser(child, profileDir);
  }
}

describe.skipIf(!ready)('the browser fallback on a bare X display (Xvfb 1920×1080, no window manager)', () => {
  let xvfb: ChildProcess;
  beforeAll(async () => {
    xvfb = spawn('Xvfb', [display, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    // Ready once it answers.
    for (let i = 0; i < 100; i++) {
      try {
        execFileSync('xwininfo', ['-root'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`Xvfb did not start on ${display}`);
  });
  afterAll(() => {
    xvfb.kill('SIGTERM');
  });

  it('reads the screen size the way the launcher does', () => {
    const root = execFileSync('xwininfo', ['-root'], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
    expect(parseScreenSize(root)).toEqual({ width: 1920, height: 1080 });
  });

  it('--kiosk alone leaves the window at part of the screen; with the screen size it covers all of it', async () => {
    const bare = await openKiosk('bare-kiosk', null);
    expect(bare.width * bare.height).toBeLessThan(1920 * 1080 * 0.75);
    const covered = await openKiosk('covered-kiosk', { width: 1920, height: 1080 });
    expect(covered.x).toBeLessThanOrEqual(0);
    expect(covered.y).toBeLessThanOrEqual(0);
    expect(covered.x + covered.width).toBeGreaterThanOrEqual(1920);
    expect(covered.y + covered.height).toBeGreaterThanOrEqual(1080);
  }, 60_000);
});
