/**
 * How large text must be to read from the hallway. A venue says how far away
 * people stand and how large the screen is (program file `event.display`, the
 * kiosk's --distance and --diagonal, the URL's `distance` and
 * `diagonal`); the board turns that into the smallest font size, in CSS
 * pixels, for each kind of text. Capital height is what the eye resolves:
 * primary text (room, Now and Next titles, times, the clock) at least 0.5 % of
 * the viewing distance, secondary text (speakers, later rows) 0.3 %, reading
 * text (biographies, abstracts) 0.2 % — a common signage rule of thumb.
 */

export interface DisplaySettings {
  /** Metres from the screen to where people read it. */
  viewingDistance: number;
  /** The screen's diagonal in inches. */
  diagonal: number;
}

export const DEFAULT_DISPLAY: DisplaySettings = { viewingDistance: 5, diagonal: 55 };

/** The accepted ranges: a desk screen read from half a metre to a stage screen from 60 m; 7″ to 300″ screens. */
export const DISPLAY_LIMITS = { viewingDistance: [0.5, 60], diagonal: [7, 300] } as const;

export type TextRole = 'primary' | 'secondary' | 'reading';

/** Capital height as a share of the viewing distance, per role. */
export const CAP_SHARE: Record<TextRole, number> = { primary: 0.005, secondary: 0.003, reading: 0.002 };

/** Inter's capital height per em (capHeight 1490 of 2048 units per em in its OS/2 table). */
export const INTER_CAP_HEIGHT = 1490 / 2048;

const MM_PER_INCH = 25.4;

export interface TextFloors {
  /** CSS pixels per millimetre of the physical screen. */
  pxPerMm: number;
  /** Smallest font size (CSS px) per role. */
  fontPx: Record<TextRole, number>;
  /** The capital height that font size gives (CSS px). */
  capPx: Record<TextRole, number>;
}

/**
 * The smallest font size for each role as a share of the window's diagonal in
 * CSS px: the stylesheet multiplies it by `hypot(100vw, 100vh)`, so the floors
 * follow the window's size with no script on resize.
 */
export function floorFactors(display: DisplaySettings): Record<TextRole, number> {
  const out = {} as Record<TextRole, number>;
  for (const role of Object.keys(CAP_SHARE) as TextRole[])
    out[role] = (display.viewingDistance * 1000 * CAP_SHARE[role]) / (display.diagonal * MM_PER_INCH) / INTER_CAP_HEIGHT;
  return out;
}

/** A screen that holds fewer lines of secondary text at its floor than this is crowded (see `crowded`). */
export const CROWDED_BELOW_LINES = 16;

/**
 * Whether the screen, read from this far, holds fewer than CROWDED_BELOW_LINES lines of secondary text at its floor
 * (a 16:9 screen turned either way; the floors scale with the window, so its resolution does not count): 20 m from
 * a 55″ screen holds 8 lines in landscape and 15 in portrait, 9 m holds 18 and 33. There the board's chrome (the
 * event's name, the date, the organiser's footnote) gives its room to the program, which it would otherwise leave
 * below its floors.
 */
export function crowded(display: DisplaySettings, portrait: boolean): boolean {
  const heightShare = (portrait ? 16 : 9) / Math.hypot(16, 9);
  return heightShare / floorFactors(display).secondary < CROWDED_BELOW_LINES;
}

/**
 * The smallest font size for each role on a window of `width` × `height` CSS
 * pixels filling a screen of `display.diagonal` inches seen from
 * `display.viewingDistance` metres. The window's aspect gives the screen's
 * physical width and height; the diagonal their scale.
 */
export function textFloors(display: DisplaySettings, width: number, height: number): TextFloors {
  const diagonalPx = Math.hypot(width, height);
  const pxPerMm = diagonalPx / (display.diagonal * MM_PER_INCH);
  const distanceMm = display.viewingDistance * 1000;
  const capPx = {} as Record<TextRole, number>;
  const fontPx = {} as Record<TextRole, number>;
  for (const role of Object.keys(CAP_SHARE) as TextRole[]) {
    capPx[role] = distanceMm * CAP_SHARE[role] * pxPerMm;
    fontPx[role] = capPx[role] / INTER_CAP_HEIGHT;
  }
  return { pxPerMm, fontPx, capPx };
}

/** A number within the accepted range, or a sentence saying why not (for flags and URL options). */
export function checkDisplayValue(field: keyof DisplaySettings, value: number): string | null {
  const [low, high] = DISPLAY_LIMITS[field];
  if (!Number.isFinite(value) || value < low || value > high) {
    const unit = field === 'viewingDistance' ? 'metres' : 'inches';
    return `must be a number of ${unit} from ${low} to ${high}`;
  }
  return null;
}

/**
 * The settings a screen uses: a per-screen setting (kiosk flag, URL option)
 * wins over the program file's venue-wide one, which wins over the defaults.
 */
export function displaySettings(...layers: readonly (Partial<DisplaySettings> | null | undefined)[]): DisplaySettings {
  const out = { ...DEFAULT_DISPLAY };
  for (const layer of [...layers].reverse()) {
    if (layer?.viewingDistance !== undefined) out.viewingDistance = layer.viewingDistance;
    if (layer?.diagonal !== undefined) out.diagonal = layer.diagonal;
  }
  return out;
}
