/**
 * The door for changes: a request that changes what screens show carries the
 * staff token (`Authorization: Bearer …`). The comparison takes the same time
 * whatever the guess; every refusal is logged with the address and the
 * request, never with what was sent; an address that fails too often is
 * refused outright for a while (core/hub/rules/auth.ts decides when).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AttemptLimiter, bearerToken } from '../rules/auth.ts';
import { addressOf, sendJson } from './http.ts';
import { refusal, said } from '../../i18n/said.ts';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Equal tokens, compared in constant time (digests make the lengths equal too). */
export function sameToken(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

export class StaffGate {
  private readonly expected: string | null;
  private readonly limiter = new AttemptLimiter();
  private readonly log: (line: string) => void;
  private readonly now: () => number;

  /** `token` null: this hub has no staff token, and every change is refused. */
  constructor(token: string | null, log: (line: string) => void, now: () => number = Date.now) {
    this.expected = token;
    this.log = log;
    this.now = now;
  }

  /**
   * True when the request carries the token; otherwise the refusal is sent and logged. Only a wrong token
   * counts against its address: a request with none (an image tag on a page elsewhere, a board without a
   * token) proves nothing and locks nobody out.
   */
  admit(req: IncomingMessage, res: ServerResponse): boolean {
    const address = addressOf(req);
    const what = `${req.method} ${new URL(req.url ?? '/', 'http://hub').pathname}`;
    const now = this.now();
    if (this.expected === null) {
      this.log(`refused ${what} from ${address}: this hub has no staff token`);
      sendJson(res, 403, refusal(said('refusal.noToken')));
      return false;
    }
    const given = bearerToken(req.headers.authorization);
    if (given === null) {
      this.log(`refused ${what} from ${address}: no staff token`);
      sendJson(res, 401, refusal(said('refusal.tokenNeeded')), { 'www-authenticate': 'Bearer' });
      return false;
    }
    const check = this.limiter.check(address, now);
    if (!check.allowed) {
      const seconds = Math.ceil((check.retryAt - now) / 1000);
      this.log(`refused ${what} from ${address}: locked out for ${seconds} s after wrong staff tokens`);
      sendJson(res, 429, refusal(said('refusal.lockedOut')), { 'retry-after': String(seconds) });
      return false;
    }
    if (sameToken(this.expected, given)) {
      this.limiter.succeed(address);
      return true;
    }
    this.log(`refused ${what} from ${address}: wrong staff token`);
    if (this.limiter.fail(address, now)) {
      const after = this.limiter.check(address, now);
      const seconds = after.allowed ? 0 : Math.ceil((after.retryAt - now) / 1000);
      this.log(`${address}: too many wrong staff tokens; its staff requests are refused for ${seconds} s`);
    }
    sendJson(res, 401, refusal(said('refusal.wrongToken')), { 'www-authenticate': 'Bearer' });
    return false;
  }
}
