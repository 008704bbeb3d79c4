/**
 * Where a screen's program comes from: a file that is watched, or an http(s)
 * URL that is polled politely (ETag / If-Modified-Since). Every text goes
 * through loadProgramText; a bad update is reported and the last good program
 * stays. The last good text is cached on disk so a screen that boots while the
 * network is down, or with a broken file, still shows the day.
 *
 * Nothing a source returns stops it: every read, fetch and load is caught, and
 * the watch or poll starts whatever the first read gave.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ErrorKind, ProgramUpdate, Unsubscribe } from '../host-contract.ts';
import { loadProgramText } from '../import/load.ts';
import type { Program } from '../program/schema.ts';
import { capLines } from '../lines.ts';
import type { CustomCatalogues } from '../i18n/catalogue-file.ts';
import { CATALOGUE_FOLDER, catalogueFolderSignature, readCatalogueFolder } from './catalogue-folder.ts';
import { FileWatch } from './file-watch.ts';
import { fetchProgram } from './program-fetch.ts';
import { DEFAULT_MAX_BYTES, readProgramFile } from './program-file.ts';
import { publicName } from './public-name.ts';
import { isHttpUrl } from '../url.ts';

export interface ProgramSourceOptions {
  /** A file path or an http(s) URL. */
  location: string;
  /** How the source is named on screens and in logs; defaults to the URL without its query, or the file's name. */
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
  /** How often a file's identity and modification time are checked besides change events; default 2 s. */
  statPollMs?: number;
  /** Change events for a file (default true); false relies on the poll alone, as a network share may. */
  fileEvents?: boolean;
  /** The most bytes a program may have, counted after decompression; default 20 MB. */
  maxBytes?: number;
  /**
   * The folder of catalogue files (core/node/catalogue-folder.ts); default `languages/` beside a program file,
   * none for a URL. Checked as often as the file (statPollMs): a catalogue edited alone reaches the screens too.
   */
  catalogueFolder?: string | null;
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

/** Rejections shown on a board: the first few problems, then how many more. */
const SHOWN_PROBLEMS = 5;

export class ProgramSource {
  private readonly options: Required<
    Pick<ProgramSourceOptions, 'pollIntervalMs' | 'timeoutMs' | 'debounceMs' | 'statPollMs' | 'fileEvents' | 'maxBytes'>
  > &
    ProgramSourceOptions;
  private readonly listeners = new Set<(update: ProgramUpdate) => void>();
  private update: ProgramUpdate | null = null;
  private lastText: string | null = null;
  private etag: string | undefined;
  private lastModified: string | undefined;
  private watcher: FileWatch | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private problem: { text: string; kind: ErrorKind } | null = null;
  private catalogues: CustomCatalogues | undefined;
  private catalogueSignature: string | null = null;
  private catalogueTimer: NodeJS.Timeout | null = null;

  constructor(options: ProgramSourceOptions) {
    this.options = {
      pollIntervalMs: 60_000,
      timeoutMs: 15_000,
      debounceMs: 150,
      statPollMs: 2_000,
      fileEvents: true,
      maxBytes: DEFAULT_MAX_BYTES,
      ...options,
    };
  }

  get location(): string {
    return isHttpUrl(this.options.location) ? this.options.location : resolve(this.options.location);
  }

  private get catalogueFolder(): string | null {
    if (this.options.catalogueFolder !== undefined) return this.options.catalogueFolder;
    return isHttpUrl(this.options.location) ? null : join(dirname(this.location), CATALOGUE_FOLDER);
  }

  private get name(): string {
    return this.options.displayName ?? publicName(this.options.location);
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
    return this.problem === null ? null : logLine(this.problem);
  }

  subscribe(listener: (update: ProgramUpdate) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Loads once (falling back to the cache), then keeps watching or polling,
   * whatever the first read gave: a broken file is fixed and a server comes back.
   */
  async start(): Promise<ProgramUpdate | null> {
    const file = isHttpUrl(this.options.location)
      ? null
      : new FileWatch(this.location, () => void this.refresh(), {
          debounceMs: this.options.debounceMs,
          pollMs: this.options.statPollMs,
          events: this.options.fileEvents,
          log: (line) => this.log(line),
          name: this.name,
        });
    await file?.start().catch((error: unknown) => this.log(`${this.name}: cannot watch for changes (${String(error)})`));
    await this.refresh();
    if (!this.update) await this.loadCache();
    if (this.stopped) file?.close();
    else if (file) this.watcher = file;
    else this.schedulePoll();
    this.watchCatalogues();
    return this.update;
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.catalogueTimer) clearTimeout(this.catalogueTimer);
    this.catalogueTimer = null;
    this.listeners.clear();
  }

  /** Reads or fetches the source now. Never throws: a failure is reported like any bad answer. */
  async refresh(): Promise<void> {
    try {
      await this.readCatalogues();
      if (isHttpUrl(this.options.location)) await this.fetchUrl();
      else await this.readFileSource();
    } catch (error) {
      this.fail(`${this.name}: could not be read (${error instanceof Error ? error.message : String(error)})`, 'unreadable');
    }
  }

