/** Which display the kiosk fills, given `--display N` and what is plugged in now. */

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface DisplayChoice<D extends DisplayInfo> {
  display: D;
  /** Set when the wanted display is not there: the kiosk still shows the board, on the primary display. */
  warning: string | null;
}

/**
 * Displays are numbered 1, 2, … from left to right (then top to bottom), which
 * is what a technician sees on the wall, rather than in the system's order,
 * which changes with the order screens wake up.
 */
export function chooseDisplay<D extends DisplayInfo>(
  displays: readonly D[],
  primary: D,
  wanted: number | null,
): DisplayChoice<D> {
  if (wanted === null) return { display: primary, warning: null };
  const ordered = [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
  const display = ordered[wanted - 1];
  if (display !== undefined) return { display, warning: null };
  return {
    display: primary,
    warning: `--display ${wanted}: only ${displays.length} display(s) connected; using the primary display until it appears`,
  };
}
