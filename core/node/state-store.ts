/**
 * One screen's ScreenState on disk, so that a restart or a power cut brings the
 * screen back as staff left it (room, group, view, delays, …).
 *
 * A save is atomic: the new text goes to a temporary file that is flushed to
 * the disk before it is renamed over the old one (and the directory flushed so
 * the rename itself survives). A power cut therefore leaves either the old or
 * the new file, never half of one; at worst a half-written temporary file,
 * which the next load discards.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SCREEN_STATE, VIEWS, type ScreenState } from '../screen/state.ts';

const FIELDS = {
  name: z.string().trim().min(1).max(200),
  room: z.string().min(1).nullable(),
  group: z.string().min(1).nullable(),
  rooms: z.array(z.string().min(1)).min(1).nullable(),
  view: z.enum(VIEWS as [ScreenState['view'], ...ScreenState['view'][]]),
  delays: z.array(
    z.object({
      room: z.string().min(1),
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      minutes: z.number().int(),
      since: z.number().finite(),
    }),
  ),
  showAnnouncements: z.boolean(),
  emergency: z.boolean(),
  clockOffset: z.number().finite(),
} satisfies { [K in Exclude<keyof ScreenState, 'overlay'>]: z.ZodType<ScreenState[K]> };

type Field = keyof typeof FIELDS;

const FILE_VERSION = 1;

export type Log = (line: string) => void;

function describe(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export class StateStore {
  readonly file: string;
  private readonly temp: string;
  private readonly log: Log;

  constructor(file: string, log: Log = () => {}) {
    this.file = file;
    this.temp = `${file}.tmp`;
    this.log = log;
  }

  /**
   * The saved state over `defaults`. A missing file is a fresh screen; an
   * unreadable one, or one with bad fields, costs only what is bad, and says so.
   * An overlay (help, identify, quit) is never restored: it was a moment, not a setting.
   */
  load(defaults: ScreenState = DEFAULT_SCREEN_STATE): ScreenState {
    this.discardTemp();
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.log(`${this.file}: no saved screen state yet; using defaults`);
      else this.log(`${this.file}: cannot read the saved screen state (${describe(error)}); using defaults`);
      return { ...defaults, overlay: 'none' };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      this.log(`${this.file}: the saved screen state is not valid JSON (corrupt file?); using defaults`);
      return { ...defaults, overlay: 'none' };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !('state' in data)) {
      this.log(`${this.file}: the saved screen state has no "state" object; using defaults`);
      return { ...defaults, overlay: 'none' };
    }
    const saved = (data as { state: unknown }).state;
    const record = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
    const state: ScreenState = { ...defaults, overlay: 'none' };
    const ignored: string[] = [];
    for (const field of Object.keys(FIELDS) as Field[]) {
      if (!(field in record)) continue;
      const parsed = FIELDS[field].safeParse(record[field]);
      if (parsed.success) (state as unknown as Record<string, unknown>)[field] = parsed.data;
      else ignored.push(`${field} (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    }
    if (ignored.length > 0) this.log(`${this.file}: ignored bad saved field(s) ${ignored.join(', ')}; using defaults for them`);
    return state;
  }

  /** Writes `state` atomically; throws when the disk refuses (the caller logs and carries on). */
  save(state: ScreenState): void {
    const { overlay: _overlay, ...persistent } = state;
    const text = `${JSON.stringify({ version: FILE_VERSION, savedAt: Date.now(), state: persistent }, null, 2)}\n`;
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(this.temp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(this.temp, this.file);
    this.syncDirectory();
  }

  private syncDirectory(): void {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const fd = openSync(dirname(this.file), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private discardTemp(): void {
    try {
      rmSync(this.temp);
      this.log(`${this.temp}: discarded an unfinished save (power cut during a write?); the last complete save is used`);
    } catch {
      // Usually there is none.
    }
  }
}
