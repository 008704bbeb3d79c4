/**
 * A file written so that a power cut leaves either the old or the new text,
 * never half of one: the text goes to a temporary file that is flushed to the
 * disk before it is renamed over the old one, and the directory is flushed so
 * the rename itself survives. At worst a half-written temporary file remains,
 * which the next reader discards (`discardTemp`).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const tempOf = (file: string): string => `${file}.tmp`;

/** Writes `text` to `file` atomically (owner-only permissions); throws when the disk refuses. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = tempOf(file);
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDirectory(dirname(file));
}

function syncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes an unfinished write's temporary file; true when there was one. */
export function discardTemp(file: string): boolean {
  try {
    rmSync(tempOf(file));
    return true;
  } catch {
    return false; // usually there is none
  }
}
