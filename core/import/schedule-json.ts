/**
 * The c3voc `schedule.json` written by frab, pretalx and the CCC hub. v1
 * nests events in days → rooms like the XML; v2 lists `schedule.events` with
 * absolute start and end. Real files break the published JSON Schema, so we
 * read what is there and warn rather than refuse.
 */
import { ImportError, instant, type Draft, type DraftSession, type ImportWarning, type RoomInfo } from './draft.ts';
import { copyConferenceFields, copyEventTexts, zoneOfTimes } from './fields.ts';
import { frabToDraft, isCancelledState, isOptout, speakersOf, type FrabEvent } from './frab.ts';
import { lineText } from './text.ts';
import { hhmm } from '../time.ts';

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** `{en: "…", de: "…"}` as pretalx writes translated fields. */
export function i18n(value: unknown): string | undefined {
  const o = obj(value);
  if (!o) return str(value);
  for (const key of ['en', ...Object.keys(o)]) if (typeof o[key] === 'string' && o[key]) return o[key] as string;
  return undefined;
}

export function isScheduleJson(data: unknown): boolean {
  return obj(obj(obj(data)?.schedule)?.conference) !== undefined;
}

function personOf(p: unknown): { name: unknown; biography?: unknown } {
  const o = obj(p);
  if (!o) return { name: p };
  return { name: o.public_name ?? o.name ?? o.full_public_name, biography: o.biography ?? o.abstract };
}

function v1(conference: Obj, timezone: string | undefined): Draft {
  const days = arr(conference.days)
    .map(obj)
    .filter((d): d is Obj => d !== undefined);
  return frabToDraft(
    {
      format: 'schedule.json (v1)',
      title: conference.title,
      acronym: conference.acronym,
      url: conference.url ?? conference.base_url,
      timezone: str(conference.time_zone_name) || undefined,
      start: str(conference.start),
      end: str(conference.end),
      dayChange: str(conference.day_change) || undefined,
      days: days.map((day) => ({
        date: str(day.date),
        start: str(day.day_start ?? day.start),
        end: str(day.day_end ?? day.end),
        rooms: Object.entries(obj(day.rooms) ?? {}).map(([name, events]) => ({
          name,
          events: arr(events).map((e, i): FrabEvent => {
            const ev = obj(e) ?? {};
            const out: FrabEvent = {
              id: str(ev.id) ?? str(ev.guid) ?? str(ev.slug) ?? `#${i + 1}`,
              persons: arr(ev.persons).map(personOf),
              duration: ev.duration,
              title: ev.title,
              subtitle: ev.subtitle,
              type: ev.type,
              track: i18n(ev.track),
              abstract: ev.abstract,
              description: ev.description,
              language: ev.language,
              recordingOptout: ev.do_not_record,
              state: ev.state ?? ev.status,
            };
            const date = str(ev.date);
            if (date) out.date = date;
            const start = str(ev.start);
            if (start) out.start = start;
            const room = str(ev.room);
            if (room) out.room = room;
            return out;
          }),
        })),
      })),
    },
    timezone,
  );
}

/** The hub's room `features.recording` values that mean nothing there is recorded. */
const UNRECORDED = new Set(['not_recorded_by_default', 'recording_forbidden', 'recording_not_possible']);

