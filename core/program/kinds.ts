/**
 * Item kinds, without zod: the board imports these, and keeping the schema
 * library out of its bundle keeps the first paint fast and the CSP free of
 * zod's `new Function` probe.
 */
export const ITEM_KINDS = [
  'talk',
  'break',
  'meal',
  'registration',
  'opening',
  'closing',
  'lightning-talks',
  'poster-session',
  'reception',
  'dinner',
  'transport',
  'other',
] as const;

export type ItemKind = (typeof ITEM_KINDS)[number];

/** Kinds during which the hallway board rotates the speakers coming up. */
export const BREAK_KINDS: ReadonlySet<ItemKind> = new Set(['break', 'meal', 'poster-session']);
