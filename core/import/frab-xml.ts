/**
 * frab / pentabarf `schedule.xml` (FOSDEM, CCC hub, pretalx's XML export),
 * read with fast-xml-parser. Only an event's own child elements are read, so
 * the `<title>` inside a `<link>` or `<attachment>` never becomes the event's.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError, type Draft } from './draft.ts';
import { frabToDraft, type FrabEvent, type FrabSchedule } from './frab.ts';

type Node = Record<string, unknown>;

const LISTS = new Set(['day', 'room', 'event', 'person', 'link', 'attachment']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Ids and durations stay text: "00:40" and "0042" are not numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => LISTS.has(name),
});

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '#text' in value) return String((value as Node)['#text']);
  return undefined;
}

function list(value: unknown): Node[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is Node => typeof v === 'object' && v !== null);
}

function eventOf(ev: Node, index: number): FrabEvent {
  const persons = (ev.persons as Node | undefined)?.person;
  const out: FrabEvent = {
    id: String(ev['@id'] ?? ev['@guid'] ?? text(ev.slug) ?? `#${index + 1}`),
    persons: (Array.isArray(persons) ? persons : []).map((p: unknown) => ({ name: text(p) })),
  };
  const date = text(ev.date);
  if (date) out.date = date;
  const start = text(ev.start);
  if (start) out.start = start;
  out.duration = text(ev.duration);
  out.room = text(ev.room);
  out.title = text(ev.title);
  out.subtitle = text(ev.subtitle);
  out.type = text(ev.type);
  out.track = text(ev.track);
  out.abstract = text(ev.abstract);
  out.description = text(ev.description);
  out.language = text(ev.language);
  out.recordingOptout = text((ev.recording as Node | undefined)?.optout);
  return out;
}

export function isFrabXml(text: string): boolean {
  return /<schedule[\s>]/.test(text.slice(0, 4000));
}

/**
 * Entity declarations a schedule never needs and the parser would throw on: an
 * external entity (a file or address to read: XXE) or a parameter entity. Only
 * the prolog, before the root element, can declare them.
 */
function refuseEntities(source: string): void {
  const root = source.search(/<schedule[\s>]/);
  const prolog = root < 0 ? source : source.slice(0, root);
  if (/<!ENTITY\s+%/.test(prolog))
    throw new ImportError(
      'the XML declares a parameter entity (<!ENTITY % …>); schedules never need one: remove the <!DOCTYPE> block',
    );
  if (/<!ENTITY\s+[^\s%]+\s+(SYSTEM|PUBLIC)\b/i.test(prolog))
    throw new ImportError(
      'the XML declares an external entity (<!ENTITY … SYSTEM …>); Foyer never reads the files or addresses a schedule names: remove the <!DOCTYPE> block',
    );
}

/** The parser's own errors, for the few it throws, in words an organiser can act on. */
function parseOrRefuse(source: string): Node {
  try {
    return parser.parse(source) as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested tags/i.test(message))
      throw new ImportError('elements are nested more than 100 deep: not a schedule (a schedule is a few levels deep)');
    throw new ImportError(`not a schedule Foyer can read: ${message}`);
  }
}

export function importFrabXml(source: string, timezone: string | undefined): Draft {
  refuseEntities(source);
  // The parser alone accepts a file cut off mid-download and returns part of the
  // schedule; validating first costs a quarter of the import time and catches it.
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw new ImportError(`not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  const root = parseOrRefuse(source);
  const schedule = root.schedule as Node | undefined;
  if (!schedule || typeof schedule !== 'object')
    throw new ImportError('XML without a <schedule> element: not a frab/pentabarf schedule');
  const conference = (schedule.conference ?? {}) as Node;
  const days = list(schedule.day);
  if (days.length === 0) throw new ImportError('the <schedule> has no <day> elements: no sessions to import');
  let counter = 0;
  const model: FrabSchedule = {
    format: 'frab/pentabarf schedule.xml',
    title: text(conference.title),
    acronym: text(conference.acronym),
    url: text(conference.url) ?? text(conference.base_url),
    timezone: text(conference.time_zone_name) || undefined,
    start: text(conference.start),
    end: text(conference.end),
    dayChange: text(conference.day_change) || undefined,
    days: days.map((day) => ({
      date: day['@date'] as string | undefined,
      start: day['@start'] as string | undefined,
      end: day['@end'] as string | undefined,
      rooms: list(day.room).map((room) => ({
        name: String(room['@name'] ?? ''),
        events: list(room.event).map((ev) => eventOf(ev, counter++)),
      })),
    })),
  };
  return frabToDraft(model, timezone);
}
