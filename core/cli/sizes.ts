/**
 * The size limit for a program, as a flag every launcher can take
 * (`--max-size 50`, in megabytes): `npm run web`, `npm run import`, `npm run
 * validate`, and the kiosk when it adopts it.
 */
import type { ValueFlag } from '../flags.ts';

/** `--max-size 50` (megabytes) as bytes, or null when it is not a positive number. */
export function parseMegabytes(text: string): number | null {
  const megabytes = Number(text.replace(/\s*mb$/i, ''));
  return Number.isFinite(megabytes) && megabytes > 0 ? Math.round(megabytes * 1024 * 1024) : null;
}

export const MAX_SIZE_FLAG: ValueFlag<{ maxBytes: number | null }> = {
  name: 'max-size',
  value: 'MB',
  help: 'largest program read, counted after decompression (default: 20)',
  read(into, text) {
    const bytes = parseMegabytes(text);
    if (bytes === null) return `--max-size must be a number of megabytes, e.g. 50, not "${text}"`;
    into.maxBytes = bytes;
    return null;
  },
};
