/**
 * Command-line flags of the kiosk (`npm start -- …`, the packaged binary, the
 * systemd unit), read by the one flag parser (core/flags.ts). `npm start`
 * takes the same ones plus its browser fallback's (build/tools/launch-options.ts).
 */
import {
  MAX_SIZE_FLAG,
  parseFlags,
  PROGRAM_FLAG,
  textFlag,
  TIMEZONE_FLAG,
  usageOf,
  type Flag,
  type ParseResult,
} from '../core/flags.ts';
import { roomIdsOf } from '../core/engine/screen-rooms.ts';
import { parseSleepHours, type SleepHours } from '../core/screen/sleep.ts';
import { checkDisplayValue, type DisplaySettings } from '../core/layout/sizing.ts';
import { VIEWS, type View } from '../core/screen/state.ts';
import { isHttpUrl } from '../core/url.ts';

export interface KioskOptions {
  /** Program file or http(s) URL; null = the embedded program. */
  program: string | null;
  /** 1-based display number, counted left to right; null = the primary display. */
  display: number | null;
  screenName: string | null;
  room: string | null;
  /** The program's room group the screen shows; null = not given. */
  group: string | null;
  /** The rooms the screen shows, in order; null = not given. */
  rooms: string[] | null;
  view: View | null;
  /** A normal window instead of fullscreen kiosk (development). */
  windowed: boolean;
  /** Seconds between polls of a program URL; null = the source's default. */
  pollSeconds: number | null;
  /** Zone for imported programs that carry none. */
  timezone: string | null;
  /** Developer tools; refused in the packaged app. */
  devtools: boolean;
  /** Largest program read, in bytes after decompression; null = the program source's default (20 MB). */
  maxBytes: number | null;
  /** The venue's hub (another Foyer, run with `npm run hub`): program and live state from there; null = on its own. */
  hub: string | null;
  /** The staff token's file, for shared keys with a hub; null = this kiosk cannot change the live state. */
  tokenFile: string | null;
  /** Sleep hours; null = never sleeps. */
  sleep: SleepHours | null;
  /** Shell commands that switch the display off and on at sleep hours. */
  displayOff: string | null;
  displayOn: string | null;
  /** How this screen is seen (--distance, --diagonal); wins over the program file's event.display. */
  screen: Partial<DisplaySettings>;
  /** The screen's language(s) (--lang de or de,en) and clock (--clock 12|24), passed to the board as ?lang= and ?clock=. */
  lang: string | null;
  clock: '12' | '24' | null;
}

export const DEFAULT_KIOSK_OPTIONS: KioskOptions = {
  program: null,
  display: null,
  screenName: null,
  room: null,
  group: null,
  rooms: null,
  view: null,
  windowed: false,
  pollSeconds: null,
  timezone: null,
  devtools: false,
  maxBytes: null,
  hub: null,
  tokenFile: null,
  sleep: null,
  displayOff: null,
  displayOn: null,
  screen: {},
  lang: null,
  clock: null,
};

