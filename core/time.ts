/**
 * Zone-explicit time helpers. Every DateTime in Foyer carries the event's zone;
 * nothing here reads the machine's zone or parses strings with Date.
 */
import { DateTime, IANAZone } from 'luxon';
import './zone-offsets.ts';

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A local wall time (2026-05-06T09:00) in `zone`. When the clocks go back the
 * hour repeats; luxon would pick the second occurrence, but a program that says
 * 02:00 on that night means the first one (an item 02:00–03:00 lasts two hours).
 */
export function localToDateTime(local: string, zone: string): DateTime {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return dt;
  const iana = IANAZone.create(zone);
  // The offset a few hours earlier is the one in force before a fall-back change.
  const before = iana.offset(dt.toMillis() - 6 * 3_600_000);
  if (before <= dt.offset) return dt;
  const earlier = DateTime.fromMillis(dt.toMillis() - (before - dt.offset) * 60_000, { zone });
  return earlier.toFormat('yyyy-MM-dd HH:mm:ss') === dt.toFormat('yyyy-MM-dd HH:mm:ss') ? earlier : dt;
}

/** False for text that names no calendar time at all (30 February, 24:00, 09:60). */
export function isRealWallTime(local: string): boolean {
  const m = WALL_TIME.exec(local);
  if (!m) return false;
  const [, , , , h, min, s] = m;
  if (Number(h) > 23 || Number(min) > 59 || Number(s ?? 0) > 59) return false;
  return DateTime.fromISO(local, { zone: 'UTC' }).isValid;
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

/** "09:05": the one way Foyer writes a time of day. */
/** An instant as a program file writes a wall time in `zone`: "2026-05-06T09:40". */
export function wallTimeAt(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function hhmm(dt: DateTime): string {
  return dt.toFormat('HH:mm');
}

/** "09:05" for an instant, read in `zone`. */
export function hhmmAt(at: number, zone: string): string {
  return hhmm(DateTime.fromMillis(at, { zone }));
}

/** "04:00" for 240 minutes after midnight. */
export function hhmmOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "9:05", " 09:05:00" → "09:05": a time of day as exports write it; text that is no time comes back trimmed. */
export function hhmmOfText(text: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim();
}

/** Minutes after midnight of an "HH:MM" string. */
export function minutesOfDay(hhmmText: string): number {
  const [h = '0', m = '0'] = hhmmText.split(':');
  return Number(h) * 60 + Number(m);
}
