/**
 * The hub's staff-token rules, as pure decisions: where a request carries the
 * token, and when an address has failed too often to be heard. The constant-
 * time comparison itself is the hub's (core/hub/server/staff-gate.ts).
 */

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** Failed attempts an address may make per window… */
export const MAX_FAILURES = 5;
/** …of this length; then it is refused (429) until the window ends. */
export const FAILURE_WINDOW_MS = 60_000;
/** Addresses remembered at once; the oldest is forgotten first. */
export const MAX_ADDRESSES = 1_000;

interface Window {
  start: number;
  failures: number;
}

export class AttemptLimiter {
  private readonly windows = new Map<string, Window>();

  /** Whether `address` may try now; when not, until when it must wait. */
  check(address: string, now: number): { allowed: true } | { allowed: false; retryAt: number } {
    const w = this.windows.get(address);
    if (w === undefined || now - w.start >= FAILURE_WINDOW_MS) return { allowed: true };
    return w.failures < MAX_FAILURES ? { allowed: true } : { allowed: false, retryAt: w.start + FAILURE_WINDOW_MS };
  }

  /** Counts a failure; true when this one used up the address's allowance (worth one line in the log). */
  fail(address: string, now: number): boolean {
    let w = this.windows.get(address);
    if (w === undefined || now - w.start >= FAILURE_WINDOW_MS) {
      this.windows.delete(address);
      if (this.windows.size >= MAX_ADDRESSES) this.windows.delete(this.windows.keys().next().value!);
      w = { start: now, failures: 0 };
      this.windows.set(address, w);
    }
    w.failures++;
    return w.failures === MAX_FAILURES;
  }

  succeed(address: string): void {
    this.windows.delete(address);
  }

  get size(): number {
    return this.windows.size;
  }
}
