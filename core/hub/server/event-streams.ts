/**
 * The open server-sent-event streams of the hub: one per board. Each
 * holds a file descriptor for as long as the board is open, so there is a cap
 * (a client beyond it is told to come back later), and a client that stops
 * reading is dropped rather than buffered for: a frame is written only when
 * the previous one has gone out, so no client holds more than one frame of the
 * host's memory. A dropped board reconnects by itself and gets the current
 * program. A stream may name its screen (`?screen=ID`), so the fleet page's
 * messages for that screen go to it alone.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { StreamEvents } from '../api.ts';

/** One server-sent event of the contract's types. */
export function eventFrame<E extends keyof StreamEvents>(event: E, data: StreamEvents[E]): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

const HEARTBEAT_MS = 25_000;
/** Streams one address may hold: a venue's screens behind one NAT fit, one attacker cannot take every slot. */
export const STREAMS_PER_ADDRESS = 32;
/** A stream older than this is asked to reconnect and closed, so an idle one never holds a slot for good. */
export const MAX_STREAM_AGE_MS = 30 * 60_000;

export interface StreamLimits {
  maxClients: number;
  perAddress?: number;
  maxAgeMs?: number;
  heartbeatMs?: number;
}

interface Stream {
  screen: string | null;
  address: string;
  opened: number;
}

/**
 * The file descriptors this process may open (the soft limit), where the
 * system says (Linux); null elsewhere.
 */
export function openFileLimit(): number | null {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const soft = /^Max open files\s+(\d+)/m.exec(limits)?.[1];
    return soft === undefined ? null : Number(soft);
  } catch {
    return null;
  }
}

/** Descriptors kept free for reading the program, writing the cache, watching and ordinary requests. */
const RESERVED_FILES = 64;

/** How many connections the host may hold: all it can open, less what it needs for its own work. */
export function connectionLimit(fileLimit: number | null): number {
  return fileLimit === null ? 1000 : Math.max(16, fileLimit - RESERVED_FILES);
}

export class EventStreams {
  /** Each open stream: the screen it said it is (null when it did not), its client's address, when it opened. */
  private readonly streams = new Map<ServerResponse, Stream>();
  private readonly perAddress = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly maxClients: number;
  private readonly addressLimit: number;
  private readonly maxAgeMs: number;

  constructor(
    limits: StreamLimits,
    private readonly log: (line: string) => void,
  ) {
    this.maxClients = limits.maxClients;
    this.addressLimit = limits.perAddress ?? STREAMS_PER_ADDRESS;
    this.maxAgeMs = limits.maxAgeMs ?? MAX_STREAM_AGE_MS;
    // Keeps idle connections open through proxies that cut silent streams, finds the clients that
    // stopped reading, and tells every screen (the browser's EventSource too) that the stream lives.
    this.heartbeat = setInterval(() => this.tick(), Math.min(limits.heartbeatMs ?? HEARTBEAT_MS, this.maxAgeMs));
    this.heartbeat.unref();
  }

  /** Streams past their age are told to reconnect and closed; the rest hear that the stream lives. */
  private tick(): void {
    const now = Date.now();
    for (const [res, stream] of this.streams)
      if (now - stream.opened >= this.maxAgeMs) {
        this.streams.delete(res);
        this.forget(stream.address);
        res.end(eventFrame('reconnect', null));
      }
    this.broadcast(eventFrame('alive', null));
  }

  private forget(address: string): void {
    const left = (this.perAddress.get(address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(address, left);
    else this.perAddress.delete(address);
  }

  get size(): number {
    return this.streams.size;
  }

  /** Opens a stream starting with `first` (the current program, the live state, …), or answers 503 when the host is full. */
  open(res: ServerResponse, first: string | null, screen: string | null = null, address = 'unknown'): void {
    const full = this.streams.size >= this.maxClients;
    if (full || (this.perAddress.get(address) ?? 0) >= this.addressLimit) {
      // Closed at once: an idle keep-alive connection would hold the descriptor the cap saves.
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30', connection: 'close' });
      res.end(
        full
          ? `Too many boards connected (${this.maxClients}); raise the limit with --max-clients\n`
          : `Too many boards from ${address} (${this.addressLimit}); raise the limit with --streams-per-address\n`,
      );
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    if (first !== null) res.write(first);
    this.streams.set(res, { screen, address, opened: Date.now() });
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    res.on('close', () => {
      if (this.streams.delete(res)) this.forget(address);
    });
  }

  broadcast(frame: string): void {
    this.send(frame, () => true);
  }

  /** Sends to every stream of `screen`; false when it has none open. */
  sendTo(screen: string, frame: string): boolean {
    return this.send(frame, (id) => id === screen) > 0;
  }

  connected(screen: string): boolean {
    for (const stream of this.streams.values()) if (stream.screen === screen) return true;
    return false;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.streams.keys()) res.end();
    this.streams.clear();
    this.perAddress.clear();
  }

  /** Writes `frame` to the streams `to` picks; returns how many got it. */
  private send(frame: string, to: (screen: string | null) => boolean): number {
    let dropped = 0;
    let sent = 0;
    for (const [res, stream] of this.streams) {
      if (!to(stream.screen)) continue;
      if (res.writableNeedDrain) {
        this.streams.delete(res);
        this.forget(stream.address);
        res.destroy();
        dropped++;
      } else {
        res.write(frame);
        sent++;
      }
    }
    if (dropped) this.log(`hub: dropped ${dropped} board${dropped === 1 ? '' : 's'} that stopped reading updates`);
    return sent;
  }
}
