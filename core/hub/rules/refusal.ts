/**
 * Why a screen's staff key changed nothing, read from the hub's answer: the
 * same on the kiosk and in the browser, put into words where it is shown
 * (core/screen/notice.ts).
 */
import type { Notice } from '../../screen/notice.ts';

/** Why the hub did not take a command, as a screen's notice. */
export type Refusal = Extract<
  Notice,
  { reason: 'no-token' | 'wrong-token' | 'too-many' | 'offline' | 'hub' | 'hub-no-token' | 'hub-no-program' | 'hub-not-saved' }
>;

/**
 * The hub's refusals (core/i18n/said.ts keys) a screen's own key can meet in a working venue, which the screen says
 * in its language; any other (a bug, a proxy's page) shows the hub's English words with its status.
 */
const SAID_ON_SCREENS: Readonly<Record<string, 'hub-no-token' | 'hub-no-program' | 'hub-not-saved'>> = {
  'refusal.noToken': 'hub-no-token',
  'refusal.noProgram': 'hub-no-program',
  'refusal.notSaved': 'hub-not-saved',
};

/** The refusal for a hub's HTTP answer to a command; null for a success. */
export function refusalOfStatus(status: number, body: string): Refusal | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return { reason: 'wrong-token' };
  if (status === 429) return { reason: 'too-many' };
  let error = body.slice(0, 200);
  let key: string | undefined;
  try {
    const parsed = JSON.parse(body) as { error?: unknown; said?: { key?: unknown } };
    if (typeof parsed.error === 'string') error = parsed.error;
    if (typeof parsed.said?.key === 'string') key = parsed.said.key;
  } catch {
    // Not JSON: a proxy's page; its start is what there is to say.
  }
  const known = key === undefined ? undefined : SAID_ON_SCREENS[key];
  return known ? { reason: known } : { reason: 'hub', status, error };
}
