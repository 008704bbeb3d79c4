/**
 * The hub's live state on disk: `live.json`, written atomically on every change
 * (atomic-file.ts) with its version, and a second copy `live.last-good.json`
 * written after it. A restart restores the same state. A `live.json` that
 * cannot be read as a live state is refused with a message, set aside
 * (never overwritten: it is evidence), and the last good copy is used.
 */
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_LIVE_STATE } from '../rules/state.ts';
import type { LiveState } from '../api.ts';
import { readLiveState } from '../rules/wire.ts';
import { discardTemp, writeFileAtomic } from '../../node/atomic-file.ts';

const FORMAT = 'foyer-live-state';

type Loaded = { ok: true; live: LiveState } | { ok: false; missing: boolean; problem: string };

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

  load(): LiveState {
    if (this.file === null || this.backup === null) return EMPTY_LIVE_STATE;
    discardTemp(this.file);
    discardTemp(this.backup);
    const main = this.read(this.file);
    if (main.ok) return main.live;
    if (main.missing) {
      this.log(`${this.file}: no live state yet; starting on time, with nothing set`);
      return EMPTY_LIVE_STATE;
    }
    const aside = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(this.file, aside);
    const backup = this.read(this.backup);
    if (backup.ok) {
      this.log(
        `${this.file}: refused (${main.problem}); kept as ${aside}; using the last good copy ${this.backup} (version ${backup.live.version})`,
      );
      this.save(backup.live);
      this.keepCopy(backup.live);
      return backup.live;
    }
    this.log(
      `${this.file}: refused (${main.problem}); kept as ${aside}; no good copy either (${backup.problem}); starting on time, with nothing set`,
    );
    return EMPTY_LIVE_STATE;
  }

  /** Throws when the disk refuses; the hub then refuses the change rather than losing it on a restart. */
  save(live: LiveState): void {
    if (this.file === null) return;
    writeFileAtomic(this.file, this.text(live));
  }

  /** The second copy, written once screens have been told (it is for a damaged disk, not for speed). */
  keepCopy(live: LiveState): void {
    if (this.backup === null) return;
    try {
      writeFileAtomic(this.backup, this.text(live));
    } catch (error) {
      this.log(`${this.backup}: could not keep the second copy of the live state (${String(error)})`);
    }
  }

  private text(live: LiveState): string {
    return `${JSON.stringify({ format: FORMAT, savedAt: Date.now(), live }, null, 2)}\n`;
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
    const live = readLiveState((data as { live?: unknown }).live, 'live');
    return live.ok ? { ok: true, live: live.value } : { ok: false, missing: false, problem: live.error };
  }
}
