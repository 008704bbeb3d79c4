/**
 * iCalendar (.ics) with ical.js: VEVENTs become sessions, LOCATION (or an
 * RFC 9073 VLOCATION NAME, which Foyer's own export writes) becomes the room.
 * Events without a location are left without a room, i.e. shown in every
 * room: in real calendars they are the shared slots (registration, tea,
 * lunch), not a room of their own.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { mostCommon } from '../most-common.ts';
import { isValidZone } from '../time.ts';
import { ImportError, resolveZone, type Draft, type DraftSession, type ImportWarning } from './draft.ts';
import { lineText, plainText } from './text.ts';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

export function isICalendar(text: string): boolean {
  return /^BEGIN:VCALENDAR/i.test(text.trimStart());
}

function textOf(comp: Component, name: string): string | undefined {
  const value = comp.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : undefined;
}

/** "Speaker: A" / "Speakers: A, B and C" as the first line of a DESCRIPTION. */
function splitSpeakers(description: string | undefined): { names: string[]; rest: string | undefined } {
  if (!description) return { names: [], rest: undefined };
  const m = /^\s*(?:speakers?|presenters?|presented by)\s*:\s*([^\n]+)\n?([\s\S]*)$/i.exec(description);
  if (!m) return { names: [], rest: description };
  // Separators inside parentheses belong to an affiliation ("Ann (CISPA, ELLIS)").
  let depth = 0;
  let marked = '';
  for (const char of m[1]!) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    marked += depth === 0 && (char === ';' || char === ',') ? '\u2063' : char;
  }
  const names = marked
    .split(/\u2063|\s(?:and|&)\s(?![^(]*\))/)
    .map((n) => n.trim())
    .filter(Boolean);
  return { names, rest: m[2] };
}

export function importICalendar(source: string, timezone: string | undefined): Draft {
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(source) as unknown[]);
  } catch (error) {
    throw new ImportError(`not a valid iCalendar file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (root.name !== 'vcalendar') throw new ImportError('not an iCalendar file: no VCALENDAR');
  if (!/END:VCALENDAR\s*$/i.test(source.trimEnd())) throw new ImportError('the calendar is cut off: END:VCALENDAR is missing');
  const vevents = root.getAllSubcomponents('vevent');
  if (vevents.length === 0) throw new ImportError('the calendar has no events (no VEVENT)');

  const warnings: ImportWarning[] = [];
  const zones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tzid = textOf(vtz, 'tzid');
    if (tzid) zones.set(tzid, new ICAL.Timezone(vtz));
  }

  const tzids = vevents.flatMap((ev) =>
    ['dtstart', 'dtend']
      .map((p) => ev.getFirstProperty(p)?.getParameter('tzid'))
      .filter((t): t is string => typeof t === 'string'),
  );
  const calendarZone = textOf(root, 'x-wr-timezone');
  const usedZone = mostCommon(tzids.filter(isValidZone));
  const zone = resolveZone(calendarZone ?? usedZone, timezone, [], warnings);
  for (const tzid of new Set(tzids)) {
    if (zones.has(tzid)) continue;
    if (isValidZone(tzid)) {
      warnings.push({
        subject: 'the file',
        field: 'TZID',
        message: `${tzid} has no VTIMEZONE; read as the IANA zone of that name`,
      });
    } else {
      warnings.push({
        subject: 'the file',
        field: 'TZID',
        message: `"${tzid}" is neither defined in the file nor an IANA zone; its times are read in ${zone}`,
      });
    }
  }

  const toDateTime = (time: Time, tzid: string | undefined): DateTime => {
    const fields = {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    };
    if (time.zone === ICAL.Timezone.utcTimezone) return DateTime.fromObject(fields, { zone: 'utc' }).setZone(zone);
    const defined = tzid ? zones.get(tzid) : undefined;
    if (defined) {
      const copy = time.clone();
      copy.zone = defined;
      return DateTime.fromSeconds(copy.toUnixTime(), { zone });
    }
    // Floating times are the calendar's zone.
    return DateTime.fromObject(fields, { zone: tzid && isValidZone(tzid) ? tzid : zone }).setZone(zone);
  };

  const rooms: string[] = [];
  const sessions: DraftSession[] = [];
  vevents.forEach((ev, index) => {
    const sourceId = textOf(ev, 'uid') ?? `#${index + 1}`;
    const subject = `event ${sourceId}`;
    const dtstart = ev.getFirstProperty('dtstart');
    const startValue = dtstart?.getFirstValue() as Time | undefined;
    if (!dtstart || !startValue) {
      warnings.push({ subject, field: 'DTSTART', message: 'is missing; event left out' });
      return;
    }
    if (startValue.isDate) {
      warnings.push({ subject, field: 'DTSTART', message: 'is a whole day with no time; event left out' });
      return;
    }
    const start = toDateTime(startValue, dtstart.getParameter('tzid') as string | undefined);
    const session: DraftSession = { sourceId, start, speakers: [] };
    const dtend = ev.getFirstProperty('dtend');
    const endValue = dtend?.getFirstValue() as Time | undefined;
    const duration = ev.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration> | null;
    if (dtend && endValue) session.end = toDateTime(endValue, dtend.getParameter('tzid') as string | undefined);
    else if (duration) session.end = start.plus({ seconds: duration.toSeconds() });
    if (ev.hasProperty('rrule')) {
      warnings.push({ subject, field: 'RRULE', message: 'repeats; only the first occurrence is imported' });
    }

    const vlocation = ev.getFirstSubcomponent('vlocation');
    const room = lineText((vlocation && textOf(vlocation, 'name')) ?? textOf(ev, 'location'));
    if (room) {
      session.room = room;
      if (!rooms.includes(room)) rooms.push(room);
    }
    const title = lineText(textOf(ev, 'summary'));
    if (title) session.title = title;
    const { names, rest } = splitSpeakers(plainText(textOf(ev, 'description'), { markdown: false }));
    // "Name (Affiliation)", as Foyer's export and many calendars write it.
    session.speakers = names.map((text) => {
      const m = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
      return m ? { name: m[1]!, affiliation: m[2]! } : { name: text };
    });
    const abstract = rest?.trim();
    if (abstract && abstract !== title) session.abstract = abstract;
    const categories = textOf(ev, 'categories');
    if (categories) session.type = categories;
    sessions.push(session);
  });
  if (sessions.length === 0) throw new ImportError('the calendar has no events with a start time');

  const name = lineText(textOf(root, 'x-wr-calname')) ?? lineText(textOf(root, 'x-wr-caldesc')) ?? 'Conference';
  return { format: 'iCalendar', name, timezone: zone, rooms, sessions, warnings };
}
