/**
 * A QR code's modules as one SVG path. The page loads the encoder lazily (qr-code.tsx); the hub's server render
 * has it at once and hands it in here, so the first board in the page, and a player that runs no script, show the
 * code instead of a blank square beside "The program on your phone". The page hands it in once loaded: before the
 * takeover of a first board that shows a code (start.tsx), so the script's first commit draws it too, and after the
 * first lazy load, so a later agenda draws it at once.
 */
import type { create as createQr } from 'qrcode';

export interface QrMatrix {
  size: number;
  path: string;
}

type Encoder = typeof createQr;
let atOnce: Encoder | null = null;

/** The server render's encoder, used without waiting. */
export function encodeAtOnce(create: Encoder): void {
  atOnce = create;
}

/** The code for `text` if an encoder is at hand now; 'none' when too long to encode; null when none is at hand. */
export function matrixNow(text: string): QrMatrix | 'none' | null {
  return atOnce === null ? null : qrMatrix(atOnce, text);
}

export function qrMatrix(create: Encoder, text: string): QrMatrix | 'none' {
  let modules;
  try {
    ({ modules } = create(text, { errorCorrectionLevel: 'M' }));
  } catch {
    return 'none'; // too long to encode: the agenda shows without a code rather than not at all
  }
  let d = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) d += `M${col} ${row}h1v1h-1z`;
  }
  return { size: modules.size, path: d };
}
