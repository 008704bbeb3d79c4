/**
 * What every command-line tool prints goes through here. Messages quote the
 * program file (titles, ids, values), and a file can hold an escape sequence
 * that clears the terminal or sets its title, or a bidirectional override
 * that makes a line read backwards: each such character is shown as an escape
 * instead. Long lists of problems are cut after a few (core/lines.ts).
 */

import { parseArgs, type ParseArgsConfig } from 'node:util';

/** C0 and C1 controls (bar tab), DEL, and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line as it can safely reach a terminal: `\x1b`, `\n`, `\u202e` instead of the characters. */
export function printable(line: string): string {
  return line.replace(UNPRINTABLE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** How many problems a command prints before "… and N more". */
export const SHOWN_PROBLEMS = 10;

export function say(line: string): void {
  process.stdout.write(`${printable(line)}\n`);
}

export function complain(line: string): void {
  process.stderr.write(`${printable(line)}\n`);
}

/**
 * `npm run validate -- f | head -3`: the reader closes the pipe early, which is
 * no error of ours; stop quietly instead of dying with a stack trace.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

/**
 * Reads a tool's flags with node:util's parseArgs. A mistyped flag ends the tool
 * with the problem and the usage (exit code 2), --help with the usage (0): the
 * number is the exit code then.
 */
export function readArgs<T extends ParseArgsConfig & { options: { help: { type: 'boolean' } } }>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> | number {
  let args: ReturnType<typeof parseArgs<T>>;
  try {
    args = parseArgs(config);
  } catch (error) {
    complain(error instanceof Error ? error.message : String(error));
    complain(usage);
    return 2;
  }
  if ((args.values as { help?: boolean }).help) {
    say(usage);
    return 0;
  }
  return args;
}
