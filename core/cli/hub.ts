/**
 * `npm run hub` (or its old name `npm run web`) / `npm run demo`: builds the board if needed (the rule
 * `npm start` uses too), then serves it and the program on
 * http://127.0.0.1:PORT/, as the venue's hub: the live state in --state-dir,
 * changes only with the staff token in --token-file. `npm run hub -- --help`
 * lists the flags.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HOST_FLAG,
  MAX_SIZE_FLAG,
  parseFlags,
  portFlag,
  PROGRAM_FLAG,
  textFlag,
  TIMEZONE_FLAG,
  usageOf,
  type Flag,
} from '../flags.ts';
import { BOARD_BUILD, ensureBuilt } from '../node/freshness.ts';
import { defaultStateDir } from '../node/places.ts';
import { readOrCreateToken } from '../node/staff-token.ts';
import { publicName } from '../node/public-name.ts';
import { isLoopback } from '../hub/server/request-guard.ts';
import { publicAddress, reachableUrls } from './hub-addresses.ts';
import { hubBanner } from './hub-banner.ts';
import { staffQr } from './staff-qr.ts';
import { startHubServer } from '../hub/server/server.ts';
import { isHttpUrl } from '../url.ts';
import { complain, quietOnClosedPipe, say } from './output.ts';

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
  allowHosts: string[];
  maxBytes: number | null;
  maxClients: number | null;
  streamsPerAddress: number | null;
  connectionsPerAddress: number | null;
  trustProxy: string | null;
  /** The reverse proxy's address for screens and staff, and its host name. */
  publicUrl: { url: string; hostName: string } | null;
  pollSeconds: number | null;
  /** '' = the default cache file; null = none. */
  cache: string | null;
  /** null = the default state folder (defaultStateDir). */
  stateDir: string | null;
  /** null = staff-token in the state folder. */
  tokenFile: string | null;
  /** Draw the staff link as a QR code in the terminal. */
  staffQr: boolean;
}

function positive(name: string, what: string, whole: boolean, store: (into: Args, value: number) => void): Flag<Args> {
  return {
    name,
    value: whole ? 'N' : 'SECONDS',
    help: what,
    read(into, text) {
      const value = Number(text);
      if (!(value > 0) || (whole && !Number.isInteger(value)))
        return `--${name} must be a ${whole ? 'whole ' : ''}number above 0, not "${text}"`;
      store(into, value);
      return null;
    },
  };
}

const PORT_FLAG = portFlag('$PORT or 4173');
const FLAGS: readonly Flag<Args>[] = [
  { ...PROGRAM_FLAG, help: 'the program file or URL (default: data/program.json)' },
  PORT_FLAG,
  HOST_FLAG,
  TIMEZONE_FLAG,
  {
    name: 'allow-host',
    value: 'NAME',
    help: 'another name browsers may use for this host (repeatable)',
    read(into, text) {
      into.allowHosts.push(text.trim());
      return null;
    },
  },
  MAX_SIZE_FLAG,
  positive('max-clients', 'boards connected at once (default: 256)', true, (into, n) => (into.maxClients = n)),
  positive(
    'streams-per-address',
    'boards connected at once from one address (default: 32)',
    true,
    (into, n) => (into.streamsPerAddress = n),
  ),
  positive(
    'connections-per-address',
    'connections open at once from one address (default: 128)',
    true,
    (into, n) => (into.connectionsPerAddress = n),
  ),
  textFlag('trust-proxy', 'ADDRESS', "the reverse proxy's address: its X-Forwarded-For names the client", 'trustProxy'),
  {
    name: 'public-url',
    value: 'URL',
    help: "the address screens and staff open, a reverse proxy's (https://…/): printed, and its name allowed",
    read(into, text) {
      const address = publicAddress(text.trim());
      if ('error' in address) return address.error;
      into.publicUrl = address;
      return null;
    },
  },
  positive('poll', 'how often a program URL is checked (default: 60)', false, (into, n) => (into.pollSeconds = n)),
  {
    name: 'cache',
    value: 'FILE',
    help: 'where the last good program is kept (default: ~/.cache/foyer/…)',
    read(into, text) {
      into.cache = text;
      return null;
    },
  },
  { name: 'no-cache', help: 'keep no copy of the last good program', set: (into) => void (into.cache = null) },
  textFlag('state-dir', 'DIR', 'where the live state and the audit log are kept (default: ~/.local/state/foyer/hub)', 'stateDir'),
  textFlag(
    'token-file',
    'FILE',
    'the staff token; created (mode 600) when missing (default: staff-token in --state-dir)',
    'tokenFile',
  ),
  {
    name: 'staff-qr',
    help: 'draw the staff link (control page and token) as a QR code per address, on a terminal only',
    set: (into) => void (into.staffQr = true),
  },
  {
    name: 'demo',
    help: 'print (and try to open) a URL whose clock starts on day 1 at 10:15',
    set: (into) => void (into.demo = true),
  },
  { name: 'help', help: 'this text', set: (into) => void (into.help = true) },
];

function fail(message: string): never {
  complain(`foyer hub: ${message}`);
  process.exit(1);
}