  private publish(program: Program, changes: Partial<ProgramUpdate['status']>): void {
    const previous = this.update?.status;
    const error = changes.error !== undefined ? changes.error : (previous?.error ?? null);
    const errorKind = changes.error !== undefined ? changes.errorKind : previous?.errorKind;
    this.update = {
      program,
      status: {
        source: this.name,
        updatedAt: changes.updatedAt ?? previous?.updatedAt ?? this.now(),
        offlineSince: changes.offlineSince !== undefined ? changes.offlineSince : (previous?.offlineSince ?? null),
        error,
        ...(error !== null && errorKind !== undefined ? { errorKind } : {}),
      },
      ...(this.catalogues ? { catalogues: this.catalogues } : {}),
    };
    for (const listener of this.listeners) listener(this.update);
  }

  /**
   * A problem with the source: recorded, logged, shown on the board; the program stays. `text` names the file, the
   * field and the problem; the board frames it by `kind` in its own language.
   */
  private fail(text: string, kind: ErrorKind): void {
    this.problem = { text, kind };
    this.log(logLine(this.problem));
    if (!this.update) return;
    const status = this.update.status;
    const error = { error: text, errorKind: kind };
    this.publish(
      this.update.program,
      kind === 'unreadable' ? { offlineSince: status.offlineSince ?? this.now(), ...error } : error,
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
      this.fail(capLines(result.errors, SHOWN_PROBLEMS).join('\n'), 'rejected');
      return false;
    }
    for (const warning of result.warnings) this.log(`warning: ${warning}`);
    this.lastText = text;
    this.problem = null;
    this.publish(result.program, { updatedAt: this.now(), offlineSince: null, error: null });
    return true;
  }

  private async readFileSource(): Promise<void> {
    const read = await readProgramFile(this.location, this.options.maxBytes);
    if (!read.ok) {
      // A missing file comes back with a change the watch sees; a passing failure
      // (too many open files) changes nothing on disk, so the next check reads again.
      if (read.code !== 'ENOENT') this.watcher?.retry();
      this.fail(`${this.name}: ${read.reason}`, 'unreadable');
      return;
    }
    if (this.accept(read.text)) await this.saveCache({ location: this.location, savedAt: this.now(), text: read.text });
  }

  /** Reads the catalogue folder when anything in it changed; true when the catalogues did. Never throws. */
  private async readCatalogues(): Promise<boolean> {
    const folder = this.catalogueFolder;
    if (folder === null) return false;
    try {
      const signature = await catalogueFolderSignature(folder);
      if (signature === this.catalogueSignature) return false;
      this.catalogueSignature = signature;
      const read = await readCatalogueFolder(folder);
      for (const problem of read.problems) this.log(`${problem}; the screens keep the shipped words`);
      const changed = JSON.stringify(read.catalogues) !== JSON.stringify(this.catalogues);
      this.catalogues = read.catalogues;
      if (changed && read.catalogues) this.log(`languages from ${CATALOGUE_FOLDER}/: ${Object.keys(read.catalogues).join(', ')}`);
      return changed;
    } catch (error) {
      this.log(`${CATALOGUE_FOLDER}/: could not be read (${String(error)})`);
      return false;
    }
  }

  /** A catalogue edited alone, with the program unchanged, still reaches the screens. */
  private watchCatalogues(): void {
    if (this.stopped || this.catalogueFolder === null || this.options.statPollMs <= 0) return;
    this.catalogueTimer = setTimeout(() => {
      void this.readCatalogues()
        .then((changed) => {
          if (changed && this.update && !this.stopped) this.publish(this.update.program, {});
        })
        .finally(() => this.watchCatalogues());
    }, this.options.statPollMs);
    this.catalogueTimer.unref?.();
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.refresh().finally(() => this.schedulePoll());
    }, this.options.pollIntervalMs);
    this.timer.unref?.();
  }

  private async fetchUrl(): Promise<void> {
    const revalidate = this.update !== null;
    const result = await fetchProgram(this.location, {
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxBytes,
      ...(revalidate && this.etag ? { etag: this.etag } : {}),
      ...(revalidate && this.lastModified ? { lastModified: this.lastModified } : {}),
    });
    if (result.kind === 'error') {
      this.fail(`${this.name}: ${result.reason}`, 'unreadable');
      return;
    }
    if (result.kind === 'unchanged') {
      if (!this.update) return;
      this.problem = null;
      this.publish(this.update.program, { updatedAt: this.now(), offlineSince: null, error: null });
      return;
    }
    if (this.accept(result.text)) {
      this.etag = result.etag;
      this.lastModified = result.lastModified;
      await this.saveCache({
        location: this.location,
        savedAt: this.now(),
        text: result.text,
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
    if (typeof record !== 'object' || record === null || record.location !== this.location || typeof record.text !== 'string')
      return;
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
    const savedAt = Number.isFinite(record.savedAt) ? record.savedAt : this.now();
    this.log(`${this.name}: showing the cached program from ${new Date(savedAt).toISOString()}`);
    this.publish(result.program, {
      updatedAt: savedAt,
      offlineSince: this.now(),
      error: this.problem?.text ?? null,
      ...(this.problem ? { errorKind: this.problem.kind } : {}),
    });
  }
}

/** A problem as the log says it: a refused update says so first (its text is the validator's lines). */
function logLine(problem: { text: string; kind: ErrorKind }): string {
  return problem.kind === 'rejected' ? `rejected update, keeping the last good program:\n${problem.text}` : problem.text;
}
