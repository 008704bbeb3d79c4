/**
 * `npm run validate -- FILE [--timezone ZONE]`: checks a program file the way
 * every screen will load it and prints either a summary an organiser can check
 * at a glance or every problem, each naming the file, the field and the fix.
 * Exit code 1 on any error; never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { compileTimeline } from '../engine/timeline.ts';
import { loadProgramText } from '../program/load.ts';
import type { Program } from '../program/schema.ts';
import { changesLine, groupsLine } from './program-lines.ts';
import { warningSummary } from './warning-summary.ts';

const USAGE =
  'usage: npm run validate -- FILE [--timezone ZONE] [--verbose]  (FILE: a Foyer program, or an export Foyer can import)';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function readError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'ENOTDIR') return `${file}: no such file (part of the path is a file, not a folder)`;
  if (code === 'EISDIR') return `${file}: is a directory, not a program file`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: cannot be read (permission denied)`;
  return `${file}: cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
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

async function main(args: readonly string[]): Promise<number> {
  const files: string[] = [];
  let timezone: string | undefined;
  let verbose = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--timezone') timezone = args[++i];
    else if (arg.startsWith('--timezone=')) timezone = arg.slice('--timezone='.length);
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      return 0;
    } else files.push(arg);
  }
  if (files.length === 0) {
    console.error(USAGE);
    return 1;
  }
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      console.error(readError(file, error));
      failed = true;
      continue;
    }
    const result = loadProgramText(text, file, timezone === undefined ? {} : { timezone });
    if (!result.ok) {
      for (const line of result.errors) console.error(line);
      console.error(`${file}: ${plural(result.errors.length, 'problem')}; the program was not accepted`);
      failed = true;
      continue;
    }
    console.log(`${file}: OK`);
    for (const line of summary(result.program)) console.log(`  ${line}`);
    for (const line of warningSummary(result.notes, verbose)) console.log(line);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug of ours, not the organiser's: still one line, no stack.
    console.error(`validate: internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
