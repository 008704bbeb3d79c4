/**
 * A catalogue as a screen downloads it: its texts alone, in the order of the English catalogue's keys. The keys are
 * a third of a catalogue's gzipped bytes and every screen holds them already (English is its fallback), so the
 * build packs each shipped catalogue beyond English (renderer/vite.config.ts) and loadCatalogue unpacks it. The
 * sources, the server render and the tests keep the keyed form, which unpack passes through.
 */

/** A catalogue by key, as index.ts reads it. */
type Words = Readonly<Partial<Record<string, string>>>;

/** Texts by the position of their key among `keys`; null where the catalogue has no text of its own. */
export type Packed = readonly (string | null)[];

export function pack(catalogue: Words, keys: readonly string[]): Packed {
  const packed = keys.map((key) => catalogue[key] ?? null);
  // Trailing gaps carry nothing.
  while (packed.length > 0 && packed[packed.length - 1] === null) packed.pop();
  return packed;
}

export function unpack(catalogue: Words | Packed, keys: readonly string[]): Words {
  if (!Array.isArray(catalogue)) return catalogue as Words;
  const words: Record<string, string> = {};
  (catalogue as Packed).forEach((text, i) => {
    const key = keys[i];
    if (text !== null && key !== undefined) words[key] = text;
  });
  return words;
}
