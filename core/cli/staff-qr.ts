/**
 * `npm run hub -- --staff-qr`: the staff link (the control page with the staff token in its fragment) drawn in the
 * terminal as a QR code, one per address a phone can reach, so that staff scan it instead of typing a 32-character
 * token. The encoder is the board's own (the agenda's code, renderer/src/features/agenda/qr-code.tsx: the qrcode
 * package, error correction M). Two rows of modules per line of text with Unicode half blocks, painted black on
 * white whatever the terminal's colours, with a 4-module quiet zone.
 *
 * The link carries the token: it is printed only when asked for, and only to a terminal, never into a pipe or a log
 * file (docs/security.md).
 */
import { create } from 'qrcode';
import { HUB_API } from '../hub/api.ts';

/** Light modules around the code, as the standard asks. */
export const QUIET_ZONE = 4;
/** Black on bright white, then back to the terminal's own colours. */
export const PAINT = { start: '\x1b[30;107m', end: '\x1b[0m' } as const;

/** The encoder's modules for `text`, row by row: true is dark. */
export function qrModules(text: string): boolean[][] {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))),
  );
}

/** The modules with the quiet zone, two rows per line: █ both dark, ▀ the upper, ▄ the lower, a space neither. */
export function halfBlockLines(modules: readonly (readonly boolean[])[]): string[] {
  const size = modules.length + 2 * QUIET_ZONE;
  const dark = (row: number, col: number): boolean => modules[row - QUIET_ZONE]?.[col - QUIET_ZONE] === true;
  const lines: string[] = [];
  for (let row = 0; row < size; row += 2) {
    let line = '';
    for (let col = 0; col < size; col++) {
      const upper = dark(row, col);
      const lower = row + 1 < size && dark(row + 1, col);
      line += upper ? (lower ? '█' : '▀') : lower ? '▄' : ' ';
    }
    lines.push(line);
  }
  return lines;
}

/** The staff link on the hub at `base` (ends with `/`). */
export function staffLink(base: string, token: string): string {
  return `${base}${HUB_API.controlPage.slice(1)}#staff=${token}`;
}

export interface StaffQr {
  /** For stdout, painted: every line holding the token is here. */
  out: string[];
  /** For stderr (a note, never the token). */
  notes: string[];
}

/**
 * What --staff-qr prints: per address a heading, the code and the link, on a terminal; elsewhere only a note
 * saying why not. `loopbackOnly`: the hub listens on 127.0.0.1, which no phone can open.
 */
export function staffQr(bases: readonly string[], token: string, options: { terminal: boolean; loopbackOnly: boolean }): StaffQr {
  if (!options.terminal)
    return {
      out: [],
      notes: [
        '--staff-qr: not drawn, the output is no terminal: the staff link carries the staff token, which never goes into a pipe or a log file',
      ],
    };
  const notes = options.loopbackOnly
    ? ['--staff-qr: the hub listens on this machine only (127.0.0.1); for phones start it with --host 0.0.0.0']
    : [];
  const out: string[] = [];
  for (const base of bases) {
    const link = staffLink(base, token);
    out.push('', `Staff phones: scan to open the control page at ${base} (the code holds the staff token; do not share it)`);
    for (const line of halfBlockLines(qrModules(link))) out.push(`${PAINT.start}${line}${PAINT.end}`);
    out.push(`Staff link: ${link}`, '');
  }
  return { out, notes };
}
