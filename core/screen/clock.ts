/**
 * A screen's clock. It is derived, never stored or copied: live time, or a
 * rehearsal started at `at` and run `speed` times as fast, plus the staff's
 * rehearsal offset, whose one owner is `ScreenState.clockOffset`. The host's
 * command path and the board compute the same reading from the same spec, so a
 * hotkey and the picture on screen can never disagree about what time it is.
 */
import { DateTime } from 'luxon';

export interface ClockSpec {
  /** Where a rehearsal clock starts, as written (`?at=`): an instant with an offset, or a wall time in the event zone. */
  at: string | null;
  /** Clock milliseconds per real millisecond: 1 live, 60 or 3600 for a time-lapse, 0 frozen (tests). */
  speed: number;
  /** The real instant (epoch ms) the screen started this clock. */
  realStart: number;
}

export const LIVE_CLOCK: Omit<ClockSpec, 'realStart'> = { at: null, speed: 1 };

/**
 * `at` as epoch ms: ISO 8601 with an offset is an instant; a bare wall time
 * (2026-05-06T10:15) is read in the event zone, never the machine's.
 */
export function resolveAt(at: string | null, zone: string): number | null {
  if (!at) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(at);
  const dt = hasOffset ? DateTime.fromISO(at, { setZone: true }) : DateTime.fromISO(at, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

/** True when the screen does not show live time (a rehearsal start, another speed, or an offset). */
export function isRehearsal(spec: ClockSpec, offset: number): boolean {
  return spec.at !== null || spec.speed !== 1 || offset !== 0;
}

/** A clock spec resolved in one event zone: the reading is a pure function of real time and the offset. */
export class ScreenClock {
  readonly spec: ClockSpec;
  private readonly base: number;

  constructor(spec: ClockSpec, zone: string) {
    this.spec = spec;
    this.base = resolveAt(spec.at, zone) ?? spec.realStart;
  }

  get speed(): number {
    return this.spec.speed;
  }

  /** The clock without the rehearsal offset ("live" for the reducer's back-to-live and jump-to-next). */
  live(realNow: number): number {
    return this.base + (realNow - this.spec.realStart) * this.spec.speed;
  }

  /** What the screen shows: live plus the staff's rehearsal offset. */
  read(realNow: number, offset: number): number {
    return this.live(realNow) + offset;
  }

  /** Real milliseconds until the clock advances by `clockMs`; Infinity when frozen. */
  realDelay(clockMs: number): number {
    return this.spec.speed > 0 ? clockMs / this.spec.speed : Infinity;
  }
}
