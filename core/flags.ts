/**
 * Command-line flags: one parser for every launcher (the kiosk, `npm start`,
 * `npm run hub`), and the flags they share, each read and checked in one place.
 * `--flag value` and `--flag=value` both work.
 */
import { isValidZone } from './time.ts';

/** A flag with a value (`--port 8080`). */
export interface ValueFlag<O> {
  name: string;
  /** Older spellings still accepted (`--viewing-distance` for `--distance`); the usage shows only `name`. */
  aliases?: readonly string[];
  /** The value's name in the usage ("PATH|URL"). */
  value: string;
  help: string;
  /** Stores the value in `into`; returns what is wrong with it, or null. */
  read(into: O, text: string): string | null;
}

/** A flag without a value (`--windowed`). */
export interface Switch<O> {
  name: string;
  aliases?: readonly string[];
  help: string;
  set(into: O): void;
}

export type Flag<O> = ValueFlag<O> | Switch<O>;

export type ParseResult<T> = { ok: true; options: T; ignored: string[] } | { ok: false; error: string };

/**
 * `strangers`: what to do with arguments not in `flags`. A launcher refuses
 * them; the kiosk ignores them, because Electron's argv carries the app path
 * and Chromium's or a test driver's own switches (--no-sandbox, --remote-debugging-port=0).
 */
export function parseFlags<O>(
  argv: readonly string[],
  flags: readonly Flag<O>[],
  defaults: O,
  strangers: 'refuse' | 'ignore',
): ParseResult<O> {
  const options = { ...defaults };
  const ignored: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : null;
    const flag = flags.find((f) => f.name === name || (name !== null && f.aliases?.includes(name)));
    if (flag === undefined) {
      if (strangers === 'ignore') ignored.push(arg);
      else return { ok: false, error: name === null ? `unexpected argument "${arg}"` : `unknown flag --${name}` };
      continue;
    }
    if ('set' in flag) {
      if (eq !== -1) return { ok: false, error: `--${flag.name} takes no value` };
      flag.set(options);
      continue;
    }
    let text = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      if (text?.startsWith('--')) text = undefined;
      else i++;
    }
    if (text === undefined || text.trim() === '') return { ok: false, error: `--${flag.name} needs a value` };
    const problem = flag.read(options, text);
    if (problem !== null) return { ok: false, error: problem };
  }
  return { ok: true, options, ignored };
}

/** The flags' lines for a usage message. */
export function usageOf(flags: readonly Flag<never>[]): string {
  // A name longer than the column goes on a line of its own, its help under the others'.
  return flags
    .map((f) => {
      const name = `--${f.name}${'value' in f ? ` ${f.value}` : ''}`;
      return name.length > 20 ? `  ${name}\n  ${''.padEnd(21)}${f.help}` : `  ${name.padEnd(21)}${f.help}`;
    })
    .join('\n');
}

/** A flag whose value is kept as written (trimmed), in `into[key]`. */
export function textFlag<K extends string>(
  name: string,
  value: string,
  help: string,
  key: K,
): ValueFlag<Record<K, string | null>> {
  return {
    name,
    value,
    help,
    read(into, text) {
      into[key] = text.trim();
      return null;
    },
  };
}

/** The flags both launchers take. */
export const PROGRAM_FLAG = textFlag('program', 'PATH|URL', 'program file or URL (default: the embedded program)', 'program');

export const HOST_FLAG = textFlag('host', 'ADDRESS', 'address it listens on (default: 127.0.0.1)', 'host');

export const TIMEZONE_FLAG: ValueFlag<{ timezone: string | null }> = {
  name: 'timezone',
  value: 'ZONE',
  help: 'IANA zone for imported programs that carry none',
  read(into, text) {
    if (!isValidZone(text)) return `--timezone must be an IANA zone like Europe/Stockholm, not "${text}"`;
    into.timezone = text;
    return null;
  },
};

/** `--max-size 50` (megabytes) as bytes, or null when it is not a positive number. */
export function parseMegabytes(text: string): number | null {
  const megabytes = Number(text.replace(/\s*mb$/i, ''));
  return Number.isFinite(megabytes) && megabytes > 0 ? Math.round(megabytes * 1024 * 1024) : null;
}

/** The size limit for a program (`--max-size 50`, megabytes), for every launcher: web, import, validate, the kiosk, npm start. */
export const MAX_SIZE_FLAG: ValueFlag<{ maxBytes: number | null }> = {
  name: 'max-size',
  value: 'MB',
  help: 'largest program read, counted after decompression (default: 20)',
  read(into, text) {
    const bytes = parseMegabytes(text);
    if (bytes === null) return `--max-size must be a number of megabytes, e.g. 50, not "${text}"`;
    into.maxBytes = bytes;
    return null;
  },
};

export function portFlag(defaultPort: string): ValueFlag<{ port: number }> {
  return {
    name: 'port',
    value: 'N',
    help: `port of the board's web server (default: ${defaultPort}; 0 = any free port)`,
    read(into, text) {
      const port = /^[0-9]+$/.test(text) ? Number(text) : NaN;
      if (!(port >= 0 && port <= 65535)) return `--port must be 0–65535, not "${text}"`;
      into.port = port;
      return null;
    },
  };
}
