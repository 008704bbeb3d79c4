/** The size rule: viewing distance and screen diagonal in, the smallest font size per kind of text out. */
import { describe, expect, it } from 'vitest';
import { crowded, DEFAULT_DISPLAY, displaySettings, floorFactors, textFloors } from '../../../core/layout/sizing.ts';

describe('textFloors', () => {
  it('a 55″ 1080p screen read from 5 m: capitals of 25, 15 and 10 mm, at 1.577 px per mm', () => {
    // 55″ is 1397 mm of diagonal over √(1920² + 1080²) = 2202.9 px.
    const floors = textFloors({ viewingDistance: 5, diagonal: 55 }, 1920, 1080);
    expect(floors.pxPerMm).toBeCloseTo(1.5769, 3);
    expect(floors.capPx.primary).toBeCloseTo(39.42, 1); // 25 mm
    expect(floors.capPx.secondary).toBeCloseTo(23.65, 1); // 15 mm
    expect(floors.capPx.reading).toBeCloseTo(15.77, 1); // 10 mm
    // Inter's capitals are 0.7275 em tall, so the primary text is at least 54 px.
    expect(floors.fontPx.primary).toBeCloseTo(54.19, 1);
    expect(floors.fontPx.reading).toBeCloseTo(21.68, 1);
  });

  it('the same screen turned to portrait needs the same pixels', () => {
    const landscape = textFloors(DEFAULT_DISPLAY, 1920, 1080);
    const portrait = textFloors(DEFAULT_DISPLAY, 1080, 1920);
    expect(portrait.fontPx.primary).toBeCloseTo(landscape.fontPx.primary, 6);
  });

  it('a 4K panel of the same size needs twice the pixels; the share of the screen is the same', () => {
    const hd = textFloors(DEFAULT_DISPLAY, 1920, 1080);
    const uhd = textFloors(DEFAULT_DISPLAY, 3840, 2160);
    expect(uhd.fontPx.secondary).toBeCloseTo(2 * hd.fontPx.secondary, 6);
  });

  it('twice as far needs twice as large; a screen twice as large needs half the share of it', () => {
    const near = textFloors({ viewingDistance: 3, diagonal: 55 }, 1920, 1080);
    const far = textFloors({ viewingDistance: 6, diagonal: 55 }, 1920, 1080);
    expect(far.capPx.primary).toBeCloseTo(2 * near.capPx.primary, 6);
    const big = textFloors({ viewingDistance: 6, diagonal: 110 }, 1920, 1080);
    expect(big.capPx.primary).toBeCloseTo(near.capPx.primary, 6);
  });

  it('a 32″ desk screen read from 2 m at 1920×1080: 10 mm capitals are 27.1 px', () => {
    // 32″ = 812.8 mm over 2202.9 px: 2.710 px per mm.
    expect(textFloors({ viewingDistance: 2, diagonal: 32 }, 1920, 1080).capPx.primary).toBeCloseTo(27.1, 1);
  });
});

describe('displaySettings', () => {
  it('the screen’s own setting wins over the program file, which wins over the defaults (5 m, 55″)', () => {
    expect(displaySettings(null, undefined)).toEqual({ viewingDistance: 5, diagonal: 55 });
    expect(displaySettings({ diagonal: 32 }, { viewingDistance: 3, diagonal: 65 })).toEqual({ viewingDistance: 3, diagonal: 32 });
  });
});

describe('floorFactors', () => {
  it('times the window’s diagonal in px gives the same floors', () => {
    const factors = floorFactors({ viewingDistance: 5, diagonal: 55 });
    expect(factors.primary * Math.hypot(1920, 1080)).toBeCloseTo(54.19, 1);
    expect(factors.reading * Math.hypot(1080, 1920)).toBeCloseTo(21.68, 1);
  });
});

describe('crowded', () => {
  it('a 55″ screen is crowded from 20 m either way up, not from 9 m, nor from 5 m', () => {
    // 9 / √(16² + 9²) of the diagonal over the secondary floor: 8.3 lines in landscape, 14.8 in portrait, at 20 m.
    expect(crowded({ viewingDistance: 20, diagonal: 55 }, false)).toBe(true);
    expect(crowded({ viewingDistance: 20, diagonal: 55 }, true)).toBe(true);
    expect(crowded({ viewingDistance: 9, diagonal: 55 }, false)).toBe(false);
    expect(crowded(DEFAULT_DISPLAY, false)).toBe(false);
  });

  it('a larger screen is crowded only from further away', () => {
    expect(crowded({ viewingDistance: 20, diagonal: 110 }, false)).toBe(false);
    expect(crowded({ viewingDistance: 12, diagonal: 55 }, false)).toBe(true);
    expect(crowded({ viewingDistance: 12, diagonal: 55 }, true)).toBe(false);
  });
});
