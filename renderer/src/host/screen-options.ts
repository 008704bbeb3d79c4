/**
 * The browser screen's own URL options, read by its host (not the board):
 * `name` (what identify and the fleet page show) and `sleep` (sleep hours:
 * `on`, `off`, or `BEFORE,AFTER` minutes; default off).
 */
import { parseSleepHours, type SleepHours } from '../../../core/screen/sleep.ts';

export interface ScreenOptions {
  name: string;
  sleep: SleepHours | null;
}

export function parseScreenOptions(search: string): ScreenOptions {
  const q = new URLSearchParams(search);
  const name = q.get('name')?.trim().slice(0, 200);
  const sleep = q.has('sleep') ? parseSleepHours(q.get('sleep')!) : null;
  return { name: name || 'Browser board', sleep: typeof sleep === 'string' ? null : sleep };
}