function v2(schedule: Obj, conference: Obj, timezone: string | undefined): Draft {
  const warnings: ImportWarning[] = [];
  const events = arr(schedule.events)
    .map(obj)
    .filter((e): e is Obj => e !== undefined);
  const zone = zoneOfTimes(
    str(conference.time_zone_name),
    timezone,
    events.flatMap((e) => [str(e.start), str(e.end)]),
    warnings,
  );
  const bios = new Map<string, unknown>();
  for (const p of arr(schedule.persons).map(obj)) if (p && str(p.guid)) bios.set(str(p.guid)!, p.biography);
  const trackNames = new Map<string, string>();
  for (const t of arr(conference.tracks).map(obj))
    if (t && str(t.slug) && str(t.name)) trackNames.set(str(t.slug)!, str(t.name)!);
  const rooms: string[] = [];
  const roomInfo = new Map<string, RoomInfo>();
  // A room the hub says is never recorded makes every session in it unrecorded.
  const unrecordedRooms = new Set<string>();
  for (const r of arr(conference.rooms)) {
    const name = lineText(obj(r)?.name ?? r);
    if (name === undefined) continue;
    rooms.push(name);
    const room = obj(r) ?? {};
    const info: RoomInfo = {};
    const type = lineText(room.type);
    if (type) info.type = type;
    const assembly = lineText(obj(room.assembly)?.name);
    if (assembly) info.assembly = assembly;
    roomInfo.set(name, info);
    if (UNRECORDED.has(str(obj(room.features)?.recording) ?? '')) unrecordedRooms.add(name);
  }

  const sessions: DraftSession[] = [];
  events.forEach((ev, i) => {
    const sourceId = str(ev.id) ?? str(ev.guid) ?? str(ev.slug) ?? `#${i + 1}`;
    const startText = str(ev.start);
    const start = startText ? instant(startText, zone) : undefined;
    if (!start?.isValid) {
      warnings.push({
        subject: `event ${sourceId}`,
        field: 'start',
        message: `${startText ? `"${startText}" is not a date and time` : 'is missing'}; event left out`,
      });
      return;
    }
    const session: DraftSession = {
      sourceId,
      start,
      speakers: speakersOf(
        arr(ev.participants ?? ev.persons).map((p) => {
          const o = obj(p);
          const guid = o ? str(o.guid) : undefined;
          return { ...personOf(p), biography: (o?.biography as unknown) ?? (guid ? bios.get(guid) : undefined) };
        }),
      ),
    };
    const endText = str(ev.end);
    const end = endText ? instant(endText, zone) : undefined;
    if (end?.isValid) session.end = end;
    else
      warnings.push({
        subject: `event ${sourceId}`,
        field: 'end',
        message: 'is missing or not a date and time; imported without an end',
      });
    const room = lineText(obj(ev.room)?.name ?? ev.room);
    if (room) session.room = room;
    copyEventTexts(session, ev);
    const track = obj(ev.track);
    const trackName = track ? (lineText(track.name) ?? trackNames.get(str(track.slug) ?? '')) : lineText(ev.track);
    if (trackName) session.track = trackName;
    if (isOptout(ev.do_not_record) || (room !== undefined && unrecordedRooms.has(room))) session.recorded = false;
    if (isCancelledState(ev.state ?? ev.status)) session.cancelled = true;
    sessions.push(session);
  });

  const draft: Draft = {
    format: 'schedule.json (v2)',
    name: lineText(conference.title) ?? lineText(conference.acronym) ?? 'Conference',
    timezone: zone,
    rooms,
    roomInfo,
    sessions,
    warnings,
  };
  copyConferenceFields(draft, {
    acronym: conference.acronym,
    url: conference.url ?? schedule.base_url,
    start: str(conference.start),
    end: str(conference.end),
  });
  const dayStart = arr(conference.days)
    .map((d) => str(obj(d)?.start))
    .filter((s): s is string => s !== undefined)
    .map((s) => hhmm(instant(s, zone)));
  if (dayStart.length > 1) draft.dayChange = dayStart[1]!;
  return draft;
}

export function importScheduleJson(data: unknown, timezone: string | undefined): Draft {
  const schedule = obj(obj(data)?.schedule)!;
  const conference = obj(schedule.conference)!;
  if (Array.isArray(schedule.events)) return v2(schedule, conference, timezone);
  if (!Array.isArray(conference.days)) {
    throw new ImportError('schedule.json without schedule.conference.days (v1) or schedule.events (v2): no sessions to import');
  }
  return v1(conference, timezone);
}
