/**
 * Where a long room name may break when its column is narrow: after ":", "/",
 * or a dash between two words ("Assembly:Foodhackingbase2" → "Assembly:" +
 * "Foodhackingbase2"), never inside a word. The renderer joins the parts with
 * `<wbr>`; spaces break as usual, and only a single word wider than the column
 * is left to the browser's own last-resort break.
 */

const AFTER = /(?<=\S[:/\-–—])(?=[\p{L}\p{N}])/u;

export function roomNameParts(name: string): string[] {
  return name.split(AFTER).filter((part) => part !== '');
}
