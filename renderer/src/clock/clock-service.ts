/**
 * The board's one timer service. It reads the screen's clock (a ScreenClock:
 * live, a rehearsal, a time-lapse or frozen) and owns every timer the board
 * sets: the watch, the moments the snapshot changes, rotation page turns and
 * text paging. Nothing here stores the rehearsal offset: its one owner is
 * ScreenState.clockOffset, and callers pass it with each reading.
 *
 * Timers run on elapsed time, the clock on wall time. When the wall clock is
 * stepped (NTP on a machine without a real-time clock, a user) or the machine
 * sleeps, a timer set for 09:40 would fire at the wrong moment, so each tick
 * compares wall-clock progress with elapsed time; after a jump every timer is
 * re-armed from the new reading and every subscriber reads the clock again.
 * Kept free of the DOM so it runs (and is tested) in Node.
 */
import type { ScreenClock } from '../../../core/screen/clock.ts';

/** Where time comes from; the page's globals, looked up at each call so fake clocks in tests apply. */
export interface TimeSource {
  /** Wall-clock time, epoch ms: what the screen's clock is read from; it may be stepped. */
  wall(): number;
  /** Elapsed ms that never step (what setTimeout runs on). */
  elapsed(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const PAGE_TIME: TimeSource = {
  wall: () => Date.now(),
  elapsed: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The clock face's possible resolutions, in clock ms. */
const CLOCK_TICKS = [1000, 60_000, 300_000, 900_000, 3_600_000];
/** A time-lapse never wakes the board more often than this (real ms). */
const MIN_REAL_TICK_MS = 200;
/** The service wakes this often (real ms), at any speed, so a jump is noticed within a second. */
export const WATCH_MS = 1000;
/** Wall-clock progress that differs from elapsed time by more than this is a jump, not timer jitter. */
export const JUMP_MS = 500;
/** setTimeout's longest wait (~24.8 days); longer waits are re-armed. */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * The coarsest clock resolution a speed needs: every second live, a minute at
 * speed 60, a quarter of an hour at 3600. Null for a frozen clock (nothing moves).
 */
export function clockTick(speed: number): number | null {
  if (speed <= 0) return null;
  return CLOCK_TICKS.find((t) => t / speed >= MIN_REAL_TICK_MS) ?? CLOCK_TICKS.at(-1)!;
}

export interface Mark {
  wall: number;
  elapsed: number;
}

/** How far the wall clock moved apart from elapsed time between two marks (0 when none stepped). */
export function wallDrift(previous: Mark, now: Mark): number {
  return now.wall - previous.wall - (now.elapsed - previous.elapsed);
}

interface Timer {
  /** Real ms until due; Infinity = not while this clock runs. */
  due(): number;
  fire(): void;
  /** Called after a jump, before the timer is armed again. */
  reset?(): void;
  handle?: unknown;
}

export type Cancel = () => void;

export class ClockService {
  readonly clock: ScreenClock;
  /** The clock face's resolution in clock ms (null when frozen). */
  readonly tickMs: number | null;
  private readonly time: TimeSource;
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Set<Timer>();
  private tickHandle: unknown = null;
  private mark: Mark | null = null;

  constructor(clock: ScreenClock, time: TimeSource = PAGE_TIME) {
    this.clock = clock;
    this.time = time;
    this.tickMs = clockTick(clock.speed);
  }

  /** The screen's time: the clock spec read now, plus the staff's rehearsal offset. */
  read(offset: number): number {
    return this.clock.read(this.time.wall(), offset);
  }

  /** Real wall-clock time (rotations are derived from it, so neighbouring screens agree). */
  wall(): number {
    return this.time.wall();
  }

  /** Subscribers read the clock again when a timer calls notify and after every jump (useSyncExternalStore's shape). */
  readonly subscribe = (listener: () => void): Cancel => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly notify = (): void => {
    for (const listener of [...this.listeners]) listener();
  };

  /** Starts the tick; returns stop, which also clears every timer. */
  start(): Cancel {
    this.mark = this.now();
    this.scheduleTick();
    for (const timer of this.timers) this.arm(timer);
    return () => {
      this.time.clearTimeout(this.tickHandle);
      this.tickHandle = null;
      for (const timer of this.timers) this.time.clearTimeout(timer.handle);
    };
  }

  /**
   * Time jumped (detected, or the page was told it woke up): every timer is
   * armed again from the new reading and every subscriber reads the clock.
   */
  rearm(): void {
    this.mark = this.now();
    for (const timer of this.timers) {
      timer.reset?.();
      this.arm(timer);
    }
    this.notify();
  }

  /** Calls `callback` once the screen's clock (with `offset`) reaches `at`. */
  at(at: number, offset: number, callback: () => void): Cancel {
    return this.add({
      due: () => this.clock.realDelay(at - this.read(offset)),
      fire: callback,
    });
  }

  /** Calls `callback` at every multiple of `periodMs` of wall-clock time (rotation page turns). */
  onWallBoundary(periodMs: number, callback: () => void): Cancel {
    const nextBoundary = (): number => (Math.floor(this.wall() / periodMs) + 1) * periodMs;
    let boundary = nextBoundary();
    const timer: Timer = {
      due: () => boundary - this.wall(),
      fire: () => {
        boundary = nextBoundary();
        this.arm(timer);
        callback();
      },
      // After a jump the next boundary is counted from the new wall time (subscribers are told anyway).
      reset: () => {
        boundary = nextBoundary();
      },
    };
    return this.add(timer, true);
  }

  private add(timer: Timer, repeating = false): Cancel {
    if (!repeating) {
      const fire = timer.fire;
      timer.fire = () => {
        this.timers.delete(timer);
        fire();
      };
    }
    this.timers.add(timer);
    this.arm(timer);
    return () => {
      this.timers.delete(timer);
      this.time.clearTimeout(timer.handle);
    };
  }

  private arm(timer: Timer): void {
    this.time.clearTimeout(timer.handle);
    timer.handle = undefined;
    const delay = timer.due();
    if (delay === Infinity) return;
    timer.handle = this.time.setTimeout(
      () => {
        timer.handle = undefined;
        // Timers may fire a little early, and long waits are cut into pieces: check, then fire or wait again.
        if (timer.due() > 0) this.arm(timer);
        else timer.fire();
      },
      Math.min(MAX_TIMEOUT, Math.max(0, Math.ceil(delay))),
    );
  }

  private now(): Mark {
    return { wall: this.time.wall(), elapsed: this.time.elapsed() };
  }

  private scheduleTick(): void {
    this.time.clearTimeout(this.tickHandle);
    this.tickHandle = this.time.setTimeout(() => this.tick(), WATCH_MS);
  }

  /**
   * The watch: a jump re-arms every timer and tells every subscriber. Without
   * one, nobody is told: what changes with time (the snapshot, the clock face,
   * a countdown) has a timer of its own for the moment it changes, so a second
   * that changes nothing on screen reads no clock and renders nothing.
   */
  private tick(): void {
    const now = this.now();
    const jumped = this.mark !== null && Math.abs(wallDrift(this.mark, now)) > JUMP_MS;
    this.mark = now;
    if (jumped) this.rearm();
    this.scheduleTick();
  }
}