export const KIOSK_FLAGS: readonly Flag<KioskOptions>[] = [
  PROGRAM_FLAG,
  {
    name: 'display',
    value: 'N',
    help: 'show on display N (1, 2, …; default: the primary display)',
    read(into, text) {
      if (!/^[1-9][0-9]*$/.test(text)) return `--display must be a display number 1, 2, …, not "${text}"`;
      into.display = Number(text);
      return null;
    },
  },
  {
    ...textFlag('name', 'NAME', 'the name "identify" and the fleet page show, e.g. "Hall B, left of the door"', 'screenName'),
    aliases: ['screen-name'],
  },
  textFlag('room', 'ID', 'show one room (default: all rooms)', 'room'),
  textFlag('group', 'ID', 'show the rooms of this room group from the program', 'group'),
  {
    name: 'rooms',
    value: 'ID,ID,…',
    help: 'show these rooms, in this order',
    read(into, text) {
      const ids = roomIdsOf(text);
      if (ids.length === 0) return `--rooms needs room ids separated by commas, like saal-1,saal-2, not "${text}"`;
      into.rooms = ids;
      return null;
    },
  },
  {
    name: 'view',
    value: 'VIEW',
    help: 'board | agenda | spotlight (default: board)',
    read(into, text) {
      const view = VIEWS.find((v) => v === text);
      if (view === undefined) return `--view must be one of ${VIEWS.join(', ')}, not "${text}"`;
      into.view = view;
      return null;
    },
  },
  {
    name: 'poll',
    value: 'SECONDS',
    help: 'how often a program URL is checked (default: 60)',
    read(into, text) {
      const seconds = Number(text);
      if (!Number.isFinite(seconds) || seconds < 5) return `--poll must be a number of seconds, at least 5, not "${text}"`;
      into.pollSeconds = seconds;
      return null;
    },
  },
  TIMEZONE_FLAG,
  MAX_SIZE_FLAG,
  {
    name: 'hub',
    value: 'URL',
    help: "the venue's hub (npm run hub): program and live state from there",
    read(into, text) {
      if (!isHttpUrl(text)) return `--hub must be an http(s) URL like http://hub.local:4173/, not "${text}"`;
      into.hub = text;
      return null;
    },
  },
  textFlag('token-file', 'FILE', "the hub's staff token, so this kiosk's shared keys change every screen", 'tokenFile'),
  {
    name: 'sleep',
    value: 'on|off|B,A',
    help: 'black screen outside the program’s hours (on = from 60 min before the first item to 30 min after the last)',
    read(into, text) {
      const hours = parseSleepHours(text);
      if (typeof hours === 'string') return `--sleep: ${hours}`;
      into.sleep = hours;
      return null;
    },
  },
  textFlag('display-off', 'COMMAND', 'run when the screen goes to sleep, e.g. "xset dpms force off"', 'displayOff'),
  textFlag('display-on', 'COMMAND', 'run when it wakes, e.g. "xset dpms force on"', 'displayOn'),
  {
    ...displayFlag(
      'distance',
      'M',
      'metres from the screen to where people read it (default: the program file, else 5)',
      'viewingDistance',
    ),
    aliases: ['viewing-distance'],
  },
  displayFlag('diagonal', 'INCHES', "the screen's diagonal (default: the program file, else 55)", 'diagonal'),
  {
    name: 'lang',
    value: 'TAG[,TAG]',
    help: "the screen's language, e.g. de (default: the program's event.locale, else en); de,en: the labels take turns every 10 s",
    read(into, text) {
      if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*(,[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$/.test(text))
        return `--lang must be a language tag like de or pt-BR (or two: de,en), not "${text}"`;
      into.lang = text;
      return null;
    },
  },
  {
    name: 'clock',
    value: '12|24',
    help: "12- or 24-hour times (default: the program's event.display.clock, else 24)",
    read(into, text) {
      if (text !== '12' && text !== '24') return `--clock must be 12 or 24, not "${text}"`;
      into.clock = text;
      return null;
    },
  },
  { name: 'windowed', help: 'a normal window instead of fullscreen (development)', set: (into) => void (into.windowed = true) },
  { name: 'devtools', help: 'open the developer tools (development builds only)', set: (into) => void (into.devtools = true) },
];

export const KIOSK_USAGE = `Flags:\n${usageOf(KIOSK_FLAGS)}`;

/** The kiosk's flags from Electron's argv (unknown switches are Chromium's and are ignored). */
export function parseKioskArgs(argv: readonly string[]): ParseResult<KioskOptions> {
  return parseFlags(argv, KIOSK_FLAGS, DEFAULT_KIOSK_OPTIONS, 'ignore');
}

/**
 * Switches that open the app to a debugger from outside: Chromium's remote
 * debugging (anyone who reaches the port drives the screen, token and all) and
 * Node's inspector. The release build's fuses already refuse --inspect; these
 * are the ones no fuse covers, so the installed app refuses to start with any.
 */
export const DEBUG_SWITCHES: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'js-flags',
];

/** The debugging switches in `argv` (as written) that an installed app must refuse; none in development. */
export function refusedDebugSwitches(argv: readonly string[], packaged: boolean): string[] {
  if (!packaged) return [];
  return argv.filter((arg) => {
    const name = /^--?([a-z-]+)/i.exec(arg)?.[1]?.toLowerCase();
    return name !== undefined && DEBUG_SWITCHES.includes(name);
  });
}

function displayFlag(name: string, value: string, help: string, field: keyof DisplaySettings): Flag<KioskOptions> {
  return {
    name,
    value,
    help,
    read(into, text) {
      const problem = checkDisplayValue(field, Number(text));
      if (problem !== null) return `--${name} ${problem}, not "${text}"`;
      into.screen = { ...into.screen, [field]: Number(text) };
      return null;
    },
  };
}

/**
 * The kiosk's arguments as it starts: the options, or the one line to print
 * before exiting (a bad flag with the usage; a debugging switch the installed
 * app refuses, since a debugging port lets anyone who reaches it drive the screen).
 */
export function kioskStartArgs(argv: readonly string[], packaged: boolean): ParseResult<KioskOptions> {
  const parsed = parseKioskArgs(argv);
  if (!parsed.ok) return { ok: false, error: `${parsed.error}\n${KIOSK_USAGE}` };
  const debug = refusedDebugSwitches(parsed.ignored, packaged);
  if (debug.length > 0) return { ok: false, error: `the installed app refuses ${debug.join(' ')}` };
  return parsed;
}
