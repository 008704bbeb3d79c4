/**
 * One screen's ScreenState on disk, so that a restart or a power cut brings the
 * screen back as staff left it (room, group, view, delays, …). A save is atomic
 * (atomic-file.ts): a power cut leaves the old file or the new one.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { discardTemp, tempOf, writeFileAtomic } from './atomic-file.ts';
import { DEFAULT_SCREEN_STATE, VIEWS, type ScreenState } from '../screen/state.ts';
import { ANNOUNCEMENT_TEXT_MAX, type LiveAnnouncement } from '../screen/announcements.ts';
import { readLiveAnnouncements } from '../hub/rules/wire.ts';

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
  emergencyText: z.string().min(1).max(ANNOUNCEMENT_TEXT_MAX).nullable(),
  // The hub's announcements, read as a screen reads them from the hub.
  announcements: z.unknown().transform((value, ctx): LiveAnnouncement[] => {
    const read = readLiveAnnouncements(value);
    if (read.ok) return read.value;
    ctx.addIssue({ code: 'custom', message: read.error });
    return z.NEVER;
  }),
  roomStatus: z.array(
    z.object({
      room: z.string().min(1),
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      status: z.enum(['full', 'closed']),
      since: z.number().finite(),
    }),
  ),
  clockOffset: z.number().finite(),
} satisfies { [K in Exclude<keyof ScreenState, Moment>]: z.ZodType<ScreenState[K]> };

/** What the screen showed for a moment (an overlay, a notice, a wake-up): never saved, never restored. */
type Moment = 'overlay' | 'notice' | 'wakeUntil';
const MOMENTS = { overlay: 'none', notice: null, wakeUntil: null } as const satisfies Pick<ScreenState, Moment>;

type Field = keyof typeof FIELDS;

const FILE_VERSION = 1;

export type Log = (line: string) => void;

function describe(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export class StateStore {
  readonly file: string;
  private readonly log: Log;

  constructor(file: string, log: Log = () => {}) {
    this.file = file;
    this.log = log;
  }

  /**
   * The saved state over `defaults`. A missing file is a fresh screen; an
   * unreadable one, or one with bad fields, costs only what is bad, and says so.
   * An overlay (help, identify, quit) or a notice is never restored: it was a moment, not a setting.
   */
  load(defaults: ScreenState = DEFAULT_SCREEN_STATE): ScreenState {
    this.discardTemp();
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.log(`${this.file}: no saved screen state yet; using defaults`);
      else this.log(`${this.file}: cannot read the saved screen state (${describe(error)}); using defaults`);
      return { ...defaults, ...MOMENTS };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      this.log(`${this.file}: the saved screen state is not valid JSON (corrupt file?); using defaults`);
      return { ...defaults, ...MOMENTS };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !('state' in data)) {
      this.log(`${this.file}: the saved screen state has no "state" object; using defaults`);
      return { ...defaults, ...MOMENTS };
    }
    const saved = (data as { state: unknown }).state;
    const record = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
    const state: ScreenState = { ...defaults, ...MOMENTS };
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
    const { overlay: _overlay, notice: _notice, wakeUntil: _wake, ...persistent } = state;
    writeFileAtomic(this.file, `${JSON.stringify({ version: FILE_VERSION, savedAt: Date.now(), state: persistent }, null, 2)}\n`);
  }

  private discardTemp(): void {
    if (discardTemp(this.file))
      this.log(`${tempOf(this.file)}: discarded an unfinished save (power cut during a write?); the last complete save is used`);
  }
}
