/**
 * The board's clock: live time, or a rehearsal clock started at `at` and run
 * `speed` times faster, plus the staff's rehearsal offset. Timers are set in
 * clock time and converted to real time, so the board sleeps until the moment
 * it has to change.
 */
const MAX_TIMEOUT = 2 ** 31 - 1;

/** The coarsest tick the clock face needs: once a second live, less often when a time-lapse runs fast. */
const TICKS = [1000, 60_000, 300_000, 900_000, 3_600_000];
const MIN_REAL_TICK_MS = 200;

export class BoardClock {
  private readonly realStart = Date.now();
  private readonly base: number;
  private offset = 0;
  readonly speed: number;
  readonly tickMs: number;

  constructor(startAt: number | null, speed: number) {
    this.base = startAt ?? this.realStart;
    this.speed = speed;
    this.tickMs = TICKS.find((t) => t / speed >= MIN_REAL_TICK_MS) ?? TICKS[TICKS.length - 1]!;
  }

  /** The clock without the rehearsal offset. */
  liveNow(): number {
    return this.base + (Date.now() - this.realStart) * this.speed;
  }

  now(): number {
    return this.liveNow() + this.offset;
  }

  get clockOffset(): number {
    return this.offset;
  }

  setOffset(offset: number): void {
    this.offset = offset;
  }

  /** Runs `callback` once the clock reaches `at`; returns a cancel function. */
  at(at: number, callback: () => void): () => void {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      const remaining = at - this.now();
      if (remaining <= 0) {
        callback();
        return;
      }
      // Real time is clock time divided by speed; long waits are re-armed because setTimeout caps at ~24.8 days.
      handle = setTimeout(arm, Math.min(MAX_TIMEOUT, Math.max(1, Math.ceil(remaining / this.speed))));
    };
    arm();
    return () => clearTimeout(handle);
  }
}
