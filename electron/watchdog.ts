/**
 * Reloads a board whose renderer died, hung or failed to load, with back-off
 * (recovery.ts); after too many failures it exits with status 1 so that the
 * service manager starts Foyer afresh.
 */
import type { WebContents } from 'electron';
import type { Log } from './log.ts';
import { RecoveryPolicy } from './recovery.ts';

const HANG_GRACE_MS = 10_000;
// Chromium's ERR_ABORTED: a reload superseding a load, not a failure.
const ERR_ABORTED = -3;

export interface WatchdogDeps {
  quitting(): boolean;
  exit(code: number): void;
  log: Log;
}

export function watchHealth(contents: WebContents, { quitting, exit, log }: WatchdogDeps): void {
  const recovery = new RecoveryPolicy();
  let hang: NodeJS.Timeout | null = null;
  let pending: NodeJS.Timeout | null = null;
  const clearHang = (): void => {
    if (hang !== null) clearTimeout(hang);
    hang = null;
  };
  const recover = (why: string): void => {
    if (quitting()) return;
    const decision = recovery.failure(Date.now());
    if (decision.action === 'exit') {
      log(`${why}; ${decision.failures} failures in 10 minutes: exiting so that the service manager restarts Foyer`);
      exit(1);
      return;
    }
    log(`${why}; reloading in ${Math.round(decision.delayMs / 1000)} s (failure ${decision.failures})`);
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      if (!contents.isDestroyed()) contents.reload();
    }, decision.delayMs);
  };
  contents.on('render-process-gone', (_event, details) => {
    clearHang();
    recover(`the board's renderer is gone (${details.reason}, exit code ${details.exitCode})`);
  });
  contents.on('unresponsive', () => {
    log(`the board stopped responding; restarting its renderer if it is still stuck in ${HANG_GRACE_MS / 1000} s`);
    clearHang();
    hang = setTimeout(() => {
      hang = null;
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, HANG_GRACE_MS);
  });
  contents.on('responsive', () => {
    if (hang === null) return;
    clearHang();
    log('the board responds again');
  });
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame && code !== ERR_ABORTED) recover(`could not load ${url} (${description})`);
  });
}
