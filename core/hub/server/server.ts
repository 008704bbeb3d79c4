/**
 * The hub: serves the built board, the program as JSON, and program
 * changes as server-sent events, so the same board runs in a browser-based
 * signage player (and in the end-to-end tests) as in the Electron kiosk. It is
 * also the venue's hub (hub/hub.ts): the live state, the event streams'
 * other events, the fleet and the live feed.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, resolve } from 'node:path';
import { FIRST_BOARD, HUB_API } from '../api.ts';
import type { ProgramUpdate } from '../../host-contract.ts';
import { connectionLimit, eventFrame, EventStreams, openFileLimit } from './event-streams.ts';
import { FirstBoardPages } from './first-board.ts';
import { Hub, type HubOptions } from './hub.ts';
import { ProgramSource } from '../../node/program-source.ts';
import {
  contentTypeOf,
  fileInside,
  namedFileInside,
  namedProgramFiles,
  programFileHeaders,
  PROGRAM_FILES_PREFIX,
} from '../../node/static-files.ts';
import { sendText, settleClientAddress } from './http.ts';
import { allowedHostNames, isAllowedHost, SECURITY_HEADERS } from './request-guard.ts';
import { isHttpUrl } from '../../url.ts';

export interface HubServerOptions {
  port: number;
  host?: string;
  /** A program file path or an http(s) URL. */
  programLocation: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  timezone?: string;
  /** Where the last good program is kept, so a host started while its source is down or broken still shows the day. */
  cacheFile?: string;
  /** The most bytes a program may have (counted after decompression); default 20 MB. */
  maxBytes?: number;
  /** Boards connected at once (event streams); default 256, and never more than the open-file limit allows. */
  maxClients?: number;
  /** Host names besides this machine's own and its addresses that browsers may use (DNS rebinding guard). */
  allowedHosts?: readonly string[];
  /** How often a program URL is checked; default 60 s. */
  pollIntervalMs?: number;
  /** How often an idle event stream says it lives; default 25 s (tests shorten it). */
  keepAliveMs?: number;
  /** Event streams one client address may hold; default 32. */
  streamsPerAddress?: number;
  /** After this an event stream is asked to reconnect and closed; default 30 min. */
  maxStreamAgeMs?: number;
  /** Connections one client address may hold open; default 128. */
  connectionsPerAddress?: number;
  /** The reverse proxy's address: only its X-Forwarded-For names the client. */
  trustProxy?: string;
  /** How long a client may take to send a request's headers, and the whole request; default 10 s and 30 s. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  log?: (line: string) => void;
  /** The hub's state folder and staff token (default: in memory, no token: no changes). */
  hub?: Partial<Pick<HubOptions, 'stateDir' | 'token' | 'appVersion' | 'maxScreens' | 'now'>>;
}

export interface RunningHubServer {
  url: string;
  /** The program being served, or null while none could be loaded yet. */
  current(): ProgramUpdate | null;
  /** Why the source's last read failed, or null. */
  lastProblem(): string | null;
  close(): Promise<void>;
}

const DEFAULT_MAX_CLIENTS = 256;
const CONNECTIONS_PER_ADDRESS = 128;
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

function decoded(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return null;
  }
}

/** The file for a URL path inside `root`, or null when it is malformed or would leave it. */
function inside(root: string, urlPath: string): string | null {
  const path = decoded(urlPath);
  return path === null ? null : fileInside(root, path);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  cache: string,
  extra: Record<string, string> = {},
): Promise<boolean> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return false;
  }
  if (!info.isFile()) return false;
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = { 'content-type': contentTypeOf(file), 'cache-control': cache, etag, ...extra };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-length': info.size });
  if (req.method === 'HEAD') res.end();
  else
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  return true;
}

