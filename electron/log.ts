/** The kiosk's log: one timestamped line each, to standard output (journald keeps it under systemd). */
export function log(line: string): void {
  console.log(`${new Date().toISOString()} foyer: ${line}`);
}

export type Log = (line: string) => void;
