/**
 * Reading a program file, for the hosts and the command-line tools alike: a
 * size limit, only regular files, and every failure as a short reason the
 * caller puts after the file's name.
 */
import { open } from 'node:fs/promises';

/** The default limit for a program, a file or a download (inflated): 20 MB, ten times 38C3's export. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string; code: string | undefined };

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(mb < 0.1 ? 2 : 1)} MB`;
}

export function tooLarge(maxBytes: number): string {
  return `larger than the ${megabytes(maxBytes)} limit for a program (raise it with --max-size)`;
}

/** Why a file could not be read, in words; the caller names the file. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'ENOTDIR') return 'no such file (part of the path is a file, not a folder)';
  if (code === 'EISDIR') return 'is a directory, not a program file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EMFILE' || code === 'ENFILE') return 'cannot be read now (too many open files); trying again';
  if (code === 'ELOOP') return 'cannot be read (a loop of symbolic links)';
  return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

export async function readProgramFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    // A device or a pipe (/dev/zero, a FIFO) would never end.
    if (info.isDirectory()) return { ok: false, reason: readFailure({ code: 'EISDIR' }), code: 'EISDIR' };
    if (!info.isFile()) return { ok: false, reason: 'is not a regular file', code: undefined };
    if (info.size > maxBytes) return { ok: false, reason: tooLarge(maxBytes), code: undefined };
    // Read in chunks, stopping past the limit: a file that grows while it is read is caught too.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(info.size - length, 0) + 1, 1 << 20));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return { ok: false, reason: tooLarge(maxBytes), code: undefined };
    }
    return { ok: true, text: Buffer.concat(chunks, length).toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: readFailure(error), code };
  } finally {
    await handle?.close().catch(() => {});
  }
}
