/**
 * Colour contrast as WCAG 2 defines it (relative luminance of sRGB, ratio
 * (L1 + 0.05) / (L2 + 0.05)), and the one adjustment the board makes: moving a
 * colour towards white or black, in small steps, until it reads against every
 * background it is used on.
 */

export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour like #1d4ed8: "${hex}"`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `amount` (0–1) of the way from `from` to `to`, in sRGB. */
export function mix(from: string, to: string, amount: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * amount) as unknown as Rgb);
}

/** WCAG 1.4.6 (AAA): text at least 7:1 against its background. */
export const ENHANCED_CONTRAST = 7;

/**
 * `colour` itself when it reaches `ratio` against every background, otherwise
 * the least step towards `towards` (white on dark screens, black on light
 * ones) that does: the hue stays recognisable, only lighter or darker.
 */
export function readableOn(colour: string, backgrounds: readonly string[], towards: string, ratio = ENHANCED_CONTRAST): string {
  const reads = (c: string) => backgrounds.every((bg) => contrast(c, bg) >= ratio);
  for (let step = 0; step <= 64; step++) {
    const candidate = mix(colour, towards, step / 64);
    if (reads(candidate)) return candidate;
  }
  return towards;
}
