/**
 * The web host: serves the built board, the program as JSON, and program
 * changes as server-sent events, so the same board runs in a browser-based
 * signage player (and in the end-to-end tests) as in the Electron kiosk.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { WEB_API, type ProgramUpdate } from '../contract.ts';
import { CONTENT_SECURITY_POLICY } from '../csp.ts';
import { contentTypeOf, fileInside, isProgramFileType, PROGRAM_FILES_PREFIX } from './static-files.ts';
import { ProgramSource } from './program-source.ts';
import { isHttpUrl } from '../url.ts';

export interface WebHostOptions {
  port: number;
  host?: string;
  /** A program file path or an http(s) URL. */
  programLocation: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  timezone?: string;
  log?: (line: string) => void;
}

export interface RunningWebHost {
  url: string;
  close(): Promise<void>;
}

const HEARTBEAT_MS = 25_000;

/** The file for a URL path inside `root`, or null when it is malformed or would leave it. */
function inside(root: string, urlPath: string): string | null {
  try {
    return fileInside(root, decodeURIComponent(urlPath));
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff' });
  res.end(body);
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cache: string): Promise<boolean> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return false;
  }
  if (!info.isFile()) return false;
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': contentTypeOf(file),
    'cache-control': cache,
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-length': info.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const log = options.log ?? (() => {});
  const rendererDir = resolve(options.rendererDir);
  const programDir = isHttpUrl(options.programLocation) ? null : dirname(resolve(options.programLocation));
  const source = new ProgramSource({
    location: options.programLocation,
    ...(options.timezone ? { timezone: options.timezone } : {}),
    log,
  });
  await source.start();
  if (!source.current()) {
    source.stop();
    const problem = (source.lastProblem() ?? `${options.programLocation}: no program could be loaded`).replace(
      /^rejected update, keeping the last good program:\n/,
      '',
    );
    throw new Error(`no program to show:\n${problem}`);
  }

  const streams = new Set<ServerResponse>();
  const frame = (update: ProgramUpdate): string => `event: program\ndata: ${JSON.stringify(update)}\n\n`;
  const unsubscribe = source.subscribe((update) => {
    const text = frame(update);
    for (const res of streams) res.write(text);
  });
  // Comments keep idle connections open through proxies that cut silent streams.
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log(`web host: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, 'Method not allowed');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;

    if (path === WEB_API.program) {
      const update = source.current();
      if (!update) send(res, 503, 'No program loaded');
      else {
        res.setHeader('cache-control', 'no-store');
        send(res, 200, JSON.stringify(update), 'application/json; charset=utf-8');
      }
      return;
    }

    if (path === WEB_API.events) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const update = source.current();
      res.write('retry: 2000\n\n');
      if (update) res.write(frame(update));
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (path.startsWith(PROGRAM_FILES_PREFIX)) {
      const file = programDir ? inside(programDir, path.slice(PROGRAM_FILES_PREFIX.length)) : null;
      if (file && isProgramFileType(file) && (await sendFile(req, res, file, 'no-cache'))) return;
      send(res, 404, 'Not found');
      return;
    }

    if (path === '/' || path === '/index.html') {
      // The page names hashed assets, so it must be revalidated; the assets never change.
      // The program is fetched while the script still loads, not after it has run.
      res.setHeader('link', `<${WEB_API.program}>; rel=preload; as=fetch; crossorigin=anonymous`);
      res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      if (await sendFile(req, res, resolve(rendererDir, 'index.html'), 'no-cache')) return;
      send(res, 503, 'The board is not built: run npm run build:renderer');
      return;
    }

    const file = inside(rendererDir, path);
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (file && (await sendFile(req, res, file, cache))) return;
    send(res, 404, 'Not found');
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    unsubscribe();
    clearInterval(heartbeat);
    source.stop();
    if (error.code === 'EADDRINUSE')
      throw new Error(`port ${options.port} is already in use (choose another with --port or PORT=)`);
    throw error;
  });

  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
  return {
    url,
    close: async () => {
      unsubscribe();
      clearInterval(heartbeat);
      source.stop();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
