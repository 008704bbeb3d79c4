/**
 * Why a screen's staff key changed nothing, read from the hub's answer: the
 * same on the kiosk and in the browser, put into words where it is shown
 * (core/screen/notice.ts).
 */
import type { Notice } from '../../screen/notice.ts';

/** Why the hub did not take a command, as a screen's notice. */
export type Refusal = Extract<Notice, { reason: 'no-token' | 'wrong-token' | 'too-many' | 'offline' | 'hub' }>;

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
