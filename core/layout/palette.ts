/**
 * The board's colours for each theme, with the program's accent colour made
 * readable: every text colour reaches 7:1 (WCAG 1.4.6) against every
 * background it is drawn on. The renderer sets these as CSS custom properties;
 * tests/unit/layout/contrast.test.ts checks every pair the stylesheets use.
 */
import { mix, readableOn } from './contrast.ts';

export type Theme = 'dark' | 'light';

export const DEFAULT_ACCENT = '#3b82f6';

export interface Palette {
  /** Page, panel and highlighted-panel backgrounds. */
  bg: string;
  panel: string;
  panelStrong: string;
  /** A panel tinted with the accent (the break, the current row); text on it stays readable. */
  accentBg: string;
  /** Bars, rules and dots: the accent as the program gives it (not text). */
  accent: string;
  /** Text in the accent's hue: labels, the next day, break rows. */
  accentText: string;
  /** Behind white text: the announcement banner. */
  accentStrong: string;
  line: string;
  text: string;
  textSoft: string;
  textDim: string;
  delay: string;
  errorBg: string;
  errorText: string;
  emergencyBg: string;
}

const BASE: Record<Theme, Omit<Palette, 'accent' | 'accentText' | 'accentBg' | 'accentStrong'>> = {
  dark: {
    bg: '#0a0f1a',
    panel: '#121a2a',
    panelStrong: '#17223a',
    line: '#2c3a55',
    text: '#f3f6fb',
    textSoft: '#c3ccdc',
    textDim: '#aab5c9',
    delay: '#ffb547',
    errorBg: '#5c1620',
    errorText: '#ffd9dc',
    emergencyBg: '#9e1c14',
  },
  light: {
    bg: '#eef1f6',
    panel: '#ffffff',
    panelStrong: '#f7f9fc',
    line: '#d5dbe6',
    text: '#0d1526',
    textSoft: '#2f3a50',
    textDim: '#3f4a60',
    delay: '#783400',
    errorBg: '#fde2e4',
    errorText: '#7a0d19',
    emergencyBg: '#9e1c14',
  },
};

/** The theme's colours around `accent` (a #rrggbb colour from the program file, or the default blue). */
export function palette(theme: Theme, accent: string = DEFAULT_ACCENT): Palette {
  const base = BASE[theme];
  const light = theme === 'light';
  const towardsText = light ? '#000000' : '#ffffff';
  const towardsBg = light ? '#ffffff' : '#000000';
  // The tinted panel first: the body text must read on it, so it gives way towards the background.
  const tint = mix(base.panel, accent, light ? 0.12 : 0.3);
  const accentBg = readableOn(tint, [base.text, base.textSoft], towardsBg);
  const accentText = readableOn(accent, [base.bg, base.panel, base.panelStrong, accentBg], towardsText);
  const accentStrong = readableOn(accent, ['#ffffff'], '#000000');
  return { ...base, accent, accentBg, accentText, accentStrong };
}

/** The palette as the CSS custom properties the stylesheets read (`--accent-text`, …). */
export function paletteVariables(colours: Palette): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(colours)) out[`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = value;
  return out;
}
