/** The kiosk's log: one timestamped line each, to standard output (journald keeps it under systemd). */
let problem: string | null = null;
const PROBLEM = /\b(crash\w*|fail\w*|error|cannot|could not|unreachable|refused|blocked|hung|exited)\b/i;

export function log(line: string): void {
  // The fleet page shows a screen's last problem; a line that names one is remembered for its heartbeat.
  if (PROBLEM.test(line)) problem = line;
  console.log(`${new Date().toISOString()} foyer: ${line}`);
}

/** The last logged line that named a problem, or null. */
export function lastProblem(): string | null {
  return problem;
}

export type Log = (line: string) => void;
