/**
 * When the board's renderer dies or hangs, the kiosk reloads it, waiting a
 * little longer after each failure; after too many failures in a short time it
 * gives up so that systemd restarts the whole app (which also resets the GPU
 * process and any state Chromium got stuck in).
 */

export interface RecoveryOptions {
  /** Failures within `windowMs` before giving up. */
  maxFailures: number;
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECOVERY: RecoveryOptions = {
  maxFailures: 5,
  windowMs: 10 * 60_000,
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
};

export type RecoveryAction = { action: 'reload'; delayMs: number; failures: number } | { action: 'exit'; failures: number };

export class RecoveryPolicy {
  private failures: number[] = [];
  private readonly options: RecoveryOptions;

  constructor(options: Partial<RecoveryOptions> = {}) {
    this.options = { ...DEFAULT_RECOVERY, ...options };
  }

  /** Records a failure at `now` and says what to do about it. */
  failure(now: number): RecoveryAction {
    const { maxFailures, windowMs, firstDelayMs, maxDelayMs } = this.options;
    this.failures = [...this.failures.filter((t) => now - t < windowMs), now];
    const failures = this.failures.length;
    if (failures >= maxFailures) return { action: 'exit', failures };
    return { action: 'reload', delayMs: Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - 1)), failures };
  }
}
