/**
 * Fetching a program or an export over http(s), for the hosts' program source
 * and for `npm run import`: one timeout for the whole exchange, a limit on the
 * bytes read counting them after decompression (a 600 KB gzip answer can
 * inflate to 600 MB), redirects followed only on the same server and never
 * from https to http, and every failure as a short reason the caller puts
 * after the (redacted) source name.
 */
import { DEFAULT_MAX_BYTES, tooLarge } from './program-file.ts';
import { publicName } from './public-name.ts';
import { fetchProblem } from '../url.ts';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes?: number;
  /** Revalidation: with either, a 304 answer is `unchanged`. */
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { kind: 'text'; text: string; etag?: string; lastModified?: string }
  | { kind: 'unchanged' }
  | { kind: 'error'; reason: string };

const MAX_REDIRECTS = 5;
const ACCEPT = 'application/json, application/xml, text/xml, text/calendar, */*;q=0.5';

/** Why a request failed (core/url.ts's wording), never quoting the address: a library's message may hold its token. */
export function fetchFailure(error: unknown, timeoutMs: number): string {
  return fetchProblem(error, timeoutMs).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) => publicName(url));
}

/** fetch refuses a URL with user-info; it travels as Basic authentication instead, to this server only. */
function withoutCredentials(url: URL, headers: Record<string, string>): URL {
  if (!url.username && !url.password) return url;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const bare = new URL(url);
  bare.username = '';
  bare.password = '';
  return bare;
}

/** Where a redirect may lead: the same server (an upgrade from http to https included), never down to http. */
export function redirectProblem(from: URL, to: URL): string | null {
  if (to.protocol !== 'https:' && to.protocol !== 'http:') return `redirected to a ${to.protocol} address; refused`;
  if (from.protocol === 'https:' && to.protocol === 'http:')
    return `redirected from https to plain http (${publicName(to.href)}); refused`;
  if (to.hostname !== from.hostname || (to.protocol === from.protocol && to.port !== from.port))
    return `redirected to another server (${publicName(to.href)}); Foyer follows redirects only on the same server: use that address`;
  return null;
}

/** A response's body, read no further than `maxBytes` (counted after decompression). */
export async function readCappedBytes(response: Response, maxBytes: number): Promise<{ bytes: Buffer } | { reason: string }> {
  const declared = Number(response.headers.get('content-length'));
  if (!response.headers.get('content-encoding') && declared > maxBytes) {
    await response.body?.cancel();
    return { reason: tooLarge(maxBytes) };
  }
  if (!response.body) return { bytes: Buffer.alloc(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return { reason: tooLarge(maxBytes) };
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks, length) };
}

async function readCapped(response: Response, maxBytes: number): Promise<{ text: string } | { reason: string }> {
  const read = await readCappedBytes(response, maxBytes);
  return 'reason' in read ? read : { text: new TextDecoder().decode(read.bytes) };
}

export async function fetchProgram(location: string, options: FetchOptions): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const headers: Record<string, string> = { accept: ACCEPT };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  try {
    let url = withoutCredentials(new URL(location), headers);
    for (let hops = 0; ; hops++) {
      const response = await fetch(url, { headers, signal, redirect: 'manual' });
      const target = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && target !== null) {
        await response.body?.cancel();
        if (hops === MAX_REDIRECTS) return { kind: 'error', reason: `more than ${MAX_REDIRECTS} redirects (a loop?)` };
        const next = new URL(target, url);
        const problem = redirectProblem(url, next);
        if (problem) return { kind: 'error', reason: problem };
        url = next;
        continue;
      }
      if (response.status === 304 && (options.etag || options.lastModified)) {
        await response.body?.cancel();
        return { kind: 'unchanged' };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { kind: 'error', reason: `the server answered ${response.status} ${response.statusText}`.trimEnd() };
      }
      let body;
      try {
        body = await readCapped(response, maxBytes);
      } catch (error) {
        return { kind: 'error', reason: `the download broke off: ${fetchFailure(error, options.timeoutMs)}` };
      }
      if ('reason' in body) return { kind: 'error', reason: body.reason };
      const result: FetchResult = { kind: 'text', text: body.text };
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      if (etag) result.etag = etag;
      if (lastModified) result.lastModified = lastModified;
      return result;
    }
  } catch (error) {
    return { kind: 'error', reason: fetchFailure(error, options.timeoutMs) };
  }
}
