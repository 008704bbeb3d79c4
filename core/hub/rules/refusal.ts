/**
 * What a screen with a hub says when a staff key changed nothing: in a
 * sentence staff can act on, the same on the kiosk and in the browser.
 */
import { hhmmAt } from '../../time.ts';

export type Refusal =
  /** The screen holds no staff token. */
  | { reason: 'no-token'; host: 'web' | 'electron' }
  /** The hub said 401: the token is wrong (or was replaced). */
  | { reason: 'wrong-token' }
  /** The hub said 429. */
  | { reason: 'too-many' }
  /** The hub cannot be reached; since when (epoch ms), in the event zone. */
  | { reason: 'offline'; since: number; zone: string }
  /** Any other answer: the hub's own words. */
  | { reason: 'hub'; status: number; error: string };

export function refusalText(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'no-token':
      return refusal.host === 'web'
        ? 'Staff key needed: open this board once with the staff link (…#staff=…) to change delays and messages'
        : 'Staff key needed: this kiosk was started without --token-file, so it cannot change delays and messages';
    case 'wrong-token':
      return 'Staff key refused by the hub (wrong or replaced): nothing changed';
    case 'too-many':
      return 'Too many refused staff keys from here: nothing changed; try again in a minute';
    case 'offline':
      return `Offline since ${hhmmAt(refusal.since, refusal.zone)}: nothing changed; the hub must be reachable to change delays and messages`;
    case 'hub':
      return `The hub refused (${refusal.status}): ${refusal.error}`;
  }
}

/** The refusal for a hub's HTTP answer to a command; null for a success. */
export function refusalOfStatus(status: number, body: string): Refusal | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return { reason: 'wrong-token' };
  if (status === 429) return { reason: 'too-many' };
  let error = body.slice(0, 200);
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === 'string') error = parsed.error;
  } catch {
    // Not JSON: a proxy's page; its start is what there is to say.
  }
  return { reason: 'hub', status, error };
}
