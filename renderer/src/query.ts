/**
 * URL options: how a signage player is configured and how staff rehearse a day.
 * `at` stays text until the program (and so the event zone) is known.
 */
import { DateTime } from 'luxon';
import type { View } from '../../core/screen/state.ts';

export type Theme = 'light' | 'dark';

export interface BoardOptions {
  /** The instant the clock starts from, as written in the URL. */
  at: string | null;
  speed: number;
  /** Room id; undefined = not given (use the host's state), '' or 'all' = all rooms. */
  room: string | null | undefined;
  mode: View | undefined;
  theme: Theme;
  spotlightSeconds: number;
}

const MODES: readonly View[] = ['board', 'agenda', 'spotlight'];

export function parseQuery(search: string): BoardOptions {
  const q = new URLSearchParams(search);
  const speed = Number(q.get('speed') ?? '1');
  const spotlight = Number(q.get('spotlight') ?? '15');
  const room = q.get('room');
  const mode = q.get('mode');
  return {
    at: q.get('at'),
    speed: Number.isFinite(speed) && speed > 0 ? speed : 1,
    room: room === null ? undefined : room === '' || room === 'all' ? null : room,
    mode: MODES.includes(mode as View) ? (mode as View) : undefined,
    theme: q.get('theme') === 'light' ? 'light' : 'dark',
    spotlightSeconds: Number.isFinite(spotlight) && spotlight >= 2 ? spotlight : 15,
  };
}

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
