/**
 * `npm run web` / `npm run demo`: builds the board if needed, then serves it
 * and the program on http://127.0.0.1:PORT/.
 *
 *   --program FILE|URL   the program (default data/program.json)
 *   --port N             the port (default $PORT or 4173)
 *   --host ADDRESS       the address to listen on (default 127.0.0.1)
 *   --timezone ZONE      the IANA zone for imported schedules that carry none
 *   --demo               print (and try to open) a URL whose clock starts on day 1 at 10:15
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../node/web-server.ts';
import { isHttpUrl } from '../url.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_OUT = join(ROOT, 'out', 'renderer');
const DEMO_AT = '2026-05-06T10:15';

interface Args {
  program: string;
  port: number;
  host: string;
  demo: boolean;
  timezone: string | undefined;
}

function fail(message: string): never {
  process.stderr.write(`foyer web: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    program: join(ROOT, 'data', 'program.json'),
    port: Number(process.env.PORT ?? 4173),
    host: '127.0.0.1',
    demo: false,
    timezone: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    if (arg === '--program') args.program = value();
    else if (arg === '--port') args.port = Number(value());
    else if (arg === '--host') args.host = value();
    else if (arg === '--demo') args.demo = true;
    else if (arg === '--timezone') args.timezone = value();
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run web -- [--program FILE|URL] [--port N] [--host ADDRESS] [--timezone ZONE] [--demo]\n');
      process.exit(0);
    } else fail(`unknown option ${arg} (try --help)`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) fail(`port must be a number from 0 to 65535`);
  if (!isHttpUrl(args.program)) args.program = resolve(args.program);
  return args;
}

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The build is stale when any renderer or shared core source is newer than the built page. */
function needsBuild(): boolean {
  let built: number;
  try {
    built = statSync(join(RENDERER_OUT, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  const sources = [
    join(ROOT, 'renderer'),
    join(ROOT, 'core', 'engine'),
    join(ROOT, 'core', 'screen'),
    join(ROOT, 'core', 'program'),
    join(ROOT, 'core', 'contract.ts'),
  ];
  return sources.some((path) => {
    try {
      return newestMtime(path) > built;
    } catch {
      return false;
    }
  });
}

function build(): void {
  process.stdout.write('Building the board…\n');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(ROOT, 'renderer', 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) fail('building the board failed (see above)');
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
  if (needsBuild()) build();
  let host;
  let started = false;
  try {
    host = await startWebHost({
      port: args.port,
      host: args.host,
      programLocation: args.program,
      rendererDir: RENDERER_OUT,
      ...(args.timezone ? { timezone: args.timezone } : {}),
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
  process.stdout.write(
    `Foyer board: ${url}\nProgram: ${args.program} (edits show on open boards within seconds)\nCtrl+C to stop.\n`,
  );
  if (args.demo) tryOpen(url);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
