/** Long lists of problems, as the tools print them and the kiosk's status line keeps them: cut after a few. */

/** At most `max` lines, then "… and 299,990 more". */
export function capLines(lines: readonly string[], max: number): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `… and ${(lines.length - max).toLocaleString('en')} more`];
}
