/**
 * npm run import -- FILE_OR_URL [--timezone ZONE] [--timeout SECONDS] [--max-size MB] [--group-by …] [--verbose] -o OUT.json
 *
 * Converts an organiser's export (frab/pentabarf XML, schedule.json, pretalx
 * widget JSON, iCalendar) into a Foyer program file once, printing what it
 * found and every assumption it made. Never a stack trace: whatever the file or
 * the server gives, the answer is lines naming it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUP_BY, type GroupBy } from '../import/room-groups.ts';
import { fetchProgram } from '../node/program-fetch.ts';
import { DEFAULT_MAX_BYTES, readProgramFile } from '../node/program-file.ts';
import { publicName } from '../node/public-name.ts';
import { loadProgramText } from '../import/load.ts';
import type { Program } from '../program/schema.ts';
import { isHttpUrl } from '../url.ts';
import { capLines } from '../lines.ts';
import { complain, quietOnClosedPipe, readArgs, say, SHOWN_PROBLEMS } from './output.ts';
import { changesLine, groupsLine } from './program-lines.ts';
import { MAX_SIZE_FLAG } from '../flags.ts';
import { warningSummary } from './warning-summary.ts';

const USAGE = `usage: npm run import -- FILE_OR_URL [--timezone ZONE] [--timeout SECONDS] [--max-size MB] [--group-by ${GROUP_BY.join('|')}] [--verbose] -o OUT.json`;
const SCHEMA_FILE = fileURLToPath(new URL('../../data/program.schema.json', import.meta.url));

/** The export's text, or why there is none. */
async function readSource(
  source: string,
  timeoutSeconds: number,
  maxBytes: number,
): Promise<{ text: string } | { problem: string }> {
  if (isHttpUrl(source)) {
    const result = await fetchProgram(source, { timeoutMs: timeoutSeconds * 1000, maxBytes });
    if (result.kind === 'error') return { problem: result.reason };
    return { text: result.kind === 'text' ? result.text : '' };
  }
  const read = await readProgramFile(source, maxBytes);
  return read.ok ? { text: read.text } : { problem: read.reason };
}

/** `$schema` relative to where the program is written, so editors find it from there. */
export function schemaRef(outFile: string): string {
  const rel = relative(dirname(resolve(outFile)), SCHEMA_FILE)
    .split(sep)
    .join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function summary(program: Program): string {
  const days = [...new Set(program.items.map((i) => i.start.slice(0, 10)))].sort();
  const speakers = new Set(program.items.flatMap((i) => (i.speakers ?? []).map((s) => s.name)));
  const roomless = program.items.filter((i) => i.room === undefined && i.venue === undefined).length;
  return [
    `${program.event.name} (${program.event.timezone}), ${program.event.startDate} to ${program.event.endDate}`,
    `  ${days.length} days: ${days.join(', ')}`,
    `  ${program.rooms.length} rooms`,
    `  ${program.items.length} items${roomless ? ` (${roomless} without a room, shown in every room)` : ''}`,
    `  ${speakers.size} speakers`,
    ...[changesLine(program), groupsLine(program)].filter((l) => l !== undefined).map((l) => `  ${l}`),
  ].join('\n');
}

/** What is being imported, for the last-resort message. */
let importing = 'the schedule';

async function main(): Promise<number> {
  quietOnClosedPipe();
  const args = readArgs(
    {
      allowPositionals: true,
      options: {
        timezone: { type: 'string' },
        timeout: { type: 'string', default: '20' },
        'max-size': { type: 'string' },
        'group-by': { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const [source] = positionals;
  if (!source || positionals.length > 1 || !values.out) {
    complain(USAGE);
    return 2;
  }
  // A URL's query may hold a token; a file is named as it was typed.
  const name = isHttpUrl(source) ? publicName(source) : source;
  importing = name;
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) {
    complain(`--timeout must be a number of seconds, not "${values.timeout}"`);
    return 2;
  }
  const groupBy = values['group-by'];
  if (groupBy !== undefined && !GROUP_BY.includes(groupBy as GroupBy)) {
    complain(`--group-by must be one of ${GROUP_BY.join(', ')}, not "${groupBy}"`);
    return 2;
  }
  const size = { maxBytes: DEFAULT_MAX_BYTES as number | null };
  const sizeProblem = values['max-size'] === undefined ? null : MAX_SIZE_FLAG.read(size, values['max-size']);
  if (sizeProblem !== null) {
    complain(sizeProblem);
    return 2;
  }
  const maxBytes = size.maxBytes!;

  const read = await readSource(source, timeout, maxBytes);
  if ('problem' in read) {
    complain(`${name}: ${read.problem}`);
    return 1;
  }
  const result = loadProgramText(read.text, name, {
    ...(values.timezone ? { timezone: values.timezone } : {}),
    ...(groupBy ? { groupBy: groupBy as GroupBy } : {}),
  });
  if (!result.ok) {
    for (const line of capLines(result.errors, SHOWN_PROBLEMS)) complain(line);
    complain(`${name}: not imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})`);
    return 1;
  }
  const out = values.out;
  const program = { $schema: schemaRef(out), ...result.program };
  try {
    mkdirSync(dirname(resolve(out)), { recursive: true });
    writeFileSync(out, JSON.stringify(program, null, 2) + '\n');
  } catch (error) {
    complain(`${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 1;
  }

  say(`${name}: ${result.format ?? 'program'}`);
  for (const line of summary(result.program).split('\n')) say(line);
  for (const line of warningSummary(result.notes, values.verbose === true)) say(line);
  say(`wrote ${out}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug of ours, not the organiser's: still one line naming what was being imported, no stack.
    complain(`import: internal error while importing ${importing}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
