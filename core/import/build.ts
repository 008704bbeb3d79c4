/**
 * Draft → Foyer program. The result is plain data that still has to pass
 * validateProgram; `sourceIds` maps items[i] back to the export's event id so
 * validation errors can name the event the organiser knows.
 */
import type { DateTime } from 'luxon';
import { ITEM_KINDS, URL_MAX, type Item, type ItemKind, type Program, type Room } from '../program/schema.ts';
import type { Draft, DraftSession, ImportWarning, RoomInfo } from './draft.ts';
import { hhmmOfMinutes } from '../time.ts';
import { isHttpUrl } from '../url.ts';
import { titleChange } from './title-changes.ts';
import { venueWide } from './everyone.ts';

export interface Built {
  program: Program;
  sourceIds: string[];
  warnings: ImportWarning[];
  /** What the export says about each room (by room id), for --group-by. */
  roomInfo: Map<string, RoomInfo>;
}

export function slug(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return base || 'room';
}

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

const BY_TYPE: readonly [RegExp, ItemKind][] = [
  [/^\s*lightning/i, 'lightning-talks'],
  [/poster/i, 'poster-session'],
  [/\b(lunch|breakfast|meal)\b/i, 'meal'],
  [/\bdinner\b/i, 'dinner'],
  [/\b(break|pause|coffee)\b/i, 'break'],
  [/\b(registration|check-?in)\b/i, 'registration'],
  [
    /\b(lecture|talk|workshop|keynote|devroom|junior|panel|podium|presentation|tutorial|session|educational|meetup|discussion)\b/i,
    'talk',
  ],
];

/** Words in a speakerless session's title that mark the shared slots of the day. */
const BY_TITLE: readonly [RegExp, ItemKind][] = [
  [/\b(lunch|breakfast)\b/i, 'meal'],
  [/\b(conference )?dinner\b/i, 'dinner'],
  [/\b(coffee|tea|break|pause|kaffeepause)\b/i, 'break'],
  [/\b(registration|rego)\b/i, 'registration'],
  [/\b(opening|welcome)\b/i, 'opening'],
  [/\bclosing\b/i, 'closing'],
  [/\blightning talks?\b/i, 'lightning-talks'],
  [/\bposters?\b/i, 'poster-session'],
];

const PLACEHOLDER_TITLE = /^\s*(to be announced|tba|tbd|to be determined)\s*$/i;

export function kindOf(session: Pick<DraftSession, 'type' | 'title' | 'speakers'>): ItemKind {
  const type = session.type ?? '';
  // Foyer's own kinds (as its iCalendar export writes them); "other" is also
  // frab's catch-all type, so it says nothing and the heuristics still run.
  const exact = ITEM_KINDS.find((kind) => kind !== 'other' && kind === type.trim().toLowerCase());
  if (exact) return exact;
  for (const [pattern, kind] of BY_TYPE) if (pattern.test(type)) return kind;
  if (session.speakers.length) return 'talk';
  const title = session.title ?? '';
  for (const [pattern, kind] of BY_TITLE) if (pattern.test(title)) return kind;
  return 'other';
}

