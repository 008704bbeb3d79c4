/**
 * npm run export-ics -- [--program FILE] [--timezone ZONE] [-o FILE]
 *
 * Writes the program as an iCalendar file attendees can subscribe to. The
 * program goes through the same loader as every screen, so an organiser's
 * export can be re-published too. Without -o the calendar goes to stdout.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { programToIcs } from '../export/ics.ts';
import { readProgramFile } from '../node/program-file.ts';
import { loadProgramText } from '../import/load.ts';
import { capLines } from '../lines.ts';
import { complain, quietOnClosedPipe, readArgs, SHOWN_PROBLEMS } from './output.ts';

const USAGE = 'usage: npm run export-ics -- [--program FILE] [--timezone ZONE] [-o OUT.ics]';
const DEFAULT_PROGRAM = fileURLToPath(new URL('../../data/program.json', import.meta.url));

async function main(): Promise<number> {
  quietOnClosedPipe();
  const args = readArgs(
    {
      options: {
        program: { type: 'string' },
        timezone: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const { values } = args;
  const file = values.program ?? DEFAULT_PROGRAM;
  const read = await readProgramFile(file);
  if (!read.ok) {
    complain(`${file}: ${read.reason}`);
    return 1;
  }
  const result = loadProgramText(read.text, file, values.timezone ? { timezone: values.timezone } : {});
  if (!result.ok) {
    for (const line of capLines(result.errors, SHOWN_PROBLEMS)) complain(line);
    return 1;
  }
  for (const line of capLines(result.warnings, SHOWN_PROBLEMS)) complain(line);
  const ics = programToIcs(result.program);
  if (values.out) {
    writeFileSync(values.out, ics);
    complain(`wrote ${values.out}: ${result.program.items.length} events in ${result.program.event.timezone}`);
  } else {
    process.stdout.write(ics);
  }
  return 0;
}

process.exitCode = await main();
