/**
 * `npm start` flags: the kiosk's (electron/options.ts), plus the browser
 * fallback's own for where the Electron binary is missing.
 */
import { HOST_FLAG, parseFlags, portFlag, usageOf, type Flag, type ParseResult } from '../../core/flags.ts';
import { DEFAULT_KIOSK_OPTIONS, KIOSK_FLAGS, KIOSK_USAGE, type KioskOptions } from '../../electron/options.ts';

export interface LaunchOptions extends KioskOptions {
  /** Open a browser window for the board when Electron is missing. */
  open: boolean;
  port: number;
  host: string;
}

export const DEFAULT_LAUNCH_OPTIONS: LaunchOptions = { ...DEFAULT_KIOSK_OPTIONS, open: true, port: 8730, host: '127.0.0.1' };

const FALLBACK_FLAGS: readonly Flag<LaunchOptions>[] = [
  portFlag('8730'),
  HOST_FLAG,
  { name: 'no-open', help: "do not open a browser; just print the board's address", set: (into) => void (into.open = false) },
];

export const LAUNCH_USAGE = `${KIOSK_USAGE}\nWithout the Electron binary (browser fallback):\n${usageOf(FALLBACK_FLAGS)}`;

/** Anything unknown is an error: a typo in a flag should not start a screen configured wrongly. */
export function parseLaunchArgs(argv: readonly string[]): ParseResult<LaunchOptions> {
  return parseFlags<LaunchOptions>(argv, [...KIOSK_FLAGS, ...FALLBACK_FLAGS], DEFAULT_LAUNCH_OPTIONS, 'refuse');
}

/** The flags to hand on to the Electron app: everything but the fallback's own. */
export function kioskArgsOf(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : '';
    const flag = FALLBACK_FLAGS.find((f) => f.name === name);
    if (flag === undefined) out.push(arg);
    else if ('value' in flag && !arg.includes('=')) i++; // its value too
  }
  return out;
}
