/**
 * One validator guards every load: the CLI, the hub, the kiosk and the
 * importers all go through `validateProgramText` / `validateProgram`, so a
 * program that reaches a screen has passed exactly these checks.
 */
import type { z } from 'zod';
import { isValidZone } from '../time.ts';
import { checkReferences } from './check-references.ts';
import { checkOverlaps, checkTimes } from './check-times.ts';
import { parseJsonText } from './json-text.ts';
import type { Problem } from './problem.ts';
import { Program } from './schema.ts';

export type ValidationResult =
  { ok: true; program: Program; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
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

/** Validates an already-parsed value. */
export function validateProgram(data: unknown): ValidationResult {
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
  duplicateIds(program.groups ?? [], 'groups', errors);
  checkReferences(program, errors, warnings);
  checkTimes(program, errors);
  if (errors.length === 0) checkOverlaps(program, warnings);
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
