/**
 * `npm run validate -- FILE [--timezone ZONE]`: checks a program file the way
 * every screen will load it and prints either a summary an organiser can check
 * at a glance or every problem, each naming the file, the field and the fix.
 * Exit code 1 on any error; never a stack trace.
 */
import { DateTime } from 'luxon';
import { compileTimeline } from '../engine/timeline.ts';
import { DEFAULT_MAX_BYTES, readProgramFile } from '../node/program-file.ts';
import { loadProgramText } from '../import/load.ts';
import type { Program } from '../program/schema.ts';
import { capLines } from '../lines.ts';
import { complain, quietOnClosedPipe, say, SHOWN_PROBLEMS } from './output.ts';
import { changesLine, groupsLine } from './program-lines.ts';
import { MAX_SIZE_FLAG, parseFlags, TIMEZONE_FLAG, type Flag } from '../flags.ts';
import { warningSummary } from './warning-summary.ts';

const USAGE =
  'usage: npm run validate -- FILE [--timezone ZONE] [--max-size MB] [--verbose]  (FILE: a Foyer program, or an export Foyer can import)';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summary(program: Program): string[] {
  const timeline = compileTimeline(program);
  const zone = program.event.timezone;
  const speakers = new Set(program.items.flatMap((item) => (item.speakers ?? []).map((s) => s.name)));
  const lines = [
    `${program.event.name}, ${program.event.startDate} to ${program.event.endDate} (${zone})`,
    `${plural(timeline.days.length, 'day')}, ${plural(program.items.length, 'item')}, ${plural(program.rooms.length, 'room')}, ${plural(speakers.size, 'speaker')}`,
  ];
  for (const day of timeline.days) {
    const count = timeline.slots.filter((s) => s.day === day).length;
    lines.push(`  ${DateTime.fromISO(day, { zone }).setLocale('en-GB').toFormat('ccc d LLL')}: ${plural(count, 'item')}`);
  }
  lines.push(`rooms: ${timeline.rooms.map((r) => `${r.name} (${r.id})`).join(', ')}`);
  for (const line of [groupsLine(program), changesLine(program)]) if (line) lines.push(line);
  return lines;
}

interface Args {
  timezone: string | null;
  maxBytes: number | null;
  verbose: boolean;
  help: boolean;
}

const FLAGS: readonly Flag<Args>[] = [
  TIMEZONE_FLAG,
  MAX_SIZE_FLAG,
  { name: 'verbose', help: 'every warning, not a summary', set: (into) => void (into.verbose = true) },
  { name: 'help', help: 'this text', set: (into) => void (into.help = true) },
];

async function main(args: readonly string[]): Promise<number> {
  const long = args.map((arg) => (arg === '-v' ? '--verbose' : arg === '-h' ? '--help' : arg));
  const parsed = parseFlags<Args>(long, FLAGS, { timezone: null, maxBytes: null, verbose: false, help: false }, 'ignore');
  // What is not a flag is a file to check; something that looks like a flag and is not one is a typo.
  const stranger = parsed.ok ? parsed.ignored.find((arg) => arg.startsWith('-')) : undefined;
  if (!parsed.ok || stranger !== undefined) {
    complain(parsed.ok ? `unknown flag ${stranger}` : parsed.error);
    complain(USAGE);
    return 1;
  }
  const { options, ignored: files } = parsed;
  if (options.help) {
    say(USAGE);
    return 0;
  }
  if (files.length === 0) {
    complain(USAGE);
    return 1;
  }
  const timezone = options.timezone ?? undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { verbose } = options;
  let failed = false;
  for (const file of files) {
    try {
      if (!(await validateFile(file, { timezone, maxBytes, verbose }))) failed = true;
    } catch (error) {
      // A bug of ours, not the organiser's: still one line naming the file, no stack.
      complain(`${file}: internal error while validating: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

interface FileOptions {
  timezone: string | undefined;
  maxBytes: number;
  verbose: boolean;
}

async function validateFile(file: string, { timezone, maxBytes, verbose }: FileOptions): Promise<boolean> {
  const read = await readProgramFile(file, maxBytes);
  if (!read.ok) {
    complain(`${file}: ${read.reason}`);
    return false;
  }
  const result = loadProgramText(read.text, file, timezone === undefined ? {} : { timezone });
  if (!result.ok) {
    for (const line of capLines(result.errors, SHOWN_PROBLEMS)) complain(line);
    complain(`${file}: ${plural(result.errors.length, 'problem')}; the program was not accepted`);
    return false;
  }
  say(`${file}: OK`);
  for (const line of summary(result.program)) say(`  ${line}`);
  for (const line of warningSummary(result.notes, verbose)) say(line);
  return true;
}

quietOnClosedPipe();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    complain(`validate: internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
