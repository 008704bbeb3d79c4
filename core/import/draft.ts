/**
 * What every importer produces before it becomes a Foyer program: sessions
 * with absolute instants and room names, plus the warnings that say what was
 * assumed. One builder (build.ts) turns drafts into programs so the mapping
 * rules (kinds, ids, rooms, zone) are the same for every format.
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import type { Speaker } from '../program/schema.ts';
import { isValidZone } from '../time.ts';

export interface ImportWarning {
  /** What the warning is about, as the source names it: `event 16409`, `the file`. */
  subject: string;
  field?: string;
  message: string;
  /** What sort of warning (`duration`, `title`); the field when absent. The CLIs count warnings by it. */
  kind?: string;
}

export function formatWarning(source: string, w: ImportWarning): string {
  return `${source}: ${w.subject}${w.field ? ` (field ${w.field})` : ''}: ${w.message}`;
}

export interface DraftSession {
  /** The export's own id, kept as the item id when unique. */
  sourceId: string;
  title?: string;
  subtitle?: string;
  /** The export's session type ("lecture", "Workshop", "devroom"). */
  type?: string;
  track?: string;
  start: DateTime;
  /** Absent: open-ended. */
  end?: DateTime;
  /** Room name; absent = for every room. */
  room?: string;
  speakers: Speaker[];
  abstract?: string;
  /** The export says it will not take place (pretalx `state`, a "Cancelled:" title). */
  cancelled?: boolean;
  /** The language it is given in (BCP 47). */
  language?: string;
  /** Title and abstract in other languages, by BCP 47 tag (pretalx's `{"en": …, "de": …}` fields). */
  translations?: Record<string, { title?: string; abstract?: string }>;
  /** false: the export says it will not be recorded (frab `<optout>`, `do_not_record`). */
  recorded?: boolean;
}

export interface Draft {
  format: string;
  name: string;
  shortName?: string;
  url?: string;
  timezone: string;
  /** Declared conference dates (local, ISO), when the export has them. */
  startDate?: string;
  endDate?: string;
  /** When the export's conference days begin ("HH:MM"), for days past midnight. */
  dayChange?: string;
  /** Room names in the export's order. */
  rooms: string[];
  /** What the export says about a room beyond its name (schedule.json v2 `type`, `assembly`), for --group-by. */
  roomInfo?: Map<string, RoomInfo>;
  sessions: DraftSession[];
  warnings: ImportWarning[];
}

export interface RoomInfo {
  /** lecturehall, stage, workshop… */
  type?: string;
  /** The assembly (organising group) the room belongs to. */
  assembly?: string;
}

export class ImportError extends Error {}

/** Offset in minutes from an ISO string's suffix (Z, +01:00, +0100), or null when it has none. */
export function offsetOf(iso: string): number | null {
  const m = /(Z|[+-]\d{2}:?\d{2})$/.exec(iso.trim());
  if (!m) return null;
  if (m[1] === 'Z') return 0;
  const digits = m[1]!.replace(':', '');
  const sign = digits[0] === '-' ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function offsetLabel(minutes: number): string {
  return FixedOffsetZone.instance(minutes).name.replace(/^UTC$/, 'UTC+00:00');
}

/**
 * The event's zone: what the file declares, else --timezone, else one inferred
 * from the offsets the file's times carry, when they all agree on one whole-hour
 * offset (then an Etc/GMT zone gives exactly those instants). Several offsets
 * mean daylight saving time somewhere we cannot name, so we ask.
 */
export function resolveZone(
  declared: string | undefined,
  option: string | undefined,
  offsets: readonly number[],
  warnings: ImportWarning[],
): string {
  if (declared !== undefined && declared !== '') {
    if (isValidZone(declared)) {
      if (option && option !== declared) {
        warnings.push({
          subject: 'the file',
          field: 'time zone',
          message: `the file says ${declared}; --timezone ${option} is ignored`,
        });
      }
      return declared;
    }
    if (!option)
      throw new ImportError(
        `unknown time zone "${declared}" in the file; pass --timezone with an IANA name such as Europe/Berlin`,
      );
    warnings.push({
      subject: 'the file',
      field: 'time zone',
      message: `"${declared}" is not an IANA zone; using --timezone ${option}`,
    });
  }
  if (option) {
    if (!isValidZone(option)) throw new ImportError(`--timezone "${option}" is not an IANA time zone (e.g. Europe/Berlin)`);
    return option;
  }
  const distinct = [...new Set(offsets)];
  if (distinct.length === 1 && distinct[0]! % 60 === 0) {
    const hours = distinct[0]! / 60;
    // Etc/GMT signs are inverted: Etc/GMT-1 is UTC+01:00.
    const zone = hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
    warnings.push({
      subject: 'the file',
      field: 'time zone',
      message: `no time zone given; every time carries ${offsetLabel(distinct[0]!)}, so times are shown in ${zone}. Pass --timezone (e.g. Europe/Berlin) to name the venue's zone`,
    });
    return zone;
  }
  if (distinct.length > 1) {
    throw new ImportError(
      `no time zone given and the times carry several offsets (${distinct.map(offsetLabel).join(', ')}); pass --timezone with the venue's IANA zone, e.g. --timezone Europe/Berlin`,
    );
  }
  throw new ImportError(
    "no time zone given in the file; pass --timezone with the venue's IANA zone, e.g. --timezone Europe/Berlin",
  );
}

/** A local wall time ("2025-02-01", "10:35") in `zone`; invalid DateTime when malformed. */
export function wallTime(date: string, time: string, zone: string): DateTime {
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!t) return DateTime.invalid(`bad time "${time}"`);
  const d = DateTime.fromISO(date.slice(0, 10), { zone });
  return d.set({ hour: Number(t[1]), minute: Number(t[2]), second: Number(t[3] ?? 0) });
}

/** An ISO instant with offset ("2025-02-01T10:35:00+01:00") seen in `zone`. */
export function instant(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso.trim(), { setZone: true }).setZone(zone);
}
