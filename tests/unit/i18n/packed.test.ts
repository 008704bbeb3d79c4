import { describe, expect, it } from 'vitest';
import { ar } from '../../../core/i18n/catalogues/ar.ts';
import { de } from '../../../core/i18n/catalogues/de.ts';
import { en } from '../../../core/i18n/catalogues/en.ts';
import { es } from '../../../core/i18n/catalogues/es.ts';
import { fr } from '../../../core/i18n/catalogues/fr.ts';
import { sv } from '../../../core/i18n/catalogues/sv.ts';
import { pack, unpack } from '../../../core/i18n/packed.ts';

const keys = Object.keys(en);

describe('a catalogue as a screen downloads it', () => {
  it.each(Object.entries({ de, fr, es, sv, ar }))('%s comes back whole from its packed texts', (_, catalogue) => {
    expect(unpack(pack(catalogue, keys), keys)).toEqual(catalogue);
  });

  it('a text the catalogue lacks stays lacking (English shows), wherever it is', () => {
    const packed = pack({ 'board.next': 'Als Nächstes' }, keys);
    expect(packed[keys.indexOf('board.now')]).toBeNull();
    expect(packed).toHaveLength(keys.indexOf('board.next') + 1);
    expect(unpack(packed, keys)).toEqual({ 'board.next': 'Als Nächstes' });
  });

  it('a keyed catalogue (the sources, the server render) passes through', () => {
    expect(unpack(de, keys)).toBe(de);
  });
});