function local(dt: DateTime): string {
  return dt.second === 0 ? dt.toFormat("yyyy-MM-dd'T'HH:mm") : dt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

function minutesOf(dt: DateTime): number {
  return dt.hour * 60 + dt.minute;
}

export function buildProgram(draft: Draft): Built {
  const warnings = [...draft.warnings];
  const zone = draft.timezone;

  const roomIds = new Map<string, string>();
  const taken = new Set<string>();
  const rooms: Room[] = [];
  const addRoom = (name: string) => {
    if (roomIds.has(name)) return;
    const id = uniqueId(slug(name), taken);
    roomIds.set(name, id);
    rooms.push({ id, name });
  };
  draft.rooms.forEach(addRoom);
  for (const s of draft.sessions) if (s.room !== undefined) addRoom(s.room);
  if (rooms.length === 0) addRoom('Main room');

  const itemIds = new Set<string>();
  const firstSeen = new Map<string, number>();
  const items: Item[] = [];
  const sourceIds: string[] = [];
  const forEveryone = venueWide(draft.sessions);
  draft.sessions.forEach((s, index) => {
    const start = s.start.setZone(zone);
    let end = s.end?.setZone(zone);
    const subject = `event ${s.sourceId}`;
    if (end && end <= start) {
      warnings.push({
        subject,
        field: 'duration',
        message: end.equals(start)
          ? 'lasts 0 minutes; imported without an end'
          : 'ends before it starts; imported without an end',
      });
      end = undefined;
    }
    const wanted = s.sourceId.trim() || `item-${index + 1}`;
    const id = uniqueId(wanted, itemIds);
    if (id !== wanted) {
      warnings.push({
        subject,
        field: 'id',
        message: `id also used by the ${ordinal(firstSeen.get(wanted)!)} event in the file; this one is kept as "${id}"`,
      });
    } else firstSeen.set(wanted, index + 1);
    const item: Item = { id, kind: kindOf(s), start: local(start) };
    if (end) item.end = local(end);
    if (s.room !== undefined) item.room = roomIds.get(s.room)!;
    // Foyer shows an absent title as "to be announced"; a placeholder title is the same thing.
    const title = s.title && !PLACEHOLDER_TITLE.test(s.title) ? titleOf(s, subject, item, warnings) : undefined;
    if (title) item.title = title;
    if (s.subtitle && s.subtitle !== s.title) item.subtitle = s.subtitle;
    if (s.speakers.length) item.speakers = s.speakers;
    if (s.abstract) item.abstract = s.abstract;
    if (s.track) item.track = s.track;
    if (s.cancelled) item.cancelled = true;
    if (s.language) item.language = s.language;
    if (s.translations) item.translations = s.translations;
    if (s.recorded === false) item.recorded = false;
    if (forEveryone.has(index)) item.everyone = true;
    items.push(item);
    sourceIds.push(s.sourceId);
  });

  // Days past midnight: only declare a later day start when some session
  // actually needs it, so a board at 08:30 does not still think it is yesterday.
  let dayStartsAt: string | undefined;
  if (draft.dayChange) {
    const change = Number(draft.dayChange.slice(0, 2)) * 60 + Number(draft.dayChange.slice(3, 5));
    const starts = draft.sessions.map((s) => s.start.setZone(zone));
    const late = starts.filter((dt) => minutesOf(dt) < change);
    if (change > 0 && late.length) {
      dayStartsAt = hhmmOfMinutes(change);
      warnings.push({
        subject: 'the file',
        field: 'day_change',
        message: `days run past midnight: ${late.length === 1 ? '1 session' : `${late.length} sessions`} between 00:00 and ${dayStartsAt} ${late.length === 1 ? 'belongs' : 'belong'} to the day before (event.dayStartsAt ${dayStartsAt})`,
      });
    }
  }

  const days = items.map((i) => i.start.slice(0, 10)).sort();
  let startDate = draft.startDate ?? days[0];
  let endDate = draft.endDate ?? days.at(-1);
  if (!startDate || !endDate) {
    const today = draft.sessions[0]?.start.setZone(zone).toISODate();
    startDate = startDate ?? endDate ?? today ?? '1970-01-01';
    endDate = endDate ?? startDate;
  }
  // The validator wants every start's calendar date inside the event dates;
  // sessions after midnight of the last day are inside the conference days,
  // so only sessions outside those are worth a warning.
  const shift = dayStartsAt ? Number(dayStartsAt.slice(0, 2)) * 60 + Number(dayStartsAt.slice(3, 5)) : 0;
  const conferenceDays = draft.sessions.map((s) => s.start.setZone(zone).minus({ minutes: shift }).toISODate()!).sort();
  if (conferenceDays.length && (conferenceDays[0]! < startDate || conferenceDays.at(-1)! > endDate)) {
    warnings.push({
      subject: 'the file',
      field: 'start/end',
      message: `sessions run from ${conferenceDays[0]} to ${conferenceDays.at(-1)}, outside the conference dates ${startDate} to ${endDate}; the dates were widened`,
    });
  }
  if (days.length) {
    if (days[0]! < startDate) startDate = days[0]!;
    if (days.at(-1)! > endDate) endDate = days.at(-1)!;
  }

  const event: Program['event'] = { name: draft.name, timezone: zone, startDate, endDate, venues: [] };
  if (draft.shortName && draft.shortName !== draft.name) event.shortName = draft.shortName;
  if (dayStartsAt) event.dayStartsAt = dayStartsAt;
  if (draft.url) {
    if (isHttpUrl(draft.url) && !/\s/.test(draft.url) && draft.url.length <= URL_MAX) event.url = draft.url;
    else
      warnings.push({
        subject: 'the file',
        field: 'url',
        message: `"${draft.url.slice(0, 80)}" is not an http(s) URL of at most ${URL_MAX} characters; left out`,
      });
  }
  const roomInfo = new Map<string, RoomInfo>();
  for (const [name, info] of draft.roomInfo ?? []) {
    const id = roomIds.get(name);
    if (id !== undefined) roomInfo.set(id, info);
  }
  return { program: { version: 1, event, rooms, items }, sourceIds, warnings, roomInfo };
}

/**
 * The title without a "Cancelled:" marker, marking the item. A "moved" marker
 * is kept: in real exports ("[New time!: 22:00]") the event usually already
 * sits at its new place, and only the organiser knows.
 */
function titleOf(s: DraftSession, subject: string, item: Item, warnings: ImportWarning[]): string {
  const title = s.title!;
  const change = titleChange(title);
  if (!change) return title;
  if (change.change === 'cancelled') {
    item.cancelled = true;
    warnings.push({
      subject,
      field: 'title',
      kind: 'cancelled in title',
      message: `the title says "${change.marker}"; imported as cancelled, titled "${change.title}"`,
    });
  } else {
    warnings.push({
      subject,
      field: 'title',
      kind: 'moved in title',
      message: `the title says "${change.marker}"; imported where the file puts it (${item.start.slice(0, 10)} ${item.start.slice(11, 16)}${s.room !== undefined ? `, ${s.room}` : ''}); if that is its old place, add "movedTo" by hand`,
    });
  }
  return change.title;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
