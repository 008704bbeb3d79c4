/** Display strings, always in the event zone; the renderer only places them. */
import { DateTime } from 'luxon';
import { clockTime, dateIn, t } from '../i18n/index.ts';

/** "09:05" (or "9:05 AM" on a 12-hour screen) in the event zone: every time a screen shows. */
export const timeOf = clockTime;

export function isoOf(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** "Today", "Tomorrow" or "Thu 7 May", relative to the conference day `today`. */
export function dayLabel(day: string, today: string, zone: string): string {
  const d = DateTime.fromISO(day, { zone });
  const diff = Math.round(d.diff(DateTime.fromISO(today, { zone }), 'days').days);
  if (diff === 0) return t('day.today');
  if (diff === 1) return t('day.tomorrow');
  return dateIn(d, 'day');
}

/** "09:00", or "Tomorrow 09:00" / "Thu 7 May 09:00" when not today. */
export function startLabel(start: number, day: string, today: string, zone: string): string {
  const time = timeOf(start, zone);
  return day === today ? time : `${dayLabel(day, today, zone)} ${time}`;
}

export function longDate(at: number, zone: string): string {
  return dateIn(DateTime.fromMillis(at, { zone }), 'long');
}

/** "1 h 05 min", "12 min", "less than a minute". */
export function duration(ms: number): string {
  if (ms <= 0) return t('time.now');
  if (ms < 60_000) return t('time.underMinute');
  const minutes = Math.ceil(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return t('time.daysHours', { d: days, h: hours });
  if (hours > 0) return t('time.hoursMinutes', { h: hours, m: String(rest).padStart(2, '0') });
  return t('time.minutes', { n: minutes });
}

/**
 * Which page of a rotation is showing, derived from the clock alone so that
 * neighbouring screens show the same page at the same moment with no network.
 */
export function rotationIndex(at: number, intervalMs: number, count: number): number {
  if (count <= 0) return 0;
  return Math.floor(at / intervalMs) % count;
}
