/**
 * A Foyer program as an iCalendar file attendees can subscribe to (RFC 5545):
 * times with TZID and a VTIMEZONE built from the zone's real transitions, so
 * calendar apps without an IANA database still place talks correctly; CRLF
 * line ends, text escaping and folding at 75 octets.
 *
 * Each event also carries an RFC 9073 VLOCATION whose NAME is the room or
 * venue name alone (LOCATION adds the address), so importing the file back
 * gives the same places by name.
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import type { Item, Program, Room, Venue } from '../program/schema.ts';
import { movedItem } from '../program/moved-item.ts';
import { localToDateTime } from '../time.ts';

export interface IcsOptions {
  /** DTSTAMP: when the file was generated. Default: now. */
  now?: DateTime;
  /** SEQUENCE of every event (the hub's live-state version), so calendars take a moved time as an update. */
  sequence?: number;
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines of at most 75 octets, continued with a leading space; never splits a character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function stamp(dt: DateTime): string {
  return dt.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

function localStamp(dt: DateTime): string {
  return dt.toFormat("yyyyMMdd'T'HHmmss");
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * VTIMEZONE for `zone` from luxon's tz data: one observance per offset change
 * between the two years (found day by day, then to the minute), plus the
 * offset in force at the start. No RRULEs: exact and valid for the years that
 * matter for this program.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const first = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone });
  const last = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone });
  const observance = (at: DateTime, from: number, to: number): string[] => {
    const type = at.isInDST ? 'DAYLIGHT' : 'STANDARD';
    const name = at.toFormat('ZZZZ', { locale: 'en-US' });
    return [
      `BEGIN:${type}`,
      // Observance starts are wall-clock readings in the offset before the change.
      `DTSTART:${localStamp(at.setZone(FixedOffsetZone.instance(from)))}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      ...(name ? [`TZNAME:${escapeText(name)}`] : []),
      `END:${type}`,
    ];
  };
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  lines.push(...observance(first, first.offset, first.offset));
  let day = first;
  while (day < last) {
    const next = day.plus({ days: 1 });
    if (next.offset !== day.offset) {
      // Binary search the minute of the change between the two instants.
      let lo = day.toMillis();
      let hi = next.toMillis();
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (DateTime.fromMillis(mid, { zone }).offset === day.offset) lo = mid;
        else hi = mid;
      }
      const at = DateTime.fromMillis(hi, { zone });
      lines.push(...observance(at, day.offset, at.offset));
    }
    day = next;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function placeOf(
  item: Item,
  rooms: Map<string, Room>,
  venues: Map<string, Venue>,
): { name: string; location: string } | undefined {
  const describe = (venue: Venue) => [venue.name, venue.address].filter(Boolean).join(', ');
  if (item.room !== undefined) {
    const room = rooms.get(item.room);
    if (!room) return undefined;
    const venue = room.venue !== undefined ? venues.get(room.venue) : undefined;
    return { name: room.name, location: venue ? `${room.name}, ${describe(venue)}` : room.name };
  }
  if (item.venue !== undefined) {
    const venue = venues.get(item.venue);
    return venue ? { name: venue.name, location: describe(venue) } : undefined;
  }
  return undefined;
}

function descriptionOf(item: Item, venues: Map<string, Venue>): string | undefined {
  const parts: string[] = [];
  // Speakers first: importers (ours included) read a leading "Speaker:" line.
  if (item.speakers?.length) {
    const names = item.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name));
    parts.push(`${names.length > 1 ? 'Speakers' : 'Speaker'}: ${names.join('; ')}`);
  }
  if (item.subtitle) parts.push(item.subtitle);
  if (item.destination !== undefined) {
    const venue = venues.get(item.destination);
    if (venue) parts.push(`To: ${[venue.name, venue.address].filter(Boolean).join(', ')}`);
  }
  if (item.abstract) parts.push(item.abstract);
  if (item.notes) parts.push(item.notes);
  if (item.track) parts.push(`Track: ${item.track}`);
  return parts.length ? parts.join('\n\n') : undefined;
}

function uidPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-');
}

export function programToIcs(program: Program, options: IcsOptions = {}): string {
  const { event } = program;
  const zone = event.timezone;
  const now = options.now ?? DateTime.utc();
  const rooms = new Map(program.rooms.map((r) => [r.id, r]));
  const venues = new Map(event.venues.map((v) => [v.id, v]));
  const calendarId = uidPart(`${event.shortName ?? event.name}-${event.startDate}`);
  const years = [event.startDate, event.endDate, ...program.items.map((i) => i.start)].map((d) => Number(d.slice(0, 4)));

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Foyer//Foyer program export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(event.name)}`,
    `X-WR-CALNAME:${escapeText(event.name)}`,
    `X-WR-TIMEZONE:${zone}`,
    ...(event.notice ? [`X-WR-CALDESC:${escapeText(event.notice)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...vtimezone(zone, Math.min(...years), Math.max(...years)),
  ];

  for (const printed of program.items) {
    // A calendar carries where an item takes place now; a cancelled one stays, marked so.
    const item = printed.movedTo && !printed.cancelled ? movedItem(printed, zone) : printed;
    const start = localToDateTime(item.start, zone);
    lines.push('BEGIN:VEVENT', `UID:${uidPart(item.id)}@${calendarId}.foyer`, `DTSTAMP:${stamp(now)}`);
    if (options.sequence !== undefined) lines.push(`SEQUENCE:${options.sequence}`);
    lines.push(`DTSTART;TZID=${zone}:${localStamp(start)}`);
    // An open-ended item (a dinner) has no end in the program; the calendar says so too.
    if (item.end !== undefined) lines.push(`DTEND;TZID=${zone}:${localStamp(localToDateTime(item.end, zone))}`);
    lines.push(`SUMMARY:${escapeText(item.title ?? 'To be announced')}`);
    const place = placeOf(item, rooms, venues);
    if (place) lines.push(`LOCATION:${escapeText(place.location)}`);
    const description = descriptionOf(item, venues);
    if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
    lines.push(`CATEGORIES:${escapeText(item.kind)}`);
    if (item.cancelled) lines.push('STATUS:CANCELLED');
    if (place) {
      lines.push(
        'BEGIN:VLOCATION',
        `UID:${uidPart(item.room ?? item.venue ?? 'place')}@${calendarId}.foyer`,
        `NAME:${escapeText(place.name)}`,
        'END:VLOCATION',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
