/**
 * One validator guards every load: the CLI, the web host, the kiosk and the
 * importers all go through `validateProgramText` / `validateProgram`, so a
 * program that reaches a screen has passed exactly these checks.
 */
import type { z } from 'zod';
import { localToDateTime, isRealWallTime, isValidZone, wallTimeExists, hhmm } from '../time.ts';
import { parseJsonText } from './json-text.ts';
import { Program, type Item } from './schema.ts';

export interface Problem {
  /** Where in the file, as a JSON path: `items[14].end`; empty for the whole file. */
  path: string;
  message: string;
}

export type ValidationResult =
  { ok: true; program: Program; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/** `data/program.json: items[14]: end 09:30 is before start 09:40` */
export function formatProblem(source: string, problem: Problem): string {
  const where = problem.path ? `${problem.path}: ` : '';
  return `${source}: ${where}${problem.message}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [...]',
  object: 'an object {...}',
};

/** Zod's own English ("Too small: expected number to be >=1") starts with a capital; ours never does. */
function isZodDefault(message: string): boolean {
  return /^[A-Z]/.test(message);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Zod's issues rephrased as sentences an organiser editing by hand can act on. */
function sentence(issue: z.core.$ZodIssue, root: unknown): Problem {
  const last = issue.path.at(-1);
  const field = last === undefined ? 'the file' : typeof last === 'number' ? 'this entry' : String(last);
  const value = valueAt(root, issue.path);
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return { path, message: `${field} is missing` };
      const expected = EXPECTED[issue.expected] ?? `a ${issue.expected}`;
      return { path, message: `${field} must be ${expected}, not ${describeValue(value)}` };
    }
    case 'unrecognized_keys':
      return {
        path,
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`,
      };
    case 'invalid_value': {
      if (value === undefined) return { path, message: `${field} is missing` };
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const must = allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`;
      return { path, message: `${field} is ${describeValue(value)}; it must be ${must}` };
    }
    case 'too_small':
    case 'too_big': {
      if (!isZodDefault(issue.message)) break;
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const limit = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'array')
        return { path, message: `${field} must have ${limit} ${bound} entr${bound === 1 ? 'y' : 'ies'}` };
      if (issue.origin === 'string') return { path, message: `${field} must be ${limit} ${bound} characters long` };
      return { path, message: `${field} is ${describeValue(value)}; it must be ${limit} ${bound}` };
    }
    case 'invalid_format':
      if (isZodDefault(issue.message)) return { path, message: `${field} ${describeValue(value)} is not in the expected format` };
      break;
    default:
      break;
  }
  return { path, message: `${field} ${isZodDefault(issue.message) ? `is not valid (${issue.message})` : issue.message}` };
}

function duplicateIds(list: readonly { id: string }[], name: string, errors: Problem[]): void {
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first === undefined) seen.set(entry.id, index);
    else errors.push({ path: `${name}[${index}].id`, message: `duplicate id "${entry.id}" (also ${name}[${first}])` });
  });
}

function itemLabel(item: Item): string {
  return item.title ? `"${item.title}"` : `(${item.kind}, title to be announced)`;
}

function checkTimes(program: Program, errors: Problem[]): void {
  const zone = program.event.timezone;
  const { startDate, endDate } = program.event;
  if (startDate > endDate) errors.push({ path: 'event.endDate', message: `endDate ${endDate} is before startDate ${startDate}` });

  if (program.event.dayStartsAt !== undefined && !isRealWallTime(`2026-01-01T${program.event.dayStartsAt}`)) {
    errors.push({
      path: 'event.dayStartsAt',
      message: `dayStartsAt ${program.event.dayStartsAt} is not a time of day (00:00 to 23:59)`,
    });
  }
  for (const key of ['startDate', 'endDate'] as const) {
    const date = program.event[key];
    if (!isRealWallTime(`${date}T00:00`)) errors.push({ path: `event.${key}`, message: `${key} ${date} is not a real date` });
  }

  program.items.forEach((item, index) => {
    // A time already reported as impossible is not compared again ("end 03:30 is the same as start 03:30").
    let timesExist = true;
    for (const key of ['start', 'end'] as const) {
      const local = item[key];
      if (local === undefined) continue;
      if (!isRealWallTime(local) || !localToDateTime(local, zone).isValid) {
        timesExist = false;
        errors.push({ path: `items[${index}].${key}`, message: `${key} ${local} is not a real date and time` });
      } else if (!wallTimeExists(local, zone)) {
        timesExist = false;
        errors.push({
          path: `items[${index}].${key}`,
          message: `${key} ${local} does not exist in ${zone} (the clocks skip it for daylight saving time)`,
        });
      }
    }
    const startDay = item.start.slice(0, 10);
    // With the dates themselves reversed, every item would be "outside" them: one message is enough.
    if (startDate <= endDate && (startDay < startDate || startDay > endDate)) {
      errors.push({
        path: `items[${index}].start`,
        message: `start ${item.start} is outside the event dates ${startDate} to ${endDate}`,
      });
    }
    if (item.end !== undefined) {
      const start = localToDateTime(item.start, zone);
      const end = localToDateTime(item.end, zone);
      if (timesExist && end <= start) {
        const sameDay = item.end.slice(0, 10) === item.start.slice(0, 10);
        const show = (local: string, dt: typeof start) => (sameDay ? hhmm(dt) : local);
        errors.push({
          path: `items[${index}]`,
          message: `end ${show(item.end, end)} is ${end.equals(start) ? 'the same as' : 'before'} start ${show(item.start, start)}`,
        });
      }
    }
  });
}

function checkOverlaps(program: Program, errors: Problem[]): void {
  const zone = program.event.timezone;
  const byRoom = new Map<string, { index: number; start: number; end: number }[]>();
  program.items.forEach((item, index) => {
    if (item.room === undefined || item.end === undefined) return;
    const start = localToDateTime(item.start, zone).toMillis();
    const end = localToDateTime(item.end, zone).toMillis();
    if (!(end > start)) return;
    const list = byRoom.get(item.room) ?? [];
    list.push({ index, start, end });
    byRoom.set(item.room, list);
  });
  for (const [room, list] of byRoom) {
    list.sort((a, b) => a.start - b.start || a.index - b.index);
    let latest = list[0];
    for (const entry of list.slice(1)) {
      if (latest && entry.start < latest.end) {
        const a = program.items[latest.index]!;
        const b = program.items[entry.index]!;
        errors.push({
          path: `items[${entry.index}]`,
          message: `${itemLabel(b)} (${b.start.slice(11, 16)}–${b.end!.slice(11, 16)}) overlaps items[${latest.index}] ${itemLabel(a)} (${a.start.slice(11, 16)}–${a.end!.slice(11, 16)}) in room "${room}"`,
        });
      }
      if (!latest || entry.end > latest.end) latest = entry;
    }
  }
}

function checkReferences(program: Program, errors: Problem[], warnings: Problem[]): void {
  const rooms = new Set(program.rooms.map((r) => r.id));
  const venues = new Set(program.event.venues.map((v) => v.id));
  const list = (set: Set<string>) => [...set].map((id) => `"${id}"`).join(', ') || 'none';
  program.rooms.forEach((room, index) => {
    if (room.venue !== undefined && !venues.has(room.venue)) {
      errors.push({ path: `rooms[${index}].venue`, message: `unknown venue "${room.venue}" (venues: ${list(venues)})` });
    }
  });
  const parts = new Map<string, { index: number; count: number }[]>();
  program.items.forEach((item, index) => {
    if (item.room !== undefined && !rooms.has(item.room)) {
      errors.push({ path: `items[${index}].room`, message: `unknown room "${item.room}" (rooms: ${list(rooms)})` });
    }
    for (const key of ['venue', 'destination'] as const) {
      const id = item[key];
      if (id !== undefined && !venues.has(id)) {
        errors.push({ path: `items[${index}].${key}`, message: `unknown venue "${id}" (venues: ${list(venues)})` });
      }
    }
    if (item.part) {
      if (item.part.index > item.part.count) {
        errors.push({
          path: `items[${index}].part.index`,
          message: `part ${item.part.index} of ${item.part.count} does not exist`,
        });
      }
      const group = parts.get(item.part.group) ?? [];
      group.push({ index, count: item.part.count });
      parts.set(item.part.group, group);
    }
  });
  for (const [group, members] of parts) {
    const count = members[0]!.count;
    if (members.length !== count) {
      warnings.push({
        path: `items[${members[0]!.index}].part`,
        message: `multi-part talk "${group}" says ${count} parts but the program has ${members.length}`,
      });
    }
  }
}

export interface ValidateOptions {
  /**
   * Overlapping items in one room are an error in a hand-written program (a
   * typo in a time), but real exports nest sessions on purpose (a concert
   * inside a longer stage slot), so imported programs only warn.
   */
  overlaps?: 'error' | 'warning';
}

/** Validates an already-parsed value. */
export function validateProgram(data: unknown, options: ValidateOptions = {}): ValidationResult {
  const parsed = Program.safeParse(data);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => sentence(issue, data)), warnings: [] };
  }
  const program = parsed.data;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  if (!isValidZone(program.event.timezone)) {
    errors.push({
      path: 'event.timezone',
      message: `unknown time zone "${program.event.timezone}" (use an IANA name such as Europe/Stockholm)`,
    });
    return { ok: false, errors, warnings };
  }
  duplicateIds(program.rooms, 'rooms', errors);
  duplicateIds(program.event.venues, 'event.venues', errors);
  duplicateIds(program.items, 'items', errors);
  duplicateIds(program.announcements ?? [], 'announcements', errors);
  checkReferences(program, errors, warnings);
  checkTimes(program, errors);
  if (errors.length === 0) checkOverlaps(program, options.overlaps === 'warning' ? warnings : errors);
  return errors.length ? { ok: false, errors, warnings } : { ok: true, program, warnings };
}

/** Validates the text of a program file, reporting malformed JSON with line and column. */
export function validateProgramText(text: string): ValidationResult {
  const json = parseJsonText(text.replace(/^\uFEFF/, ''));
  if (!json.ok) {
    return {
      ok: false,
      errors: [{ path: '', message: `not valid JSON at line ${json.line}, column ${json.column}: ${json.message}` }],
      warnings: [],
    };
  }
  return validateProgram(json.value);
}
