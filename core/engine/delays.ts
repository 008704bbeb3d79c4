/**
 * "Running late" as staff set it: minutes added to the rest of one day in one
 * room. A delay entry is plain data so it can be saved, sent over IPC and
 * restored after a power cut.
 */
export interface Delay {
  room: string;
  /** Conference day, e.g. 2026-05-06. */
  day: string;
  minutes: number;
  /** Epoch ms when staff first set it: items already over by then keep their times. */
  since: number;
}

/**
 * Adds `delta` minutes (negative to catch up) to `room` on `day`, from `now` on.
 * Each press is its own entry: a talk that started after an earlier delay was
 * set keeps its (already shifted) start and runs longer, like the first one did.
 * When the presses cancel out, the room is back on the printed program.
 */
export function adjustDelay(delays: readonly Delay[], room: string, day: string, delta: number, now: number): Delay[] {
  const total = totalDelay(delays, room, day) + delta;
  if (total === 0) return resetDelay(delays, room, day);
  return [...delays, { room, day, minutes: delta, since: now }];
}

/** Net minutes of delay staff have set for `room` on `day`. */
export function totalDelay(delays: readonly Delay[], room: string, day: string): number {
  return delaysFor(delays, room, day).reduce((sum, d) => sum + d.minutes, 0);
}

export function resetDelay(delays: readonly Delay[], room: string, day: string): Delay[] {
  return delays.filter((d) => !(d.room === room && d.day === day));
}

/** The entries for one room and day, oldest first (the order they are applied in). */
export function delaysFor(delays: readonly Delay[], room: string | undefined, day: string): Delay[] {
  if (room === undefined) return [];
  return delays.filter((d) => d.room === room && d.day === day).sort((a, b) => a.since - b.since);
}

/**
 * Shifts one scheduled slot. An item already running when the delay was set
 * keeps its start and runs longer; later items move by the whole delay.
 */
export function applyDelay(start: number, end: number, delay: Delay | undefined): { start: number; end: number } {
  if (!delay || end <= delay.since) return { start, end };
  const shift = delay.minutes * 60_000;
  if (start < delay.since) return { start, end: Math.max(end + shift, start + 60_000, delay.since) };
  return { start: start + shift, end: end + shift };
}

/**
 * A slot's times after a room's delay entries, oldest first. An open-ended item
 * has no end to stretch: it moves when it had not started yet.
 */
export function shiftedBy(
  start: number,
  end: number,
  openEnded: boolean,
  entries: readonly Delay[],
): { start: number; end: number } {
  let times = { start, end };
  for (const delay of entries) {
    if (!openEnded) times = applyDelay(times.start, times.end, delay);
    else if (times.start >= delay.since) times = { start: times.start + delay.minutes * 60_000, end: times.end };
  }
  return times;
}
