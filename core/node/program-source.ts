/**
 * Where a screen's program comes from: a file that is watched, or an http(s)
 * URL that is polled politely (ETag / If-Modified-Since). Every text goes
 * through loadProgramText; a bad update is reported and the last good program
 * stays. The last good text is cached on disk so a screen that boots while the
 * network is down still shows the day.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { ProgramUpdate, Unsubscribe } from '../contract.ts';
import { loadProgramText } from '../program/load.ts';
import type { Program } from '../program/schema.ts';
import { fetchProblem, isHttpUrl } from '../url.ts';

export interface ProgramSourceOptions {
  /** A file path or an http(s) URL. */
  location: string;
  /** How staff see the source on screen; defaults to the location. */
  displayName?: string;
  /** Zone for exports that carry none. */
  timezone?: string;
  /** Where the last good program is kept between runs. */
  cacheFile?: string;
  /** URL polling interval; default 60 s. */
  pollIntervalMs?: number;
  /** Per-request timeout for URLs; default 15 s. */
  timeoutMs?: number;
  /** Quiet time after a file change before it is read (editors write in bursts); default 150 ms. */
  debounceMs?: number;
  log?: (line: string) => void;
  now?: () => number;
}

interface CacheRecord {
  location: string;
  savedAt: number;
  text: string;
  etag?: string;
  lastModified?: string;
}

export class ProgramSource {
  private readonly options: Required<Pick<ProgramSourceOptions, 'pollIntervalMs' | 'timeoutMs' | 'debounceMs'>> &
    ProgramSourceOptions;
  private readonly listeners = new Set<(update: ProgramUpdate) => void>();
  private update: ProgramUpdate | null = null;
  private lastText: string | null = null;
  private etag: string | undefined;
  private lastModified: string | undefined;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private problem: string | null = null;

  constructor(options: ProgramSourceOptions) {
    this.options = { pollIntervalMs: 60_000, timeoutMs: 15_000, debounceMs: 150, ...options };
  }

  get location(): string {
    return isHttpUrl(this.options.location) ? this.options.location : resolve(this.options.location);
  }

  private get name(): string {
    return this.options.displayName ?? this.options.location;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  current(): ProgramUpdate | null {
    return this.update;
  }

  /** The last problem (unreachable source, rejected update) in one line, or null. */
  lastProblem(): string | null {
    return this.problem;
  }

  subscribe(listener: (update: ProgramUpdate) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads once (falling back to the cache), then keeps watching or polling. */
  async start(): Promise<ProgramUpdate | null> {
    await this.refresh();
    if (!this.update) await this.loadCache();
    if (isHttpUrl(this.options.location)) this.schedulePoll();
    else this.watchFile();
    return this.update;
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  /** Reads or fetches the source now. */
  async refresh(): Promise<void> {
    if (isHttpUrl(this.options.location)) await this.fetchUrl();
    else await this.readFileSource();
  }

  private publish(program: Program, changes: Partial<ProgramUpdate['status']>): void {
    const previous = this.update?.status;
    this.update = {
      program,
      status: {
        source: this.name,
        updatedAt: changes.updatedAt ?? previous?.updatedAt ?? this.now(),
        offlineSince: changes.offlineSince !== undefined ? changes.offlineSince : (previous?.offlineSince ?? null),
        error: changes.error !== undefined ? changes.error : (previous?.error ?? null),
      },
    };
    for (const listener of this.listeners) listener(this.update);
  }

  /** A problem with the source: recorded, logged, shown on the board; the program stays. */
  private fail(message: string, offline: boolean): void {
    this.problem = message;
    this.log(message);
    if (!this.update) return;
    const status = this.update.status;
    this.publish(
      this.update.program,
      offline ? { offlineSince: status.offlineSince ?? this.now(), error: message } : { error: message },
    );
  }

  private accept(text: string): boolean {
    if (text === this.lastText && this.update) {
      this.problem = null;
      this.publish(this.update.program, { updatedAt: this.now(), offlineSince: null, error: null });
      return true;
    }
    const result = loadProgramText(text, this.name, this.options.timezone ? { timezone: this.options.timezone } : {});
    if (!result.ok) {
      const shown =
        result.errors.slice(0, 5).join('\n') + (result.errors.length > 5 ? `\n… and ${result.errors.length - 5} more` : '');
      this.fail(`rejected update, keeping the last good program:\n${shown}`, false);
      return false;
    }
    for (const warning of result.warnings) this.log(`warning: ${warning}`);
    this.lastText = text;
    this.problem = null;
    this.publish(result.program, { updatedAt: this.now(), offlineSince: null, error: null });
    return true;
  }

  private async readFileSource(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.location, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
      this.fail(`${this.name}: cannot read the program (${why})`, true);
      return;
    }
    if (this.accept(text)) await this.saveCache({ location: this.location, savedAt: this.now(), text });
  }

  private watchFile(): void {
    // Watch the folder, not the file: editors and deploy scripts replace the file
    // (write elsewhere, rename over it), which ends a watch on the old inode.
    const folder = dirname(this.location);
    const file = basename(this.location);
    let debounce: NodeJS.Timeout | null = null;
    try {
      this.watcher = watch(folder, { persistent: false }, (_event, changed) => {
        if (changed !== null && changed !== file) return;
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(() => {
          if (!this.stopped) void this.readFileSource();
        }, this.options.debounceMs);
      });
      this.watcher.on('error', (error) => this.log(`${this.name}: stopped watching (${error.message})`));
    } catch (error) {
      this.log(`${this.name}: cannot watch for changes (${(error as Error).message})`);
    }
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.fetchUrl().finally(() => this.schedulePoll());
    }, this.options.pollIntervalMs);
    this.timer.unref?.();
  }

