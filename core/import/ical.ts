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
type Property = InstanceType<typeof ICAL.Property>;

export function isICalendar(text: string): boolean {
  return /^BEGIN:VCALENDAR/i.test(text.trimStart());
}

function textOf(comp: Component, name: string): string | undefined {
  try {
    const value = comp.getFirstPropertyValue(name);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined; // a text that ical.js cannot decode is as good as none
  }
}

const EXPECTED_VALUE: Record<string, string> = {
  dtstart: 'a date and time like 20260506T100000',
  dtend: 'a date and time like 20260506T100000',
  duration: 'a duration like PT40M',
};

/**
 * A property and its value. ical.js parses a value only when asked and throws
 * on a malformed one (DTSTART:20260506T1000, DURATION:soon); that refuses the
 * calendar, naming the event and the field, rather than guessing a time.
 */
function propertyOf<T>(ev: Component, name: string, subject: string): { property: Property; value: T } | undefined {
  const property = ev.getFirstProperty(name);
  if (!property) return undefined;
  let value: unknown;
  try {
    value = property.getFirstValue();
  } catch {
    throw new ImportError(`${subject} (field ${name.toUpperCase()}): not ${EXPECTED_VALUE[name] ?? 'a valid value'}`);
  }
  return value === null || value === undefined || value === '' ? undefined : { property, value: value as T };
}

/** "Speaker: A" / "Speakers: A, B and C" as the first line of a DESCRIPTION. */
function splitSpeakers(description: string | undefined): { names: string[]; rest: string | undefined } {
  if (!description) return { names: [], rest: undefined };
  const m = /^\s*(?:speakers?|presenters?|presented by)\s*:\s*([^\n]+)\n?([\s\S]*)$/i.exec(description);
  if (!m) return { names: [], rest: description };
  // Separators inside parentheses belong to an affiliation ("Ann (CISPA, ELLIS)"). One pass:
  // an expression looking ahead for a closing parenthesis at every "and" is quadratic.
  const line = m[1]!;
  const AND = /\s(?:and|&)\s/y;
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    AND.lastIndex = i;
    const length = char === ';' || char === ',' ? 1 : AND.test(line) ? AND.lastIndex - i : 0;
    if (length === 0) continue;
    parts.push(line.slice(from, i));
    from = i + length;
    i = from - 1;
  }
  parts.push(line.slice(from));
  const names = parts.map((n) => n.trim()).filter(Boolean);
  return { names, rest: m[2] };
}

/** "Name (Affiliation)", as Foyer's export and many calendars write it. */
function nameAndAffiliation(text: string): { name: string; affiliation?: string } {
  const open = text.lastIndexOf('(');
  const name = text.slice(0, open).trimEnd();
  const affiliation = text.slice(open + 1, -1);
  if (!text.endsWith(')') || open < 0 || name === '' || affiliation === '' || affiliation.includes(')')) return { name: text };
  return { name, affiliation };
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
    const dtstart = propertyOf<Time>(ev, 'dtstart', subject);
    if (!dtstart) {
      warnings.push({ subject, field: 'DTSTART', message: 'is missing; event left out' });
      return;
    }
    const startValue = dtstart.value;
    if (startValue.isDate) {
      warnings.push({ subject, field: 'DTSTART', message: 'is a whole day with no time; event left out' });
      return;
    }
    const start = toDateTime(startValue, dtstart.property.getParameter('tzid') as string | undefined);
    const session: DraftSession = { sourceId, start, speakers: [] };
    const dtend = propertyOf<Time>(ev, 'dtend', subject);
    const duration = propertyOf<InstanceType<typeof ICAL.Duration>>(ev, 'duration', subject);
    if (dtend) session.end = toDateTime(dtend.value, dtend.property.getParameter('tzid') as string | undefined);
    else if (duration) session.end = start.plus({ seconds: duration.value.toSeconds() });
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
    session.speakers = names.map(nameAndAffiliation);
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
