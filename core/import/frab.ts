/**
 * The frab/pentabarf schedule model shared by schedule.xml and schedule.json
 * (v1): conference → days → rooms → events with a local `start`, a
 * `duration` and (usually) a `date` with offset. Both readers reduce their
 * syntax to these shapes and this module turns them into a Draft.
 */
import type { DateTime } from 'luxon';
import type { Speaker } from '../program/schema.ts';
import { instant, offsetOf, wallTime, type Draft, type DraftSession, type ImportWarning } from './draft.ts';
import { parseDuration } from './duration.ts';
import { copyConferenceFields, copyEventTexts, zoneOfTimes } from './fields.ts';
import { lineText, plainText } from './text.ts';
import { mostCommon } from '../most-common.ts';
import { hhmm, hhmmOfText, minutesOfDay } from '../time.ts';

export interface FrabEvent {
  id: string;
  date?: string;
  start?: string;
  duration?: unknown;
  room?: string;
  title?: unknown;
  subtitle?: unknown;
  type?: unknown;
  track?: unknown;
  abstract?: unknown;
  description?: unknown;
  persons: { name: unknown; biography?: unknown }[];
  language?: unknown;
  /** frab XML `<recording><optout>`, schedule.json `do_not_record`: "true"/true = not recorded. */
  recordingOptout?: unknown;
  /** A state or status field where an export has one ("canceled", "confirmed"). */
  state?: unknown;
}

/** pretalx writes "canceled", others "cancelled"; a withdrawn talk will not happen either. */
const CANCELLED_STATE = /^(cancell?ed|withdrawn|deleted|rejected)$/i;

export function isCancelledState(state: unknown): boolean {
  return typeof state === 'string' && CANCELLED_STATE.test(state.trim());
}

export function isOptout(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

export interface FrabSchedule {
  format: string;
  title?: unknown;
  acronym?: unknown;
  url?: unknown;
  timezone?: string;
  start?: string;
  end?: string;
  dayChange?: string;
  days: { date?: string; start?: string; end?: string; rooms: { name: string; events: FrabEvent[] }[] }[];
}

export function speakersOf(persons: readonly { name: unknown; biography?: unknown }[]): Speaker[] {
  const out: Speaker[] = [];
  for (const p of persons) {
    const name = lineText(p.name);
    if (!name) continue;
    const speaker: Speaker = { name };
    const bio = plainText(p.biography);
    if (bio) speaker.biography = bio;
    out.push(speaker);
  }
  return out;
}

/**
 * `<date>` says the instant, `<start>` the wall time people read. When they
 * disagree, a `<date>` whose clock reading equals `<start>` is a local time
 * written with a wrong offset (some producers write UTC offsets on local
 * times): the wall time wins. Otherwise the instant wins and we say so.
 */
function startOf(
  ev: FrabEvent,
  day: FrabSchedule['days'][number],
  zone: string,
  dayChange: number,
  warn: (w: ImportWarning) => void,
): DateTime | undefined {
  const subject = `event ${ev.id}`;
  const start = ev.start?.trim();
  if (ev.date && offsetOf(ev.date) !== null) {
    const at = instant(ev.date, zone);
    if (!at.isValid) {
      warn({ subject, field: 'date', message: `"${ev.date}" is not a date and time` });
    } else {
      if (!start || hhmmOfText(start) === hhmm(at)) return at;
      const literal = ev.date.trim().slice(0, 16);
      if (literal.slice(11, 16) === hhmmOfText(start)) {
        const wall = wallTime(literal.slice(0, 10), start, zone);
        warn({
          subject,
          field: 'date',
          message: `"${ev.date}" is ${hhmm(at)} in ${zone} but <start> says ${hhmmOfText(start)}; read as ${hhmmOfText(start)} local time (the offset looks wrong)`,
        });
        return wall;
      }
      warn({
        subject,
        field: 'start',
        message: `<start> ${start} disagrees with <date> ${ev.date}; used the date (${hhmm(at)} in ${zone})`,
      });
      return at;
    }
  }
  const date = ev.date?.slice(0, 10) ?? day.date;
  if (!date || !start) {
    warn({ subject, field: start ? 'date' : 'start', message: 'is missing; event left out' });
    return undefined;
  }
  const wall = wallTime(date, start, zone);
  if (!wall.isValid) {
    warn({ subject, field: 'start', message: `"${start}" is not a time; event left out` });
    return undefined;
  }
  // Without a <date>, a start before the day change is after midnight of the conference day.
  if (!ev.date && minutesOfDay(hhmmOfText(start)) < dayChange) return wall.plus({ days: 1 });
  return wall;
}

export function frabToDraft(s: FrabSchedule, timezone: string | undefined): Draft {
  const warnings: ImportWarning[] = [];
  const warn = (w: ImportWarning) => warnings.push(w);
  const dates = s.days.flatMap((day) => day.rooms.flatMap((room) => room.events.map((ev) => ev.date)));
  const zone = zoneOfTimes(s.timezone, timezone, dates, warnings);

  const dayStarts = s.days.map((d) => (d.start && offsetOf(d.start) !== null ? hhmm(instant(d.start, zone)) : undefined));
  const dayChange = s.dayChange ? hhmmOfText(s.dayChange) : mostCommon(dayStarts.filter((x): x is string => x !== undefined));

  const rooms: string[] = [];
  const sessions: DraftSession[] = [];
  for (const day of s.days) {
    for (const room of day.rooms) {
      const roomName = lineText(room.name) ?? lineText(room.events[0]?.room);
      if (roomName && !rooms.includes(roomName)) rooms.push(roomName);
      for (const ev of room.events) {
        const start = startOf(ev, day, zone, dayChange ? minutesOfDay(dayChange) : 0, warn);
        if (!start) continue;
        const session: DraftSession = { sourceId: ev.id, start, speakers: speakersOf(ev.persons) };
        const duration = parseDuration(ev.duration);
        if (duration.ok) {
          session.end = start.plus({ minutes: duration.minutes });
          if (duration.note) warn({ subject: `event ${ev.id}`, field: 'duration', message: duration.note });
        } else {
          warn({ subject: `event ${ev.id}`, field: 'duration', message: `${duration.message}; imported without an end` });
        }
        const eventRoom = roomName ?? lineText(ev.room);
        if (eventRoom) session.room = eventRoom;
        copyEventTexts(session, ev);
        const track = lineText(ev.track);
        if (track) session.track = track;
        if (isOptout(ev.recordingOptout)) session.recorded = false;
        if (isCancelledState(ev.state)) session.cancelled = true;
        sessions.push(session);
      }
    }
  }

  const draft: Draft = {
    format: s.format,
    name: lineText(s.title) ?? lineText(s.acronym) ?? 'Conference',
    timezone: zone,
    rooms,
    sessions,
    warnings,
  };
  copyConferenceFields(draft, s);
  if (dayChange) draft.dayChange = dayChange;
  return draft;
}
