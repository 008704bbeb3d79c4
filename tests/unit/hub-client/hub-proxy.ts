/**
 * A proxy on 127.0.0.1 between screens and a real hub, as venues have them,
 * that the suite can make misbehave on purpose: hold every event stream open
 * while passing nothing on (a hub that hung, a proxy that buffers), and add a
 * frame to the streams (a hub of another version, a proxy's rewrite). All
 * else passes through as it is.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUB_API } from '../../../core/hub/api.ts';

export interface HubProxy {
  base: string;
  /** From now on the event streams (open and new) carry nothing, and stay open. */
  freeze(): void;
  thaw(): void;
  /** Writes a raw frame into every open event stream. */
  inject(frame: string): void;
  close(): Promise<void>;
}

/** Hop-by-hop headers are the proxy's own business. */
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export async function startHubProxy(hubBase: () => string): Promise<HubProxy> {
  let frozen = false;
  const streams = new Set<ServerResponse>();
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const isStream = req.url?.startsWith(HUB_API.events) ?? false;
    if (isStream && frozen) return; // accepted, never answered
    const upstream = request(new URL(req.url ?? '/', hubBase()), { method: req.method, headers: req.headers }, (answer) => {
      const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP.has(name)));
      res.writeHead(answer.statusCode ?? 502, headers);
      if (!isStream) {
        answer.pipe(res);
        return;
      }
      streams.add(res);
      res.on('close', () => {
        streams.delete(res);
        answer.destroy();
      });
      answer.on('data', (chunk: Buffer) => {
        if (!frozen) res.write(chunk);
      });
      answer.on('end', () => res.end());
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('the hub cannot be reached');
    });
    req.pipe(upstream);
  };
  const server = createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => void (frozen = true),
    thaw: () => void (frozen = false),
    inject(frame) {
      for (const res of streams) res.write(frame);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
