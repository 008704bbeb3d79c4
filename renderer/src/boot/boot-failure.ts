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

export function seconds(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

export interface FailureText {
  headline: string;
  detail: string;
  retry: string;
}

export function failureText(name: string, error: string, attempt: number): FailureText {
  return {
    headline: `${name}: the board could not start.`,
    detail: error,
    retry: `Trying again in ${seconds(retryDelayMs(attempt))}${attempt > 1 ? ` (try ${attempt})` : ''}.`,
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
