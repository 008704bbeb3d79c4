/**
 * `npm run web` / `npm run demo`: builds the board if needed (the rule
 * `npm start` uses too), then serves it and the program on
 * http://127.0.0.1:PORT/. `npm run web -- --help` lists the flags.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_FLAG, parseFlags, portFlag, PROGRAM_FLAG, TIMEZONE_FLAG, usageOf, type Flag } from '../flags.ts';
import { BOARD_BUILD, ensureBuilt } from '../node/freshness.ts';
import { startWebHost } from '../node/web-server.ts';
import { isHttpUrl } from '../url.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_AT = '2026-05-06T10:15';

interface Args {
  /** null = data/program.json */
  program: string | null;
  port: number;
  host: string;
  demo: boolean;
  help: boolean;
  timezone: string | null;
}

const PORT_FLAG = portFlag('$PORT or 4173');
const FLAGS: readonly Flag<Args>[] = [
  { ...PROGRAM_FLAG, help: 'the program file or URL (default: data/program.json)' },
  PORT_FLAG,
  HOST_FLAG,
  TIMEZONE_FLAG,
  {
    name: 'demo',
    help: 'print (and try to open) a URL whose clock starts on day 1 at 10:15',
    set: (into) => void (into.demo = true),
  },
  { name: 'help', help: 'this text', set: (into) => void (into.help = true) },
];

function fail(message: string): never {
  process.stderr.write(`foyer web: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv: readonly string[]): Args {
  const defaults: Args = { program: null, port: 4173, host: '127.0.0.1', demo: false, help: false, timezone: null };
  const badPort = process.env.PORT ? PORT_FLAG.read(defaults, process.env.PORT) : null;
  if (badPort !== null) fail(`PORT=${process.env.PORT}: ${badPort}`);
  const parsed = parseFlags(argv, FLAGS, defaults, 'refuse');
  if (!parsed.ok) fail(`${parsed.error} (try --help)`);
  if (parsed.options.help) {
    process.stdout.write(`usage: npm run web -- [flags]\n${usageOf(FLAGS)}\n`);
    process.exit(0);
  }
  return parsed.options;
}

function tryOpen(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no browser here: the printed URL is enough
    child.unref();
  } catch {
    // same
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const program =
    args.program === null ? join(ROOT, 'data', 'program.json') : isHttpUrl(args.program) ? args.program : resolve(args.program);
  try {
    ensureBuilt(ROOT, BOARD_BUILD, (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    fail((error as Error).message);
  }
  let host;
  let started = false;
  try {
    host = await startWebHost({
      port: args.port,
      host: args.host,
      programLocation: program,
      rendererDir: join(ROOT, 'out', 'renderer'),
      ...(args.timezone !== null ? { timezone: args.timezone } : {}),
      // Before the start a rejected program is the fatal error printed below; do not say it twice.
      log: (line) => {
        if (started || !line.startsWith('rejected update')) process.stderr.write(`${line}\n`);
      },
    });
    started = true;
  } catch (error) {
    fail((error as Error).message);
  }
  const url = args.demo ? `${host.url}?at=${DEMO_AT}` : host.url;
  process.stdout.write(`Foyer board: ${url}\nProgram: ${program} (edits show on open boards within seconds)\nCtrl+C to stop.\n`);
  if (args.demo) tryOpen(url);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