  private async fetchUrl(): Promise<void> {
    const headers: Record<string, string> = { accept: 'application/json, application/xml, text/xml, text/calendar, */*;q=0.5' };
    if (this.update && this.etag) headers['if-none-match'] = this.etag;
    if (this.update && this.lastModified) headers['if-modified-since'] = this.lastModified;
    let response: Response;
    try {
      response = await fetch(this.location, { headers, signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'follow' });
    } catch (error) {
      this.fail(`${this.name}: unreachable (${fetchProblem(error, this.options.timeoutMs)})`, true);
      return;
    }
    if (response.status === 304 && this.update) {
      await response.body?.cancel();
      this.problem = null;
      this.publish(this.update.program, { updatedAt: this.now(), offlineSince: null, error: null });
      return;
    }
    if (!response.ok) {
      await response.body?.cancel();
      this.fail(`${this.name}: the server answered ${response.status} ${response.statusText}`.trimEnd(), true);
      return;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      this.fail(`${this.name}: the download broke off (${fetchProblem(error, this.options.timeoutMs)})`, true);
      return;
    }
    if (this.accept(text)) {
      this.etag = response.headers.get('etag') ?? undefined;
      this.lastModified = response.headers.get('last-modified') ?? undefined;
      await this.saveCache({
        location: this.location,
        savedAt: this.now(),
        text,
        etag: this.etag,
        lastModified: this.lastModified,
      });
    }
  }

  private async saveCache(record: CacheRecord): Promise<void> {
    const file = this.options.cacheFile;
    if (!file) return;
    try {
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(record));
      await rename(temp, file);
    } catch (error) {
      this.log(`cannot write the program cache ${file}: ${(error as Error).message}`);
    }
  }

  private async loadCache(): Promise<void> {
    const file = this.options.cacheFile;
    if (!file) return;
    let record: CacheRecord;
    try {
      record = JSON.parse(await readFile(file, 'utf8')) as CacheRecord;
    } catch {
      return;
    }
    if (record.location !== this.location || typeof record.text !== 'string') return;
    const result = loadProgramText(
      record.text,
      `${this.name} (cached)`,
      this.options.timezone ? { timezone: this.options.timezone } : {},
    );
    if (!result.ok) {
      this.log(`ignoring the program cache ${file}: ${result.errors[0] ?? 'invalid'}`);
      return;
    }
    this.lastText = record.text;
    this.etag = record.etag;
    this.lastModified = record.lastModified;
    this.log(`${this.name}: showing the cached program from ${new Date(record.savedAt).toISOString()}`);
    this.publish(result.program, { updatedAt: record.savedAt, offlineSince: this.now(), error: this.problem });
  }
}
