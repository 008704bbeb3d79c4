/**
 * Turns the text of a program source into a validated Program: Foyer's own
 * JSON, or (see core/import) an organiser's export.
 */
import type { Program } from './schema.ts';
import { formatProblem, validateProgramText } from './validate.ts';

export interface LoadOptions {
  /** IANA zone for exports that carry none. */
  timezone?: string;
}

export type LoadResult = { ok: true; program: Program; warnings: string[] } | { ok: false; errors: string[] };

/** `name` is the file path or URL, used in every message. */
export function loadProgramText(text: string, name: string, _options: LoadOptions = {}): LoadResult {
  const result = validateProgramText(text);
  if (!result.ok) return { ok: false, errors: result.errors.map((p) => formatProblem(name, p)) };
  return { ok: true, program: result.program, warnings: result.warnings.map((p) => formatProblem(name, p)) };
}
