/** The most common value, with one tie rule for every importer (core/most-common.ts). */
import { describe, expect, it } from 'vitest';
import { mostCommon } from '../../../core/most-common.ts';

describe('mostCommon', () => {
  it('picks the value seen most often', () => {
    expect(mostCommon(['09:00', '08:30', '09:00'])).toBe('09:00');
  });

  it('on a tie, picks the one seen first, whichever order the counts were reached in', () => {
    expect(mostCommon(['Europe/Berlin', 'Europe/Paris', 'Europe/Paris', 'Europe/Berlin'])).toBe('Europe/Berlin');
    expect(mostCommon(['b', 'a'])).toBe('b');
    expect(mostCommon([])).toBeUndefined();
  });
});
