/**
 * npm run import -- FILE_OR_URL [--timezone ZONE] [--timeout SECONDS] -o OUT.json
 *
 * Converts an organiser's export (frab/pentabarf XML, schedule.json, pretalx
 * widget JSON, iCalendar) into a Foyer program file once, printing what it
 * found and every assumption it made.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GROUP_BY, type GroupBy } from '../import/room-groups.ts';
import { loadProgramText } from '../program/load.ts';
import type { Program } from '../program/schema.ts';
import { fetchProblem, isHttpUrl } from '../url.ts';
import { changesLine, groupsLine } from './program-lines.ts';
import { warningSummary } from './warning-summary.ts';

const USAGE = `usage: npm run import -- FILE_OR_URL [--timezone ZONE] [--timeout SECONDS] [--group-by ${GROUP_BY.join('|')}] [--verbose] -o OUT.json`;
const SCHEMA_FILE = fileURLToPath(new URL('../../data/program.schema.json', import.meta.url));

/** One line a person can act on, for the ways fetching a schedule goes wrong. */
export async function fetchText(url: string, timeoutSeconds: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
      headers: { accept: 'application/json, application/xml, text/calendar, text/xml;q=0.9, */*;q=0.5' },
    });
    if (!response.ok) throw new Error(`${url}: the server answered ${response.status} ${response.statusText}`.trim());
    return await response.text();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(url)) throw error;
    throw new Error(`${url}: ${fetchProblem(error, timeoutSeconds * 1000)}`, { cause: error });
  }
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

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        timezone: { type: 'string' },
        timeout: { type: 'string', default: '20' },
        out: { type: 'string', short: 'o' },
        'group-by': { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [source] = positionals;
  if (!source || positionals.length > 1 || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) {
    console.error(`--timeout must be a number of seconds, not "${values.timeout}"`);
    return 2;
  }

  const groupBy = values['group-by'];
  if (groupBy !== undefined && !GROUP_BY.includes(groupBy as GroupBy)) {
    console.error(`--group-by must be one of ${GROUP_BY.join(', ')}, not "${groupBy}"`);
    return 2;
  }

  let text: string;
  try {
    text = isHttpUrl(source) ? await fetchText(source, timeout) : readFileSync(source, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') console.error(`${source}: no such file`);
    else console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }

  const result = loadProgramText(text, source, {
    ...(values.timezone ? { timezone: values.timezone } : {}),
    ...(groupBy ? { groupBy: groupBy as GroupBy } : {}),
  });
  if (!result.ok) {
    for (const line of result.errors) console.error(line);
    console.error(`${source}: not imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})`);
    return 1;
  }
  const out = values.out;
  const program = { $schema: schemaRef(out), ...result.program };
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, JSON.stringify(program, null, 2) + '\n');

  console.log(`${source}: ${result.format ?? 'program'}`);
  console.log(summary(result.program));
  for (const line of warningSummary(result.notes, values.verbose === true)) console.log(line);
  console.log(`wrote ${out}`);
  return 0;
}

process.exitCode = await main();
