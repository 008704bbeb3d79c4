/**
 * Turns the text of a program source into a validated Program: Foyer's own
 * JSON, or an organiser's export (frab/pentabarf XML, schedule.json, pretalx
 * widget JSON, iCalendar), detected from the content. Imported programs pass
 * the same validator as hand-written ones.
 */
import { detectAndImport, formatWarning, importFailure } from './index.ts';
import { groupRooms, type GroupBy } from './room-groups.ts';
import type { Program } from '../program/schema.ts';
import { formatProblem, type Problem } from '../program/problem.ts';
import { validateProgram } from '../program/validate.ts';

export interface LoadOptions {
  /** IANA zone for exports that carry none. */
  timezone?: string;
  /** Room groups to make for an imported export (`npm run import -- --group-by`). */
  groupBy?: GroupBy;
}

/** A warning with what sort of thing it is, so the CLIs can count them by kind. */
export interface LoadNote {
  kind: string;
  line: string;
}

export type LoadResult =
  { ok: true; program: Program; warnings: string[]; notes: LoadNote[]; format?: string } | { ok: false; errors: string[] };

function withLines(notes: LoadNote[]): { warnings: string[]; notes: LoadNote[] } {
  return { warnings: notes.map((n) => n.line), notes };
}

/**
 * The validator speaks of items[14]; an organiser knows their export's
 * event ids, so problems in an imported program name those instead.
 */
function inSourceTerms(problem: Problem, sourceIds: readonly string[]): Problem {
  const name = (index: string) => {
    const id = sourceIds[Number(index)];
    return id !== undefined ? `event ${id}` : `items[${index}]`;
  };
  return {
    ...problem,
    path: problem.path.replace(/^items\[(\d+)\]/, (_m, i: string) => name(i)),
    message: problem.message.replace(/items\[(\d+)\]/g, (_m, i: string) => name(i)),
  };
}

/** Bidirectional embeddings and overrides: in a name they make "gpj.exe" read as "exe.jpg". */
const BIDI_OVERRIDES = /[\u202a-\u202e]/g;
/** Overrides and isolates: nothing an id or a reference needs. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/**
 * The fields people read, where isolates (U+2066–2069) stay: they keep a Latin
 * name inside an Arabic title (or the other way round) in its own order, and
 * cannot reverse a run of text as an override can.
 */
const READ_TEXTS = new Set([
  'name',
  'shortName',
  'title',
  'subtitle',
  'abstract',
  'biography',
  'notice',
  'text',
  'caption',
  'notes',
  'address',
]);

/**
 * Every text of a program without bidirectional overrides (and ids and
 * references without isolates either), so every view shows clean text. Before
 * validation, so ids that differed only by them are caught as duplicates.
 * Iterative: the value may be any JSON, nested arbitrarily deep.
 */
function withoutBidiControls(value: unknown): unknown {
  const root = { value };
  const stack: Record<string, unknown>[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (typeof child === 'string') node[key] = child.replace(READ_TEXTS.has(key) ? BIDI_OVERRIDES : BIDI_CONTROLS, '');
      else if (child !== null && typeof child === 'object') stack.push(child as Record<string, unknown>);
    }
  }
  return root.value;
}

/**
 * `name` is the file name or URL, used in every message. Never throws: whatever
 * the text, the result is a program or messages naming `name`.
 */
export function loadProgramText(text: string, name: string, options: LoadOptions = {}): LoadResult {
  try {
    return load(text, name, options);
  } catch (error) {
    return { ok: false, errors: [`${name}: ${importFailure(error)}`] };
  }
}

function load(text: string, name: string, options: LoadOptions): LoadResult {
  const detected = detectAndImport(text, options.timezone);
  if (detected.kind === 'error') return { ok: false, errors: [`${name}: ${detected.message}`] };
  if (detected.kind === 'foyer') {
    const result = validateProgram(withoutBidiControls(detected.value));
    if (!result.ok) return { ok: false, errors: result.errors.map((p) => formatProblem(name, p)) };
    return {
      ok: true,
      program: result.program,
      ...withLines(result.warnings.map((p) => ({ kind: p.kind ?? 'other', line: formatProblem(name, p) }))),
      format: 'Foyer JSON',
    };
  }
  const { sourceIds, warnings, roomInfo } = detected.built;
  let program = detected.built.program;
  if (options.groupBy) {
    const groups = groupRooms(program, options.groupBy, roomInfo, warnings);
    if (groups.length) program = { ...program, groups };
  }
  const result = validateProgram(withoutBidiControls(program));
  const fromValidator = (p: Problem) => formatProblem(name, inSourceTerms(p, sourceIds));
  if (!result.ok) {
    return { ok: false, errors: result.errors.map(fromValidator) };
  }
  return {
    ok: true,
    program: result.program,
    ...withLines([
      ...warnings.map((w) => ({ kind: w.kind ?? w.field ?? 'other', line: formatWarning(name, w) })),
      ...result.warnings.map((p) => ({ kind: p.kind ?? 'other', line: fromValidator(p) })),
    ]),
    format: detected.format,
  };
}
