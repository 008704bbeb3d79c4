/**
 * `npm start`: builds what is out of date, then runs the Electron kiosk. Where
 * the Electron binary is not installed, it says so in one line and shows the
 * same board from the hub in an installed Chrome/Chromium in kiosk mode,
 * or, with no browser either, prints the board's address and keeps serving.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOARD_BUILD, ensureBuilt, KIOSK_BUILD } from '../../core/node/freshness.ts';
import { startHubServer, type RunningHubServer } from '../../core/hub/server/server.ts';
import {
  boardUrl,
  browserArgs,
  closeBrowser,
  findBrowser,
  hasDisplay,
  parseScreenSize,
  type ScreenSize,
} from './browser-fallback.ts';
import { kioskArgsOf, LAUNCH_USAGE, parseLaunchArgs, type LaunchOptions } from './launch-options.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const at = (...parts: string[]): string => join(ROOT, ...parts);

class Stop extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

function say(line: string): void {
  console.log(`foyer: ${line}`);
}

/** The installed Electron binary, resolved the way node_modules/electron/index.js does, or null. */
function electronBinary(): string | null {
  const pkg = at('node_modules', 'electron');
  let relative: string;
  try {
    relative = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(pkg, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function runElectron(binary: string, argv: string[]): Promise<number> {
  ensureBuilt(ROOT, KIOSK_BUILD, say);
  const child = spawn(binary, [ROOT, ...kioskArgsOf(argv)], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolvePromise) => {
    child.on('error', (error) => {
      say(`could not start Electron (${error.message})`);
      resolvePromise(1);
    });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

/** The X screen's size, where xdpyinfo or xwininfo (Debian's x11-utils) can tell; null elsewhere. */
function xScreenSize(): ScreenSize | null {
  if (process.platform !== 'linux' || !process.env.DISPLAY) return null;
  for (const [command, args] of [
    ['xdpyinfo', []],
    ['xwininfo', ['-root']],
  ] as const) {
    try {
      const size = parseScreenSize(
        execFileSync(command, args, { encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }),
      );
      if (size) return size;
    } catch {
      // Not installed, or no X server answering: try the next, then let the browser choose.
    }
  }
  return null;
}

async function runFallback(options: LaunchOptions): Promise<number> {
  say('the Electron binary is not installed (`npm run get-electron` fetches it); meanwhile the board runs from the local hub');
  let host: Pick<RunningHubServer, 'url' | 'close'>;
  try {
    // With a hub the browser shows the hub's own board (shared keys there need its #staff= link, typed in the browser).
    host =
      options.hub !== null
        ? { url: options.hub, close: async () => {} }
        : await startHubServer({
            port: options.port,
            host: options.host,
            programLocation: options.program ?? at('data', 'program.json'),
            rendererDir: at('out', 'renderer'),
            ...(options.timezone !== null ? { timezone: options.timezone } : {}),
            ...(options.maxBytes !== null ? { maxBytes: options.maxBytes } : {}),
            log: (line) => say(line),
          });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'EADDRINUSE' || /already in use/.test(message))
      throw new Stop(`port ${options.port} is already in use: pass --port N (0 picks a free one)`);
    if (code === 'EACCES') throw new Stop(`not allowed to listen on port ${options.port}: pass --port N above 1023`);
    throw new Stop(`the hub did not start: ${message}`);
  }
  const url = boardUrl(host.url, options);
  say(`board: ${url}`);
  if (options.display !== null || options.displayOff !== null || options.displayOn !== null)
    say('--display, --display-off and --display-on apply to the Electron kiosk only');

  let browser: ChildProcess | null = null;
  let profile: string | null = null;
  const cleanUp = async (): Promise<void> => {
    await closeBrowser(browser, profile, say);
    await host.close();
  };

  const executable = options.open ? findBrowser(process.env, process.platform, existsSync) : null;
  if (!options.open) say('not opening a browser (--no-open); press Ctrl+C to stop');
  else if (executable === null)
    say(`no Chrome or Chromium found (set FOYER_BROWSER to one); open ${url} in a browser — press Ctrl+C to stop`);
  else if (!hasDisplay(process.env, process.platform))
    say(`no display to open a browser on; open ${url} from another machine — press Ctrl+C to stop`);
  else {
    profile = mkdtempSync(join(tmpdir(), 'foyer-browser-'));
    const args = browserArgs({
      url,
      profileDir: profile,
      kiosk: !options.windowed,
      runningAsRoot: process.getuid?.() === 0,
      screen: options.windowed ? null : xScreenSize(),
    });
    say(`opening the board in ${executable}${options.windowed ? '' : ' (kiosk mode: Alt+F4 closes it)'}`);
    browser = spawn(executable, args, { stdio: 'ignore' });
  }

  return new Promise((resolvePromise) => {
    const finish = (code: number): void => {
      void cleanUp().finally(() => resolvePromise(code));
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => finish(0));
    browser?.on('error', (error) => {
      say(`could not start ${executable} (${error.message}); open ${url} in a browser`);
      browser = null;
    });
    // Closing the kiosk browser ends the session, as quitting the Electron kiosk would.
    browser?.on('exit', () => {
      say('the browser closed; stopping');
      finish(0);
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseLaunchArgs(argv);
  if (!parsed.ok) throw new Stop(`${parsed.error}\n${LAUNCH_USAGE}`, 2);
  ensureBuilt(ROOT, BOARD_BUILD, say);
  const binary = electronBinary();
  if (binary !== null) return runElectron(binary, argv);
  return runFallback(parsed.options);
}

// A technician reads the terminal: one line per problem, never a stack trace.
const fail = (error: unknown): void => {
  console.error(`foyer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof Stop ? error.code : 1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main(process.argv.slice(2)).then((code) => process.exit(code), fail);
