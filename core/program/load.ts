/**
 * Turns the text of a program source into a validated Program: Foyer's own
 * JSON, or an organiser's export (frab/pentabarf XML, schedule.json, pretalx
 * widget JSON, iCalendar), detected from the content. Imported programs pass
 * the same validator as hand-written ones.
 */
import { detectAndImport, formatWarning } from '../import/index.ts';
import type { Program } from './schema.ts';
import { formatProblem, validateProgram, type Problem } from './validate.ts';

export interface LoadOptions {
  /** IANA zone for exports that carry none. */
  timezone?: string;
}

export type LoadResult = { ok: true; program: Program; warnings: string[]; format?: string } | { ok: false; errors: string[] };

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
    path: problem.path.replace(/^items\[(\d+)\]/, (_m, i: string) => name(i)),
    message: problem.message.replace(/items\[(\d+)\]/g, (_m, i: string) => name(i)),
  };
}

/** `name` is the file path or URL, used in every message. */
export function loadProgramText(text: string, name: string, options: LoadOptions = {}): LoadResult {
  const detected = detectAndImport(text, options.timezone);
  if (detected.kind === 'error') return { ok: false, errors: [`${name}: ${detected.message}`] };
  if (detected.kind === 'foyer') {
    const result = validateProgram(detected.value);
    if (!result.ok) return { ok: false, errors: result.errors.map((p) => formatProblem(name, p)) };
    return {
      ok: true,
      program: result.program,
      warnings: result.warnings.map((p) => formatProblem(name, p)),
      format: 'Foyer JSON',
    };
  }
  const { program, sourceIds, warnings } = detected.built;
  const result = validateProgram(program, { overlaps: 'warning' });
  const fromValidator = (list: Problem[]) => list.map((p) => formatProblem(name, inSourceTerms(p, sourceIds)));
  if (!result.ok) {
    return { ok: false, errors: fromValidator(result.errors) };
  }
  return {
    ok: true,
    program: result.program,
    warnings: [...warnings.map((w) => formatWarning(name, w)), ...fromValidator(result.warnings)],
    format: detected.format,
  };
}
