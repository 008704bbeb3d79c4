/**
 * The boot guard's decisions, apart from the page: what the failure message says, how long to wait before the
 * next try (doubling from 10 s up to 5 min, counted across reloads), and the heartbeat that takes the failure to
 * the hub's fleet page.
 */
import type { Heartbeat } from '../../../core/hub/api.ts';

const FIRST_RETRY_MS = 10_000;
const LAST_RETRY_MS = 5 * 60_000;

/** The wait before reload number `attempt` (1 for the first retry). */
export function retryDelayMs(attempt: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * The failure's words in the six shipped languages. A table of its own, not the board's catalogues: this guard runs
 * when the board's script could not, and must stay small enough to load before it (all six catalogues are ~25 KB).
 */
const WORDS = {
  en: { failed: '{name}: the board could not start.', retry: 'Trying again in {wait}.', again: ' (try {n})', s: 's', min: 'min' },
  de: {
    failed: '{name}: Die Anzeige konnte nicht starten.',
    retry: 'Neuer Versuch in {wait}.',
    again: ' (Versuch {n})',
    s: 's',
    min: 'Min.',
  },
  fr: {
    failed: '{name}\u00a0: l’affichage n’a pas pu démarrer.',
    retry: 'Nouvel essai dans {wait}.',
    again: ' (essai {n})',
    s: 's',
    min: 'min',
  },
  es: {
    failed: '{name}: la pantalla no pudo iniciarse.',
    retry: 'Nuevo intento en {wait}.',
    again: ' (intento {n})',
    s: 's',
    min: 'min',
  },
  sv: {
    failed: '{name}: skylten kunde inte starta.',
    retry: 'Nytt försök om {wait}.',
    again: ' (försök {n})',
    s: 's',
    min: 'min',
  },
  ar: { failed: '{name}: تعذّر تشغيل اللوحة.', retry: 'محاولة جديدة بعد {wait}.', again: ' (المحاولة {n})', s: 'ث', min: 'د' },
} as const;

export type BootLanguage = keyof typeof WORDS;
export const BOOT_LANGUAGES = Object.keys(WORDS) as BootLanguage[];

/** The language of the failure's words: the screen's (`?lang=`), else the program's, else English. */
export function bootLanguage(search: string, programLocale: string | null): BootLanguage {
  const asked = new URLSearchParams(search).get('lang')?.split(',')[0] ?? programLocale ?? 'en';
  const base = asked.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return base in WORDS ? (base as BootLanguage) : 'en';
}

export function seconds(ms: number, lang: BootLanguage = 'en'): string {
  const w = WORDS[lang];
  return ms < 60_000 ? `${Math.round(ms / 1000)} ${w.s}` : `${Math.round(ms / 60_000)} ${w.min}`;
}

export interface FailureText {
  headline: string;
  detail: string;
  retry: string;
}

export function failureText(name: string, error: string, attempt: number, lang: BootLanguage = 'en'): FailureText {
  const w = WORDS[lang];
  const wait = `${seconds(retryDelayMs(attempt), lang)}${attempt > 1 ? w.again.replace('{n}', String(attempt)) : ''}`;
  return {
    headline: w.failed.replace('{name}', () => name),
    // The error itself stays as the engine wrote it: it is for whoever fixes the build.
    detail: error,
    retry: w.retry.replace('{wait}', wait),
  };
}

/** The heartbeat of a screen whose board never started: no program, its error as the last error. */
export function failureHeartbeat(options: {
  id: string;
  name: string;
  search: string;
  version: string;
  window: { width: number; height: number };
  uptime: number;
  error: string;
}): Heartbeat {
  const q = new URLSearchParams(options.search);
  const mode = q.get('view') ?? q.get('mode'); // ?mode= is the older spelling of ?view=
  return {
    id: options.id,
    name: options.name,
    host: 'web',
    room: q.get('room') || null,
    view: mode === 'agenda' || mode === 'spotlight' ? mode : 'board',
    appVersion: options.version,
    programVersion: null,
    liveVersion: 0,
    window: options.window,
    uptime: Math.max(0, Math.round(options.uptime)),
    lastError: `the board could not start: ${options.error}`,
  };
}
