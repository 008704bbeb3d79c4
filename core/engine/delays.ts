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

/** Adds `delta` minutes (negative to catch up) to the delay of `room` on `day`. */
export function adjustDelay(delays: readonly Delay[], room: string, day: string, delta: number, now: number): Delay[] {
  const existing = delays.find((d) => d.room === room && d.day === day);
  const others = delays.filter((d) => d !== existing);
  const minutes = (existing?.minutes ?? 0) + delta;
  if (minutes === 0) return others;
  return [...others, { room, day, minutes, since: existing?.since ?? now }];
}

export function resetDelay(delays: readonly Delay[], room: string, day: string): Delay[] {
  return delays.filter((d) => !(d.room === room && d.day === day));
}

export function delayFor(delays: readonly Delay[], room: string | undefined, day: string): Delay | undefined {
  return room === undefined ? undefined : delays.find((d) => d.room === room && d.day === day);
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
