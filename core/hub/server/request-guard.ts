/**
 * What every answer of the hub carries, and which requests it answers at
 * all. The board's Content-Security-Policy (core/csp.ts, one string for every
 * host) goes out as a header, with `frame-ancestors 'none'`, which a <meta>
 * cannot carry: no page elsewhere may frame the board. The Host header is
 * checked so a web page elsewhere cannot reach a host on 127.0.0.1 by
 * re-pointing its own name there (DNS rebinding).
 */
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../csp.ts';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** An address only this machine can reach. */
export function isLoopback(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare) || bare === '::ffff:127.0.0.1';
}

/**
 * The names the board may be asked for by: this machine's own names, the
 * address it listens on, and what the technician allows (--allow-host). Any IP
 * address is fine too: rebinding needs a name.
 */
export function allowedHostNames(listenOn: string, extra: readonly string[] = []): Set<string> {
  const names = new Set(['localhost', listenOn.replace(/^\[|\]$/g, '').toLowerCase()]);
  const own = hostname().toLowerCase();
  if (own) names.add(own).add(`${own}.local`);
  for (const name of extra) names.add(name.toLowerCase());
  return names;
}

/** The host name of a Host header ("board.local:4173", "[::1]:4173"), or null when it is not one. */
function hostNameOf(header: string): string | null {
  try {
    return new URL(`http://${header}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

/** Whether a request's Host header names this host. Clients that send none (HTTP/1.0 tools) are not browsers. */
export function isAllowedHost(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (header === undefined) return true;
  const name = hostNameOf(header);
  return name !== null && (isIP(name) !== 0 || allowed.has(name));
}
