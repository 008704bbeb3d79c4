/**
 * pretalx's schedule widget data (`/schedule/widgets/schedule.json`,
 * `widget/v2.json`): flat `talks` with ISO start/end, rooms/tracks/speakers
 * referenced by id or code, names possibly translated (`{en: …}`).
 * Breaks are talks without speakers; their titles give the kind.
 */
import { instant, type Draft, type DraftSession, type ImportWarning } from './draft.ts';
import { parseDuration } from './duration.ts';
import { copyConferenceFields, zoneOfTimes, languageOf, translationsOf } from './fields.ts';
import { isCancelledState, isOptout, speakersOf } from './frab.ts';
import { i18n } from './schedule-json.ts';
import { lineText, plainText } from './text.ts';

type Obj = Record<string, unknown>;

function objs(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter((v): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
}

function key(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export function isPretalxWidget(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Array.isArray((data as Obj).talks);
}

export function importPretalxWidget(data: Obj, timezone: string | undefined): Draft {
  const warnings: ImportWarning[] = [];
  const talks = objs(data.talks);
  const zone = zoneOfTimes(
    key(data.timezone),
    timezone,
    talks.flatMap((t) => [key(t.start), key(t.end)]),
    warnings,
  );

  const roomNames = new Map<string, string>();
  const rooms: string[] = [];
  for (const r of objs(data.rooms)) {
    const name = lineText(i18n(r.name));
    if (!name) continue;
    roomNames.set(key(r.id) ?? name, name);
    if (!rooms.includes(name)) rooms.push(name);
  }
  const tracks = new Map<string, string>();
  for (const t of objs(data.tracks)) {
    const name = lineText(i18n(t.name));
    if (name && key(t.id)) tracks.set(key(t.id)!, name);
  }
  const speakers = new Map<string, Obj>();
  for (const s of objs(data.speakers)) if (key(s.code)) speakers.set(key(s.code)!, s);

  const sessions: DraftSession[] = [];
  talks.forEach((t, i) => {
    const sourceId = key(t.code) ?? key(t.id) ?? `#${i + 1}`;
    const subject = `talk ${sourceId}`;
    const startText = key(t.start);
    const start = startText ? instant(startText, zone) : undefined;
    if (!start?.isValid) {
      warnings.push({
        subject,
        field: 'start',
        message: `${startText ? `"${startText}" is not a date and time` : 'is missing'}; left out`,
      });
      return;
    }
    const people = (Array.isArray(t.speakers) ? t.speakers : []).map((s: unknown) => {
      const found = speakers.get(key(s) ?? '');
      if (found) return { name: found.name, biography: found.biography };
      return typeof s === 'object' && s !== null
        ? { name: (s as Obj).name, biography: (s as Obj).biography }
        : { name: undefined };
    });
    const session: DraftSession = { sourceId, start, speakers: speakersOf(people) };
    const endText = key(t.end);
    const end = endText ? instant(endText, zone) : undefined;
    if (end?.isValid) session.end = end;
    else {
      const duration = parseDuration(t.duration);
      if (duration.ok) session.end = start.plus({ minutes: duration.minutes });
      else warnings.push({ subject, field: 'end', message: 'is missing; imported without an end' });
    }
    const roomKey = key(t.room) ?? lineText(i18n(t.room));
    const room = roomKey !== undefined ? (roomNames.get(roomKey) ?? lineText(i18n(t.room))) : undefined;
    if (room) session.room = room;
    const title = lineText(i18n(t.title));
    if (title) session.title = title;
    const track = tracks.get(key(t.track) ?? '') ?? lineText(i18n((t.track as Obj | undefined)?.name));
    if (track) session.track = track;
    const abstract = plainText(i18n(t.abstract));
    if (abstract) session.abstract = abstract;
    const translations = translationsOf({ title: t.title, abstract: t.abstract }, session);
    if (translations) session.translations = translations;
    // Present when pretalx shows all talks (organisers' preview): "canceled", "withdrawn".
    if (isCancelledState(t.state)) session.cancelled = true;
    if (isOptout(t.do_not_record)) session.recorded = false;
    const language = languageOf(t.content_locale);
    if (language) session.language = language;
    sessions.push(session);
  });

  const draft: Draft = {
    format: 'pretalx widget JSON',
    name: lineText(i18n(data.event_name ?? data.name)) ?? 'Conference',
    timezone: zone,
    rooms,
    sessions,
    warnings,
  };
  copyConferenceFields(draft, { start: key(data.event_start), end: key(data.event_end) });
  // pretalx days run 04:00 to 03:59.
  draft.dayChange = '04:00';
  return draft;
}
