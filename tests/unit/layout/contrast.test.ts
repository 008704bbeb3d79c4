/** Contrast: WCAG's formula, and every text colour of both themes at 7:1 on what it is drawn on, whatever the accent. */
import { describe, expect, it } from 'vitest';
import { contrast, luminance, readableOn } from '../../../core/layout/contrast.ts';
import { palette, paletteVariables, type Palette, type Theme } from '../../../core/layout/palette.ts';

describe('contrast', () => {
  it('follows WCAG 2: black on white is 21:1, a colour on itself 1:1, #777 on white about 4.48:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#3b82f6', '#3b82f6')).toBe(1);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(luminance('#ffffff')).toBe(1);
  });

  it('readableOn keeps a colour that already reads and moves one that does not only as far as needed', () => {
    expect(readableOn('#ffffff', ['#000000'], '#ffffff')).toBe('#ffffff');
    const lifted = readableOn('#3b82f6', ['#121a2a'], '#ffffff');
    expect(contrast(lifted, '#121a2a')).toBeGreaterThanOrEqual(7);
    expect(contrast(lifted, '#121a2a')).toBeLessThan(7.6);
  });
});

/** Every text colour the stylesheets use, with the backgrounds it appears on. */
const PAIRS: [keyof Palette, (keyof Palette)[]][] = [
  ['text', ['bg', 'panel', 'panelStrong', 'accentBg']],
  ['textSoft', ['bg', 'panel', 'panelStrong', 'accentBg']],
  ['textDim', ['bg', 'panel', 'panelStrong']],
  ['accentText', ['bg', 'panel', 'panelStrong', 'accentBg']],
  ['delay', ['bg', 'panel', 'panelStrong']],
  ['errorText', ['errorBg']],
];

const ACCENTS = ['#3b82f6', '#0b5cad', '#ffff00', '#000000', '#ffffff', '#e11d48', '#16a34a', '#7c3aed'];

describe('palette', () => {
  for (const theme of ['dark', 'light'] as Theme[]) {
    for (const accent of ACCENTS) {
      it(`${theme} theme, accent ${accent}: every text at 7:1 or more`, () => {
        const p = palette(theme, accent);
        for (const [fg, bgs] of PAIRS)
          for (const bg of bgs) expect(contrast(p[fg], p[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(7);
        expect(contrast('#ffffff', p.accentStrong), 'announcement text').toBeGreaterThanOrEqual(7);
        expect(contrast('#ffffff', p.emergencyBg), 'emergency text').toBeGreaterThanOrEqual(7);
      });
    }
  }

  it('an accent that already reads is used as it is', () => {
    expect(palette('dark', '#e0f2fe').accentText).toBe('#e0f2fe');
  });

  it('names the custom properties the stylesheets read', () => {
    expect(paletteVariables(palette('dark'))).toMatchObject({ '--accent-text': expect.any(String), '--panel-strong': '#17223a' });
  });
});
