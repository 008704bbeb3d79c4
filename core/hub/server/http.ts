/** Small HTTP helpers for the hub's routes: answers with the right headers, and request bodies read with a limit. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { english, said, type Said } from '../../i18n/said.ts';

export function sendText(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

export class BodyProblem extends Error {
  readonly status: number;
  readonly said: Said;
  constructor(status: number, s: Said) {
    super(english(s));
    this.status = status;
    this.said = s;
  }
}

/** The request's JSON body, at most `limit` bytes; a BodyProblem (413, 415, 400) otherwise. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  // JSON only: a cross-site form cannot send it without the browser asking first, and it never asks us.
  if (!/^application\/json\b/i.test(type)) throw new BodyProblem(415, said('refusal.notJsonType'));
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyProblem(413, said('refusal.bodyTooLarge', { limit }));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.destroy();
      throw new BodyProblem(413, said('refusal.bodyTooLarge', { limit }));
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BodyProblem(400, said('refusal.notJson'));
  }
}

const bare = (address: string | undefined): string => (address ?? 'unknown').replace(/^::ffff:/, '');

/** The client address the server settled on for each request (the proxy's X-Forwarded-For, when trusted). */
const clients = new WeakMap<IncomingMessage, string>();

/**
 * The client of `req`: the peer, or, when the peer is the trusted reverse proxy, the last address the proxy
 * put in X-Forwarded-For (the ones before it were written by the client and prove nothing).
 */
export function settleClientAddress(req: IncomingMessage, trustProxy: string | null): string {
  const peer = bare(req.socket.remoteAddress);
  let client = peer;
  if (trustProxy !== null && peer === trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').pop()?.trim() ?? '';
    if (/^[0-9a-fA-F.:]{2,45}$/.test(last)) client = bare(last);
  }
  clients.set(req, client);
  return client;
}

/** The client's address as the log, the audit and the limits use it. */
export function addressOf(req: IncomingMessage): string {
  return clients.get(req) ?? bare(req.socket.remoteAddress);
}
