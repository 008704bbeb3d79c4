/**
 * How the kiosk starts and stops: one copy per machine, quit only when asked
 * (Ctrl+Q, Y, or a signal from the service manager), and a log line for every
 * Chromium process that dies.
 */
import { powerSaveBlocker, type App, type BrowserWindow } from 'electron';
import type { Log } from './log.ts';

export class Lifecycle {
  private asked = false;
  private readonly app: App;

  constructor(app: App) {
    this.app = app;
  }

  /** True once quitting was asked for: the window may close and the watchdog stands down. */
  quitting(): boolean {
    return this.asked;
  }

  quit(): void {
    this.asked = true;
    this.app.quit();
  }

  /** Keeps the display awake while the kiosk runs (the board is meant to be seen); `stops` run as it quits. */
  run(stops: readonly (() => void)[]): void {
    const blocker = powerSaveBlocker.start('prevent-display-sleep');
    this.app.on('before-quit', () => {
      for (const stop of stops) stop();
      if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    });
  }

  /**
   * False when another copy already runs (this one should exit). Otherwise
   * wires the app's own events; `window` is the kiosk window once there is one.
   */
  claim(window: () => BrowserWindow | null, log: Log): boolean {
    const { app } = this;
    if (!app.requestSingleInstanceLock()) return false;
    app.on('second-instance', () => {
      const win = window();
      if (win === null || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    app.on('child-process-gone', (_event, details) => {
      const gpu = details.type === 'GPU' ? ' (Chromium starts a new GPU process; the board may flicker once)' : '';
      log(`${details.type} process gone: ${details.reason}, exit code ${details.exitCode}${gpu}`);
    });
    app.on('before-quit', () => {
      this.asked = true;
    });
    app.on('window-all-closed', () => app.quit());
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => this.quit());
    return true;
  }
}
