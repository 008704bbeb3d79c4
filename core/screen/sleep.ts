/**
 * Sleep hours: a screen goes black when the venue is empty, from `after`
 * minutes past a day's last item to `before` minutes ahead of the next day's
 * first, and a staff key wakes it for WAKE_MS. Static elements shift by a few
 * pixels every hour against burn-in. Pure functions of the timeline and the
 * screen's clock, so the board (what it draws) and the kiosk (when it switches
 * the display off) decide alike and sleep until the next change.
 */
import type { Timeline } from '../engine/timeline.ts';

export interface SleepHours {
  /** Minutes before a day's first item that the screen wakes. */
  before: number;
  /** Minutes after a day's last item that it sleeps. */
  after: number;
}

export const DEFAULT_SLEEP_HOURS: SleepHours = { before: 60, after: 30 };

/** How long a staff key keeps a sleeping screen awake. */
export const WAKE_MS = 10 * 60_000;

export interface SleepDecision {
  asleep: boolean;
  /** The next instant (screen clock) the decision may change; null when it never will. */
  changesAt: number | null;
}

interface Span {
  start: number;
  end: number;
}

/** The program's hours: one span per conference day with items, widened by `hours` and merged where they meet. */
export function awakeSpans(timeline: Timeline, hours: SleepHours): Span[] {
  const byDay = new Map<string, Span>();
  for (const slot of timeline.slots) {
    const span = byDay.get(slot.day);
    if (span === undefined) byDay.set(slot.day, { start: slot.start, end: slot.end });
    else {
      span.start = Math.min(span.start, slot.start);
      span.end = Math.max(span.end, slot.end);
    }
  }
  const spans = [...byDay.values()]
    .map((s) => ({ start: s.start - hours.before * 60_000, end: s.end + hours.after * 60_000 }))
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push(span);
  }
  return merged;
}

/**
 * Whether the screen sleeps at `at`, and until when. `hours` null: this screen
 * never sleeps. `wakeUntil`: a staff key woke it until then.
 */
export function sleepAt(
  timeline: Timeline,
  at: number,
  hours: SleepHours | null,
  wakeUntil: number | null = null,
): SleepDecision {
  if (hours === null) return { asleep: false, changesAt: null };
  const spans = awakeSpans(timeline, hours);
  const awake = (t: number): boolean => (wakeUntil !== null && t < wakeUntil) || spans.some((s) => s.start <= t && t < s.end);
  const now = awake(at);
  const candidates = [...spans.flatMap((s) => [s.start, s.end]), ...(wakeUntil !== null ? [wakeUntil] : [])]
    .filter((t) => t > at)
    .sort((a, b) => a - b);
  const changesAt = candidates.find((t) => awake(t) !== now) ?? null;
  return { asleep: !now, changesAt };
}

/** Where the screen's static elements sit this hour: a small walk around the origin, a few pixels each way. */
const SHIFTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [3, 1],
  [2, -2],
  [-1, -3],
  [-3, -1],
  [-2, 2],
  [1, 3],
  [3, -1],
];

export const SHIFT_PERIOD_MS = 3_600_000;

/** The burn-in shift in pixels at `at` (epoch ms), and when it next moves. */
export function burnInShift(at: number): { x: number; y: number; changesAt: number } {
  const hour = Math.floor(at / SHIFT_PERIOD_MS);
  const [x, y] = SHIFTS[((hour % SHIFTS.length) + SHIFTS.length) % SHIFTS.length]!;
  return { x, y, changesAt: (hour + 1) * SHIFT_PERIOD_MS };
}

/** `?sleep=` and `--sleep`: "on" (the default hours), "off", or "BEFORE,AFTER" in minutes. */
export function parseSleepHours(text: string): SleepHours | null | string {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === 'no' || value === '0') return null;
  if (value === 'on' || value === 'yes' || value === '1' || value === '') return DEFAULT_SLEEP_HOURS;
  const m = /^(\d{1,3}),(\d{1,3})$/.exec(value);
  if (!m) return `"${text}" is not on, off or BEFORE,AFTER in minutes (e.g. 60,30)`;
  return { before: Number(m[1]), after: Number(m[2]) };
}
