/**
 * Noticing that a program file changed, however it changed. Events from
 * fs.watch on the file's folder give a change within a second; a poll of the
 * file's identity and modification time catches what events miss: edits made
 * by another machine on a network share, a folder swapped under the path
 * (`mv new current`), a release symlink re-pointed, a config map updated. When
 * the folder the events come from is no longer the one the path leads to, the
 * watch is set up again on the new one.
 */
import { watch, type FSWatcher } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

export interface FileWatchOptions {
  /** Quiet time after a change before `onChange` (editors write in bursts). */
  debounceMs: number;
  /** How often the file's identity is polled; 0 for never. */
  pollMs: number;
  /** Whether to ask the system for change events (false: poll only). */
  events: boolean;
  log: (line: string) => void;
  /** How the file is named in log lines. */
  name: string;
}

/** What changes when the file does: which file the path leads to, its size and times; or why there is none. */
async function signature(path: string): Promise<string> {
  try {
    const info = await stat(path);
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
  } catch (error) {
    return `error:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}

async function folderIdentity(folder: string): Promise<string | null> {
  try {
    const real = await realpath(folder);
    return `${real}:${(await stat(real)).ino}`;
  } catch {
    return null;
  }
}

export class FileWatch {
  private watcher: FSWatcher | null = null;
  private watchedFolder: string | null = null;
  private seen: string | null = null;
  private poller: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private polling = false;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly onChange: () => void,
    private readonly options: FileWatchOptions,
  ) {}

  /** Notes how the file is now, so only later changes count, and starts watching. */
  async start(): Promise<void> {
    this.seen = await signature(this.path);
    if (this.options.events) await this.watchFolder();
    if (this.options.pollMs > 0) {
      this.poller = setInterval(() => void this.poll(), this.options.pollMs);
      this.poller.unref();
    }
  }

  /** Reading failed for a passing reason (too many open files): the next poll reads again even if nothing changed. */
  retry(): void {
    this.seen = null;
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.watcher = null;
    if (this.poller) clearInterval(this.poller);
    if (this.debounce) clearTimeout(this.debounce);
  }

  private changed(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      if (!this.closed) this.onChange();
    }, this.options.debounceMs);
  }

  private async watchFolder(): Promise<void> {
    const folder = dirname(this.path);
    const file = basename(this.path);
    this.watchedFolder = await folderIdentity(folder);
    this.watcher?.close();
    this.watcher = null;
    try {
      // The folder, not the file: editors and deploy scripts replace the file (write
      // elsewhere, rename over it), which ends a watch on the old inode.
      this.watcher = watch(folder, { persistent: false }, (_event, changed) => {
        if (changed === null || changed === file) this.changed();
      });
      this.watcher.on('error', (error) => {
        this.options.log(
          `${this.options.name}: change events stopped (${error.message}); still checking every ${this.options.pollMs / 1000} s`,
        );
        this.watcher?.close();
        this.watcher = null;
        this.watchedFolder = null;
      });
    } catch (error) {
      this.watchedFolder = null;
      this.options.log(
        `${this.options.name}: no change events (${(error as Error).message}); checking every ${this.options.pollMs / 1000} s`,
      );
    }
  }

  private async poll(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      const now = await signature(this.path);
      if (now !== this.seen) {
        this.seen = now;
        this.changed();
      }
      if (this.options.events && !this.closed) {
        const folder = await folderIdentity(dirname(this.path));
        if (folder !== null && folder !== this.watchedFolder) await this.watchFolder();
      }
    } finally {
      this.polling = false;
    }
  }
}
