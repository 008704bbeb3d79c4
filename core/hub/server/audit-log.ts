/**
 * Every change to the live state, and every message staff sent a screen,
 * appended to `audit.log` (one JSON object a line: time, who, from where, what)
 * and kept in memory for the fleet page (the newest RECENT entries, read back
 * from the file's end after a restart).
 */
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AuditEntry } from '../api.ts';

/** Entries the fleet page shows. */
export const RECENT = 200;
/** How much of the file's end is read back after a restart. */
const TAIL_BYTES = 128 * 1024;

export class AuditLog {
  readonly file: string | null;
  private readonly recent: AuditEntry[] = [];
  private readonly log: (line: string) => void;

  constructor(dir: string | null, log: (line: string) => void) {
    this.file = dir === null ? null : join(dir, 'audit.log');
    this.log = log;
    if (this.file !== null) this.recent.push(...readTail(this.file));
  }

  append(entry: AuditEntry): void {
    this.recent.push(entry);
    if (this.recent.length > RECENT) this.recent.splice(0, this.recent.length - RECENT);
    if (this.file === null) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch (error) {
      this.log(`${this.file}: could not append to the audit log (${String(error)})`);
    }
  }

  /** Newest first. */
  entries(): AuditEntry[] {
    return [...this.recent].reverse();
  }
}

function readTail(file: string): AuditEntry[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    // The first line may be cut in the middle when the file is longer than the tail.
    if (size > length) lines.shift();
    const entries: AuditEntry[] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        const e = JSON.parse(line) as AuditEntry;
        if (typeof e.at === 'number' && typeof e.change === 'string' && typeof e.who === 'string') entries.push(e);
      } catch {
        // A line cut by a power cut: the rest of the log still counts.
      }
    }
    return entries.slice(-RECENT);
  } finally {
    closeSync(fd);
  }
}
