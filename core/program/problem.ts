/**
 * A problem found in a program file, as every check reports it (the validator
 * and its checks of references and times, the importers' warnings), and as
 * the tools print it.
 */
export interface Problem {
  /** Where in the file, as a JSON path: `items[14].end`; empty for the whole file. */
  path: string;
  message: string;
  /** For warnings: what sort of thing it is (`overlap`, `parts`), so a summary can count them. */
  kind?: string;
}

/** `data/program.json: items[14]: end 09:30 is before start 09:40` */
export function formatProblem(source: string, problem: Problem): string {
  const where = problem.path ? `${problem.path}: ` : '';
  return `${source}: ${where}${problem.message}`;
}
