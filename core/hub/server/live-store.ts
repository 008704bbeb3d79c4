/**
 * The hub's live state on disk: `live.json`, written atomically on every change
 * (atomic-file.ts) with its version and the last changes with their authors
 * (so a crash between the state and the audit line never leaves a change
 * without author, and undo survives a restart), and a second copy
 * `live.last-good.json` written after it. A file from before delays were one
 * entry per room and day is migrated on load. A restart restores the same state. A `live.json` that
 * cannot be read as a live state is refused with a message, set aside
 * (never overwritten: it is evidence), and the last good copy is used.
 */
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_LIVE_STATE } from '../rules/state.ts';
import type { LiveState, UndoEntry } from '../api.ts';
import { migrateDelays } from '../rules/commands.ts';
import { readLiveState, readUndoEntries } from '../rules/wire.ts';
import { discardTemp, writeFileAtomic } from '../../node/atomic-file.ts';

const FORMAT = 'foyer-live-state';

/** The live state and the changes remembered with it, oldest first. */
export interface Saved {
  live: LiveState;
  history: UndoEntry[];
}

const EMPTY: Saved = { live: EMPTY_LIVE_STATE, history: [] };

type Loaded = { ok: true; saved: Saved } | { ok: false; missing: boolean; problem: string };

export class LiveStore {
  readonly file: string | null;
  private readonly backup: string | null;
  private readonly log: (line: string) => void;

  /** `dir` null: kept in memory only (a hub started without a state folder, in tests). */
  constructor(dir: string | null, log: (line: string) => void) {
    this.file = dir === null ? null : join(dir, 'live.json');
    this.backup = dir === null ? null : join(dir, 'live.last-good.json');
    this.log = log;
  }

  load(): Saved {
    if (this.file === null || this.backup === null) return EMPTY;
    discardTemp(this.file);
    discardTemp(this.backup);
    const main = this.read(this.file);
    if (main.ok) return main.saved;
    if (main.missing) {
      this.log(`${this.file}: no live state yet; starting on time, with nothing set`);
      return EMPTY;
    }
    const aside = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(this.file, aside);
    const backup = this.read(this.backup);
    if (backup.ok) {
      this.log(
        `${this.file}: refused (${main.problem}); kept as ${aside}; using the last good copy ${this.backup} (version ${backup.saved.live.version})`,
      );
      this.save(backup.saved);
      this.keepCopy(backup.saved);
      return backup.saved;
    }
    this.log(
      `${this.file}: refused (${main.problem}); kept as ${aside}; no good copy either (${backup.problem}); starting on time, with nothing set`,
    );
    return EMPTY;
  }

  /** Throws when the disk refuses; the hub then refuses the change rather than losing it on a restart. */
  save(saved: Saved): void {
    if (this.file === null) return;
    writeFileAtomic(this.file, this.text(saved));
  }

  /** The second copy, written once screens have been told (it is for a damaged disk, not for speed). */
  keepCopy(saved: Saved): void {
    if (this.backup === null) return;
    try {
      writeFileAtomic(this.backup, this.text(saved));
    } catch (error) {
      this.log(`${this.backup}: could not keep the second copy of the live state (${String(error)})`);
    }
  }

  private text({ live, history }: Saved): string {
    return `${JSON.stringify({ format: FORMAT, savedAt: Date.now(), live, history }, null, 2)}\n`;
  }

  private read(file: string): Loaded {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, missing: code === 'ENOENT', problem: `cannot read it: ${code ?? String(error)}` };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return { ok: false, missing: false, problem: 'not valid JSON' };
    }
    if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== FORMAT)
      return { ok: false, missing: false, problem: `not a Foyer live-state file (no "format": "${FORMAT}")` };
    const live = readLiveState((data as { live?: unknown }).live, 'live', true);
    if (!live.ok) return { ok: false, missing: false, problem: live.error };
    const history = readUndoEntries((data as { history?: unknown }).history);
    if (!history.ok) return { ok: false, missing: false, problem: history.error };
    const delays = migrateDelays(live.value.delays);
    const migrated = delays.length === live.value.delays.length ? live.value : { ...live.value, delays };
    if (migrated !== live.value)
      this.log(`${file}: delays migrated to one entry per room and day (${live.value.delays.length} → ${delays.length})`);
    return { ok: true, saved: { live: migrated, history: history.value } };
  }
}
