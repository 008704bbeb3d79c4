/**
 * Zone-explicit time helpers. Every DateTime in Foyer carries the event's zone;
 * nothing here reads the machine's zone or parses strings with Date.
 */
import { DateTime, IANAZone } from 'luxon';

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** A local wall time (2026-05-06T09:00) in `zone`. */
export function localToDateTime(local: string, zone: string): DateTime {
  return DateTime.fromISO(local, { zone });
}

/**
 * False for wall times skipped by a DST change (02:30 on the night clocks go
 * forward): luxon would silently move them, and a board would show a time that
 * is not in the program.
 */
export function wallTimeExists(local: string, zone: string): boolean {
  const dt = localToDateTime(local, zone);
  return dt.isValid && dt.toFormat("yyyy-MM-dd'T'HH:mm") === local.slice(0, 16);
}

export function hhmm(dt: DateTime): string {
  return dt.toFormat('HH:mm');
}

/** Minutes after midnight of an "HH:MM" string. */
export function minutesOfDay(hhmmText: string): number {
  const [h = '0', m = '0'] = hhmmText.split(':');
  return Number(h) * 60 + Number(m);
}
