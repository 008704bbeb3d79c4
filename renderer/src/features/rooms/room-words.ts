/**
 * The all-rooms table never breaks a word inside while a smaller size would let it stand whole (issue #19): a cell
 * whose widest word (a title's last word with its "DE" badge, which nothing separates) is wider than the cell is set
 * smaller, just enough, down to the secondary floor (rows of a list are secondary text; a table set below that
 * floor, as in landscape, is not set smaller still). Only a word too wide even there breaks, the stylesheet's
 * `overflow-wrap: break-word` (rooms.css), which breaks nothing that fits a line of its own.
 *
 * Measured on the hidden layer holding every row, once per density, with words unbreakable and badges out
 * (`data-whole-words`: a badge may go on to the next line alone, so it asks for no room beside a word) so a word too
 * wide shows as overflow; the sizes found go to the shown rows by room (RoomLine's `words`).
 */
import { lengthPx } from '../../fit/floors.ts';

export type Cell = 'room' | 'now' | 'next';
/** A row's cells set smaller than the row, in px: only the cells that need it. */
export type RowWords = Partial<Record<Cell, number>>;
/** Every row's, by room id. */
export type TableWords = Readonly<Record<string, RowWords>>;

const CELLS: readonly (readonly [Cell, string])[] = [
  ['room', ':scope > .rooms-room'],
  ['now', ':scope > .rooms-now'],
  ['next', ':scope > .rooms-next'],
];

interface Target {
  room: string;
  cell: Cell;
  el: HTMLElement;
  /** The row's size, as the density sets it. */
  designed: number;
}

/** Rounds of reading a cell again once set smaller (a word's width is not quite proportional to its size). */
const ROUNDS = 3;

/** The layer's rows back at their row's size. Writes only. */
export function clearWords(layer: HTMLElement): void {
  for (const cell of layer.querySelectorAll<HTMLElement>('.rooms-room, .rooms-cell')) cell.style.removeProperty('font-size');
}

/**
 * Sets each cell of the layer, in its current density, at the largest size its widest word fits (or its floor) and
 * says which, by room. Leaves the layer as it will be drawn: words breakable again, the cells at those sizes.
 */
export function fitWords(layer: HTMLElement): TableWords {
  clearWords(layer);
  layer.dataset.wholeWords = '';
  const floor = lengthPx(getComputedStyle(layer).getPropertyValue('--floor-secondary'));
  let targets: Target[] = [...layer.querySelectorAll<HTMLElement>(':scope > .rooms-row[data-room]')].flatMap((row) => {
    const designed = parseFloat(getComputedStyle(row).fontSize) || 0;
    return CELLS.flatMap(([cell, selector]) => {
      const el = row.querySelector<HTMLElement>(selector);
      return el ? [{ room: row.dataset.room!, cell, el, designed }] : [];
    });
  });
  const words: Record<string, RowWords> = {};
  for (let round = 0; round < ROUNDS && targets.length > 0; round++) {
    // All reads, then all writes: one layout per round.
    const reads = targets.map((t) => ({ t, width: t.el.clientWidth, needed: t.el.scrollWidth }));
    targets = [];
    for (const { t, width, needed } of reads) {
      if (width < 1 || needed <= width + 1) continue;
      const size = words[t.room]?.[t.cell] ?? t.designed;
      // Never above the row's own size, never below the floor (or the row's size where it is under the floor).
      const lowest = Math.min(t.designed, floor);
      // 0.98: a word's width is not quite proportional to its size (hinting, rounding).
      const fitting = (size * width * 0.98) / needed;
      const set = Math.max(lowest, fitting);
      if (set >= t.designed - 0.01) continue;
      const px = Math.floor(set * 100) / 100;
      words[t.room] = { ...words[t.room], [t.cell]: px };
      t.el.style.fontSize = `${px.toFixed(2)}px`;
      // At the floor the word breaks: nothing more to try.
      if (set > lowest) targets.push(t);
    }
  }
  delete layer.dataset.wholeWords;
  return words;
}

/** Some word of the layer, as it is now, wider than its cell. Reads only (with words unbreakable: one layout). */
export function wideWords(layer: HTMLElement): boolean {
  layer.dataset.wholeWords = '';
  const wide = [...layer.querySelectorAll<HTMLElement>('.rooms-room, .rooms-name, .rooms-cell')].some(
    (cell) => cell.scrollWidth > cell.clientWidth + 1,
  );
  delete layer.dataset.wholeWords;
  return wide;
}

/** Any cell of the table set smaller for a word. */
export function anyWords(words: TableWords): boolean {
  return Object.keys(words).length > 0;
}