/** One cache per source, in the user's cache folder, so two hosts never share one. */
function defaultCache(program: string): string {
  const folder = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const key = createHash('sha256').update(program).digest('hex').slice(0, 16);
  return join(folder, 'foyer', `web-program-${key}.json`);
}

function parseArgs(argv: readonly string[]): Args {
  const defaults: Args = {
    program: null,
    port: 4173,
    host: '127.0.0.1',
    demo: false,
    help: false,
    timezone: null,
    allowHosts: [],
    maxBytes: null,
    maxClients: null,
    streamsPerAddress: null,
    connectionsPerAddress: null,
    trustProxy: null,
    publicUrl: null,
    pollSeconds: null,
    cache: '',
    stateDir: null,
    tokenFile: null,
    staffQr: false,
  };
  const badPort = process.env.PORT ? PORT_FLAG.read(defaults, process.env.PORT) : null;
  if (badPort !== null) fail(`PORT=${process.env.PORT}: ${badPort}`);
  const parsed = parseFlags(argv, FLAGS, defaults, 'refuse');
  if (!parsed.ok) fail(`${parsed.error} (try --help)`);
  if (parsed.options.help) {
    say('usage: npm run hub -- [flags]');
    for (const line of usageOf(FLAGS).split('\n')) say(line);
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
  quietOnClosedPipe();
  const args = parseArgs(process.argv.slice(2));
  const program =
    args.program === null ? join(ROOT, 'data', 'program.json') : isHttpUrl(args.program) ? args.program : resolve(args.program);
  try {
    ensureBuilt(ROOT, BOARD_BUILD, (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!isLoopback(args.host)) {
    complain(
      `foyer hub: listening on ${args.host}: every machine that can reach this one can open the board and read the program (no password; changes need the staff token). ` +
        `Browsers may use this machine's name and addresses; add other names with --allow-host NAME.`,
    );
  }
  if (args.trustProxy !== null && isIP(args.trustProxy) === 0)
    fail(`--trust-proxy must be the proxy's IP address (such as 127.0.0.1), not "${args.trustProxy}"`);
  const stateDir = resolve(args.stateDir ?? defaultStateDir());
  const tokenFile = resolve(args.tokenFile ?? join(stateDir, 'staff-token'));
  let token: string;
  try {
    // The demo's first screen leads with the board's address: the hub's housekeeping is for `npm run web`.
    token = readOrCreateToken(tokenFile, args.demo ? () => {} : say);
  } catch (error) {
    fail((error as Error).message);
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  let host;
  try {
    host = await startHubServer({
      port: args.port,
      host: args.host,
      programLocation: program,
      rendererDir: join(ROOT, 'out', 'renderer'),
      allowedHosts: args.publicUrl ? [...args.allowHosts, args.publicUrl.hostName] : args.allowHosts,
      ...(args.timezone !== null ? { timezone: args.timezone } : {}),
      ...(args.maxBytes !== null ? { maxBytes: args.maxBytes } : {}),
      ...(args.maxClients !== null ? { maxClients: args.maxClients } : {}),
      ...(args.streamsPerAddress !== null ? { streamsPerAddress: args.streamsPerAddress } : {}),
      ...(args.connectionsPerAddress !== null ? { connectionsPerAddress: args.connectionsPerAddress } : {}),
      ...(args.trustProxy !== null ? { trustProxy: args.trustProxy } : {}),
      ...(args.pollSeconds !== null ? { pollIntervalMs: args.pollSeconds * 1000 } : {}),
      ...(args.cache !== null ? { cacheFile: args.cache || defaultCache(program) } : {}),
      hub: { stateDir, token, appVersion: version },
      log: (line) => {
        for (const part of line.split('\n')) complain(part);
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  // 0.0.0.0 is where the hub listens, not an address anyone can open: the machine's own addresses are printed.
  // Behind a reverse proxy, phones and screens open the proxy's address, not the hub's own.
  const reachable = reachableUrls(args.host, Number(new URL(host.url).port), networkInterfaces());
  const base = args.publicUrl?.url ?? (isLoopback(args.host) ? host.url : reachable[0]!);
  const url = args.demo ? `${base}?at=${DEMO_AT}` : base;
  const banner = hubBanner({
    base,
    reachable,
    url,
    demo: args.demo,
    program: publicName(program),
    hasProgram: host.current() !== null,
    stateDir,
    tokenFile,
    ...(args.publicUrl ? { servedAt: host.url } : {}),
  });
  for (const line of banner) say(line);
  if (args.staffQr) {
    const qr = staffQr(args.publicUrl ? [base] : isLoopback(args.host) ? [host.url] : reachable, token, {
      terminal: process.stdout.isTTY === true,
      loopbackOnly: !args.publicUrl && isLoopback(args.host),
    });
    for (const note of qr.notes) complain(`foyer hub: ${note}`);
    // Written as is: the code's colours are ours (say() would show them as escapes); nothing here is from a file.
    for (const line of qr.out) process.stdout.write(`${line}\n`);
  }
  say('Ctrl+C to stop.');
  if (args.demo) tryOpen(url);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
