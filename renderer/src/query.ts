/**
 * URL options: how a signage player is configured and how staff rehearse a day.
 * `at` stays text until the program (and so the event zone) is known.
 */
import { VIEWS, type View } from '../../core/screen/state.ts';

export type Theme = 'light' | 'dark';

export interface BoardOptions {
  /** The instant the clock starts from, as written in the URL. */
  at: string | null;
  /** Clock ms per real ms: 1 live, 60 or 3600 for a time-lapse, 0 a frozen clock (tests, screenshots). */
  speed: number;
  /** Room id; undefined = not given (use the host's state), '' or 'all' = all rooms. */
  room: string | null | undefined;
  mode: View | undefined;
  theme: Theme;
  spotlightSeconds: number;
}

export function parseQuery(search: string): BoardOptions {
  const q = new URLSearchParams(search);
  const speed = Number(q.get('speed') || '1');
  const spotlight = Number(q.get('spotlight') ?? '15');
  const room = q.get('room');
  const mode = q.get('mode');
  return {
    at: q.get('at'),
    speed: Number.isFinite(speed) && speed >= 0 ? speed : 1,
    room: room === null ? undefined : room === '' || room === 'all' ? null : room,
    mode: VIEWS.includes(mode as View) ? (mode as View) : undefined,
    theme: q.get('theme') === 'light' ? 'light' : 'dark',
    spotlightSeconds: Number.isFinite(spotlight) && spotlight >= 2 ? spotlight : 15,
  };
}