export async function startHubServer(options: HubServerOptions): Promise<RunningHubServer> {
  const log = options.log ?? (() => {});
  const rendererDir = resolve(options.rendererDir);
  const listenOn = options.host ?? '127.0.0.1';
  const programDir = isHttpUrl(options.programLocation) ? null : dirname(resolve(options.programLocation));
  const source = new ProgramSource({
    location: options.programLocation,
    ...(options.timezone ? { timezone: options.timezone } : {}),
    ...(options.cacheFile ? { cacheFile: options.cacheFile } : {}),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    log,
  });
  // Whatever the first read gives, the host starts: boards get the program as soon as the
  // source has one (a fixed file, a server back up), and meanwhile /api/program says why not.
  await source.start();

  const maxConnections = connectionLimit(openFileLimit());
  const streams = new EventStreams(
    {
      maxClients: Math.min(options.maxClients ?? DEFAULT_MAX_CLIENTS, maxConnections - 16),
      ...(options.streamsPerAddress ? { perAddress: options.streamsPerAddress } : {}),
      ...(options.maxStreamAgeMs ? { maxAgeMs: options.maxStreamAgeMs } : {}),
      ...(options.keepAliveMs ? { heartbeatMs: options.keepAliveMs } : {}),
    },
    log,
  );
  const trustProxy = options.trustProxy ?? null;
  let named = new Set<string>();
  const hub = new Hub(
    { stateDir: null, token: null, appVersion: 'unknown', ...options.hub, rendererDir, log },
    { program: () => source.current(), streams },
  );
  const firstBoard = new FirstBoardPages(rendererDir, log);
  await firstBoard.load();
  // Any publication (a program, or a status only) may change what the board shows: pages are rendered again.
  let programVersion = 0;
  const initial = source.current();
  let shown = initial?.program ?? null;
  let shownCatalogues = initial?.catalogues;
  if (initial) named = namedProgramFiles(initial.program);
  // The source also publishes when only the status moved (every poll of a URL that answers 304): then
  // the screens get the status alone, not the whole program again to parse and draw.
  const onProgram = (update: ProgramUpdate): void => {
    programVersion++;
    if (update.program === shown && update.catalogues === shownCatalogues)
      return streams.broadcast(eventFrame('status', update.status));
    shown = update.program;
    shownCatalogues = update.catalogues;
    named = namedProgramFiles(update.program);
    hub.programChanged();
    streams.broadcast(eventFrame('program', update));
  };
  const unsubscribe = source.subscribe(onProgram);
  const hostNames = allowedHostNames(listenOn, options.allowedHosts);

  const server = createServer(
    {
      // A client that sends its headers or its body a byte at a time is cut off, not waited for for minutes.
      headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      // Node looks for connections past those timeouts this often (30 s by default: 40 s for a 10 s timeout).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      const address = settleClientAddress(req, trustProxy);
      const what = `${req.method} ${req.url?.split('?')[0] ?? '/'}`;
      // A screen closing its event stream (a reload, a tab closed) is how streams end: only other aborts are news.
      if (!req.url?.startsWith(HUB_API.events)) req.on('aborted', () => log(`hub: ${what} from ${address} was aborted`));
      void handle(req, res).catch((error: unknown) => {
        log(`hub: ${what} from ${address}: ${(error as Error).message}`);
        if (!res.headersSent) send(res, 500, 'Internal error');
        else res.end();
      });
    },
  );
  // Beyond this the host would run out of file descriptors and could no longer read its program.
  server.maxConnections = maxConnections;
  // One address cannot hold every connection (slow sockets): the rest of the venue is still answered.
  const perAddress = options.connectionsPerAddress ?? CONNECTIONS_PER_ADDRESS;
  const open = new Map<string, Set<Socket>>();
  // Sockets that have answered and wait for the next request: a browser keeps a few of those per page for reuse.
  const spare = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    const peer = (socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
    const mine = open.get(peer) ?? new Set<Socket>();
    if (mine.size >= perAddress && peer !== trustProxy) {
      // Twenty players behind one address keep more idle connections than the cap: an idle one makes way before a
      // new one is refused; only connections all busy (streams, slow requests) refuse the next.
      const idle = [...mine].find((s) => spare.has(s));
      if (!idle) {
        socket.destroy();
        return;
      }
      mine.delete(idle);
      idle.destroy();
    }
    mine.add(socket);
    open.set(peer, mine);
    socket.once('close', () => {
      mine.delete(socket);
      if (mine.size === 0 && open.get(peer) === mine) open.delete(peer);
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    spare.delete(req.socket);
    res.once('finish', () => spare.add(req.socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!isAllowedHost(req.headers.host, hostNames)) {
      send(
        res,
        421,
        `This board is not served under the name ${JSON.stringify(req.headers.host)}; start the hub with --allow-host NAME to allow it\n`,
      );
      return;
    }
    // The hub's routes: the event streams, the live state, the fleet, the live feed.
    if (await hub.handle(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, 'Method not allowed');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;

    if (path === HUB_API.program) {
      const update = source.current();
      res.setHeader('cache-control', 'no-store');
      if (!update) send(res, 503, `No program loaded yet: ${source.lastProblem() ?? 'reading the source'}\n`);
      else send(res, 200, JSON.stringify(update), 'application/json; charset=utf-8');
      return;
    }

    if (path.startsWith(PROGRAM_FILES_PREFIX)) {
      const wanted = decoded(path.slice(PROGRAM_FILES_PREFIX.length));
      const file = programDir && wanted !== null ? await namedFileInside(programDir, wanted, named) : null;
      if (file && (await sendFile(req, res, file, 'no-cache', programFileHeaders(file)))) return;
      send(res, 404, 'Not found');
      return;
    }

    if (path.startsWith(FIRST_BOARD.cssPrefix)) {
      const css = firstBoard.stylesheet(path);
      if (css === null) send(res, 404, 'Not found');
      else sendText(res, 200, css, 'text/css; charset=utf-8', { 'cache-control': 'public, max-age=31536000, immutable' });
      return;
    }

    if (path === '/' || path === '/index.html') {
      const update = source.current();
      const search = new URL(req.url ?? '/', 'http://localhost').search;
      const early = update && req.method === 'GET' ? await firstBoard.start() : null;
      if (update && early) {
        // The page's start first, the board after it is rendered: the browser commits the page and fetches its
        // stylesheets, scripts and fonts while the hub renders (5–50 ms; more on a busy hub), off a player's critical path.
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        });
        res.write(early.start);
        await new Promise<void>((next) => setImmediate(next));
        const page = await firstBoard.page({ search, update, live: hub.live, programVersion }, early.template);
        // Rendered for this second: asked again each time, never kept. A failed render ends it as the plain page.
        res.end((page !== null && page.startsWith(early.start) ? page : early.template).slice(early.start.length));
        return;
      }
      const page = update ? await firstBoard.page({ search, update, live: hub.live, programVersion }) : null;
      if (page !== null) {
        // Rendered for this minute: asked again each time, never kept.
        sendText(res, 200, page, 'text/html; charset=utf-8', { 'cache-control': 'no-store' });
        return;
      }
      // The page names hashed assets, so it must be revalidated; the assets never change.
      // The program is fetched while the script still loads, not after it has run.
      res.setHeader('link', `<${HUB_API.program}>; rel=preload; as=fetch; crossorigin=anonymous`);
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
    server.listen(options.port, listenOn, () => {
      server.off('error', reject);
      resolvePromise();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    unsubscribe();
    streams.close();
    source.stop();
    if (error.code === 'EADDRINUSE')
      throw new Error(`port ${options.port} is already in use (choose another with --port or PORT=)`);
    throw error;
  });

  const address = server.address() as AddressInfo;
  const url = `http://${listenOn.includes(':') ? `[${listenOn}]` : listenOn}:${address.port}/`;
  return {
    url,
    current: () => source.current(),
    lastProblem: () => source.lastProblem(),
    close: async () => {
      unsubscribe();
      streams.close();
      source.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
