/** Display strings, always in the event zone; the renderer only places them. */
import { DateTime } from 'luxon';
import { hhmmAt } from '../time.ts';

/** "09:05" in the event zone (one formatter for the whole app, in core/time.ts). */
export const timeOf = hhmmAt;

export function isoOf(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** "Today", "Tomorrow" or "Thu 7 May", relative to the conference day `today`. */
export function dayLabel(day: string, today: string, zone: string): string {
  const d = DateTime.fromISO(day, { zone });
  const diff = Math.round(d.diff(DateTime.fromISO(today, { zone }), 'days').days);
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Tomorrow';
  return d.setLocale('en-GB').toFormat('ccc d LLL');
}

/** "09:00", or "Tomorrow 09:00" / "Thu 7 May 09:00" when not today. */
export function startLabel(start: number, day: string, today: string, zone: string): string {
  const time = timeOf(start, zone);
  return day === today ? time : `${dayLabel(day, today, zone)} ${time}`;
}

export function longDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** "1 h 05 min", "12 min", "less than a minute". */
export function duration(ms: number): string {
  if (ms <= 0) return 'now';
  if (ms < 60_000) return 'less than a minute';
  const minutes = Math.ceil(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(rest).padStart(2, '0')} min`;
  return `${minutes} min`;
}

/**
 * Which page of a rotation is showing, derived from the clock alone so that
 * neighbouring screens show the same page at the same moment with no network.
 */
export function rotationIndex(at: number, intervalMs: number, count: number): number {
  if (count <= 0) return 0;
  return Math.floor(at / intervalMs) % count;
}
