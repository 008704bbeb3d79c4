/**
 * Command-line flags of the kiosk (`npm start -- …`, the packaged binary, the
 * systemd unit). The same parser serves the launcher, which adds its own few.
 */
import { isValidZone } from '../core/time.ts';
import { VIEWS, type View } from '../core/screen/state.ts';

export interface KioskOptions {
  /** Program file or http(s) URL; null = the embedded program. */
  program: string | null;
  /** 1-based display number in the system's display list; null = the primary display. */
  display: number | null;
  screenName: string | null;
  room: string | null;
  view: View | null;
  /** A normal window instead of fullscreen kiosk (development). */
  windowed: boolean;
  /** Seconds between polls of a program URL; null = the source's default. */
  pollSeconds: number | null;
  /** Zone for imported programs that carry none. */
  timezone: string | null;
  /** Developer tools; refused in the packaged app. */
  devtools: boolean;
}

export interface LaunchOptions extends KioskOptions {
  /** Open a browser window for the board when Electron is missing. */
  open: boolean;
  port: number;
  host: string;
}

export const DEFAULT_KIOSK_OPTIONS: KioskOptions = {
  program: null,
  display: null,
  screenName: null,
  room: null,
  view: null,
  windowed: false,
  pollSeconds: null,
  timezone: null,
  devtools: false,
};

export const DEFAULT_LAUNCH_OPTIONS: LaunchOptions = { ...DEFAULT_KIOSK_OPTIONS, open: true, port: 8730, host: '127.0.0.1' };

export const KIOSK_USAGE = `Flags:
  --program PATH|URL   program file or URL (default: the embedded program)
  --display N          show on display N (1, 2, …; default: the primary display)
  --screen-name NAME   the name "identify" shows, e.g. "Hall B, left of the door"
  --room ID            show one room (default: all rooms)
  --view VIEW          board | agenda | spotlight (default: board)
  --poll SECONDS       how often a program URL is checked (default: 60)
  --timezone ZONE      IANA zone for imported programs that carry none
  --windowed           a normal window instead of fullscreen (development)
  --devtools           open the developer tools (development builds only)`;

export const LAUNCH_USAGE = `${KIOSK_USAGE}
Without the Electron binary (browser fallback):
  --port N             port of the local board server (default: 8730; 0 = any free port)
  --host ADDRESS       address it listens on (default: 127.0.0.1)
  --no-open            do not open a browser; just print the board's address`;

export type ParseResult<T> = { ok: true; options: T; ignored: string[] } | { ok: false; error: string };

type Mode = 'kiosk' | 'launch';

const VALUE_FLAGS = ['program', 'display', 'screen-name', 'room', 'view', 'poll', 'timezone'] as const;
const LAUNCH_VALUE_FLAGS = ['port', 'host'] as const;
const SWITCHES = ['windowed', 'devtools'] as const;

function positiveInteger(text: string): number | null {
  return /^[1-9][0-9]*$/.test(text) ? Number(text) : null;
}

function parse(argv: readonly string[], mode: Mode): ParseResult<LaunchOptions> {
  const options: LaunchOptions = { ...DEFAULT_LAUNCH_OPTIONS };
  const ignored: string[] = [];
  const valueFlags: readonly string[] = mode === 'launch' ? [...VALUE_FLAGS, ...LAUNCH_VALUE_FLAGS] : VALUE_FLAGS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      // Electron's own argv carries the app path in development.
      if (mode === 'launch') return { ok: false, error: `unexpected argument "${arg}"` };
      ignored.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if ((SWITCHES as readonly string[]).includes(name) || (mode === 'launch' && name === 'no-open')) {
      if (eq !== -1) return { ok: false, error: `--${name} takes no value` };
      if (name === 'windowed') options.windowed = true;
      else if (name === 'devtools') options.devtools = true;
      else options.open = false;
      continue;
    }
    if (!valueFlags.includes(name)) {
      // Chromium and test drivers add switches of their own (--no-sandbox, --remote-debugging-port=0).
      if (mode === 'launch') return { ok: false, error: `unknown flag --${name}` };
      ignored.push(arg);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `--${name} needs a value` };
      i++;
    }
    if (value.trim() === '') return { ok: false, error: `--${name} needs a value` };
    switch (name) {
      case 'program':
        options.program = value;
        break;
      case 'display': {
        const n = positiveInteger(value);
        if (n === null) return { ok: false, error: `--display must be a display number 1, 2, …, not "${value}"` };
        options.display = n;
        break;
      }
      case 'screen-name':
        options.screenName = value.trim();
        break;
      case 'room':
        options.room = value;
        break;
      case 'view':
        if (!(VIEWS as readonly string[]).includes(value))
          return { ok: false, error: `--view must be one of ${VIEWS.join(', ')}, not "${value}"` };
        options.view = value as View;
        break;
      case 'poll': {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds < 5)
          return { ok: false, error: `--poll must be a number of seconds, at least 5, not "${value}"` };
        options.pollSeconds = seconds;
        break;
      }
      case 'timezone':
        if (!isValidZone(value))
          return { ok: false, error: `--timezone must be an IANA zone like Europe/Stockholm, not "${value}"` };
        options.timezone = value;
        break;
      case 'port': {
        const port = /^[0-9]+$/.test(value) ? Number(value) : NaN;
        if (!(port >= 0 && port <= 65535)) return { ok: false, error: `--port must be 0–65535, not "${value}"` };
        options.port = port;
        break;
      }
      case 'host':
        options.host = value;
        break;
    }
  }
  return { ok: true, options, ignored };
}

/** The kiosk's flags from Electron's argv (unknown switches are Chromium's and are ignored). */
export function parseKioskArgs(argv: readonly string[]): ParseResult<KioskOptions> {
  const result = parse(argv, 'kiosk');
  if (!result.ok) return result;
  const { open: _open, port: _port, host: _host, ...kiosk } = result.options;
  return { ok: true, options: kiosk, ignored: result.ignored };
}

/** `npm start` flags: the kiosk's plus the browser fallback's; anything unknown is an error. */
export function parseLaunchArgs(argv: readonly string[]): ParseResult<LaunchOptions> {
  return parse(argv, 'launch');
}

/** The flags to hand on to the Electron app: everything but the launcher's own. */
export function kioskArgsOf(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : '';
    if (name === 'no-open') continue;
    if ((LAUNCH_VALUE_FLAGS as readonly string[]).includes(name)) {
      if (!arg.includes('=')) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}
