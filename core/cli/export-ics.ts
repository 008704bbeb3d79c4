/**
 * npm run export-ics -- [--program FILE] [--timezone ZONE] [-o FILE]
 *
 * Writes the program as an iCalendar file attendees can subscribe to. The
 * program goes through the same loader as every screen, so an organiser's
 * export can be re-published too. Without -o the calendar goes to stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { programToIcs } from '../export/ics.ts';
import { loadProgramText } from '../program/load.ts';

const USAGE = 'usage: npm run export-ics -- [--program FILE] [--timezone ZONE] [-o OUT.ics]';
const DEFAULT_PROGRAM = fileURLToPath(new URL('../../data/program.json', import.meta.url));

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        program: { type: 'string' },
        timezone: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = values.program ?? DEFAULT_PROGRAM;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    console.error(`${file}: cannot read the program file`);
    return 1;
  }
  const result = loadProgramText(text, file, values.timezone ? { timezone: values.timezone } : {});
  if (!result.ok) {
    for (const line of result.errors) console.error(line);
    return 1;
  }
  for (const line of result.warnings) console.error(line);
  const ics = programToIcs(result.program);
  if (values.out) {
    writeFileSync(values.out, ics);
    console.error(`wrote ${values.out}: ${result.program.items.length} events in ${result.program.event.timezone}`);
  } else {
    process.stdout.write(ics);
  }
  return 0;
}

process.exitCode = main();
