/**
 * A screen's connection to its hub, in Node: the kiosk's program feed with
 * `--hub` (electron/program-feed.ts), and the tests' kiosk-style screens. It
 * holds the hub's event stream (program, live state, fleet messages),
 * reconnects with back-off and jitter when the hub goes away, keeps the last
 * program and live state on disk for a boot without the hub, sends staff
 * commands with the token, and reports heartbeats.
 *
 * Offline it changes nothing on screen but the mark: the last program stays,
 * its status says "offline since 13:40", and shared commands are refused with
 * that sentence rather than applied here and lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_API, type Heartbeat, type ScreenRef } from '../../hub/api.ts';
import type { ProgramUpdate, Unsubscribe } from '../../host-contract.ts';
import type { ScreenMessage } from '../../screen/state.ts';
import { refusalOfStatus, refusalText } from '../../hub/rules/refusal.ts';
import { EventStreamParser, type StreamEvent } from '../../hub/rules/sse.ts';
import type { LiveState } from '../../hub/api.ts';
import { reconnectDelay } from '../../hub/rules/timing.ts';
import { readLiveState, readScreenMessage } from '../../hub/rules/wire.ts';
import { validateProgram } from '../../program/validate.ts';
import type { SharedContext } from '../../screen/reducers.ts';
import type { Command } from '../../screen/state.ts';
import { writeFileAtomic } from '../atomic-file.ts';

export interface HubClientOptions {
  /** The hub's address, e.g. http://hub.local:4173/ */
  url: string;
  /** The staff token; null: this screen cannot change the live state. */
  token: string | null;
  /** Who this screen is (its name may change while it runs). */
  screen: () => ScreenRef;
  /** Where the last program and live state are kept between runs; null: not kept. */
  cacheDir: string | null;
  log: (line: string) => void;
  random?: () => number;
  now?: () => number;
  /** Silence (no event, no keep-alive) after which the stream is taken for dead. Default 60 s (the hub speaks every 25 s). */
  staleAfterMs?: number;
}

const PROGRAM_CACHE = 'hub-program.json';
const LIVE_CACHE = 'hub-live.json';

export class HubClient {
  private readonly options: HubClientOptions;
  private readonly base: URL;
  private update: ProgramUpdate | null = null;
  private liveState: LiveState | null = null;
  private offline: number | null = null;
  private attempt = 0;
  private abort: AbortController | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stale: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly programListeners = new Set<(update: ProgramUpdate) => void>();
  private readonly liveListeners = new Set<(live: LiveState) => void>();
  private readonly messageListeners = new Set<(message: ScreenMessage) => void>();

  constructor(options: HubClientOptions) {
    this.options = options;
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  }

  get location(): string {
    return this.base.href;
  }

  current(): ProgramUpdate | null {
    return this.update === null ? null : this.withMark(this.update);
  }

  get live(): LiveState | null {
    return this.liveState;
  }

  get offlineSince(): number | null {
    return this.offline;
  }

  subscribe(listener: (update: ProgramUpdate) => void): Unsubscribe {
    this.programListeners.add(listener);
    return () => this.programListeners.delete(listener);
  }

  onLive(listener: (live: LiveState) => void): Unsubscribe {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  onMessage(listener: (message: ScreenMessage) => void): Unsubscribe {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** The cached program and live state first (offline until the hub answers), then the hub. */
  start(): void {
    this.loadCache();
    if (this.liveState !== null) for (const listener of this.liveListeners) listener(this.liveState);
    this.publishProgram();
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    if (this.retry) clearTimeout(this.retry);
    if (this.stale) clearTimeout(this.stale);
  }

  /** Sends a shared command; null when the hub took it, else the sentence to show staff. */
  async send(command: Command, at: SharedContext): Promise<string | null> {
    if (this.options.token === null) return refusalText({ reason: 'no-token', host: 'electron' });
    const zone = this.update?.program.event.timezone ?? 'UTC';
    if (this.offline !== null) return refusalText({ reason: 'offline', since: this.offline, zone });
    let response: Response;
    try {
      response = await fetch(new URL(HUB_API.command.slice(1), this.base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ command, at, screen: this.options.screen() }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      return refusalText({ reason: 'offline', since: this.offline ?? this.now(), zone });
    }
    const body = await response.text();
    const refusal = refusalOfStatus(response.status, body);
    if (refusal !== null) return refusalText(refusal);
    // The answer is the new state: show it now, the stream brings the same a moment later.
    const live = readLiveState(JSON.parse(body) as unknown);
    if (live.ok) this.setLive(live.value);
    return null;
  }

  /** Reports to the fleet page; a hub that does not answer is not a problem here (the stream says offline). */
  async heartbeat(heartbeat: Heartbeat): Promise<boolean> {
    try {
      const response = await fetch(new URL(HUB_API.heartbeat.slice(1), this.base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(heartbeat),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private withMark(update: ProgramUpdate): ProgramUpdate {
    if (this.offline === null) return update;
    return { ...update, status: { ...update.status, offlineSince: update.status.offlineSince ?? this.offline } };
  }

  private publishProgram(): void {
    const update = this.current();
    if (update !== null) for (const listener of this.programListeners) listener(update);
  }

  private setLive(live: LiveState): void {
    if (this.liveState !== null && JSON.stringify(this.liveState) === JSON.stringify(live)) return;
    this.liveState = live;
    this.saveCache(LIVE_CACHE, live);
    for (const listener of this.liveListeners) listener(live);
  }

  /** The first failure since the hub was last heard marks the program offline; later ones keep that time. */
  private markOffline(): void {
    if (this.offline !== null) return;
    this.offline = this.now();
    this.options.log(`the hub ${this.base.href} is unreachable; showing the last program and live state`);
    this.publishProgram();
  }

  private connect(): void {
    if (this.stopped) return;
    const abort = new AbortController();
    this.abort = abort;
    const url = new URL(HUB_API.events.slice(1), this.base);
    url.searchParams.set('screen', this.options.screen().id);
    void fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } })
      .then(async (response) => {
        if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
        this.attempt = 0;
        this.alive(abort);
        const parser = new EventStreamParser((event) => this.receive(event));
        const decoder = new TextDecoder();
        for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
          this.alive(abort);
          parser.push(decoder.decode(chunk, { stream: true }));
        }
        throw new Error('the hub closed the stream');
      })
      .catch(() => {
        if (this.stopped) return;
        if (this.stale) clearTimeout(this.stale);
        this.markOffline();
        const wait = reconnectDelay(this.attempt++, (this.options.random ?? Math.random)());
        this.retry = setTimeout(() => this.connect(), wait);
        this.retry.unref();
      });
  }

  /** Data arrived: the stream lives; silence for staleAfterMs ends it (a hub that vanished without a word). */
  private alive(abort: AbortController): void {
    if (this.stale) clearTimeout(this.stale);
    this.stale = setTimeout(() => abort.abort(), this.options.staleAfterMs ?? 60_000);
    this.stale.unref();
  }

  private receive(event: StreamEvent): void {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      this.options.log(`the hub sent a ${event.event} event that is not JSON; ignored`);
      return;
    }
    if (event.event === 'program') this.receiveProgram(data);
    else if (event.event === 'status') this.receiveStatus(data);
    else if (event.event === 'live') {
      const live = readLiveState(data);
      if (live.ok) this.setLive(live.value);
      else this.options.log(`the hub sent a live state that is not one (${live.error}); the last one stays`);
    } else if (event.event === 'screen') {
      const message = readScreenMessage(data);
      if (message.ok) for (const listener of this.messageListeners) listener(message.value);
      else this.options.log(`ignored a message from the hub: ${message.error}`);
    }
  }

  /** A program from the hub passes the same validator as a file would: a broken hub never blanks the board. */
  private receiveProgram(data: unknown): void {
    const update = data as Partial<ProgramUpdate> | null;
    const checked = validateProgram(update?.program);
    if (!checked.ok || typeof update?.status !== 'object' || update.status === null) {
      this.options.log(
        `the hub sent a program that is not valid; the last good one stays (${checked.ok ? 'no status' : checked.errors[0]?.message})`,
      );
      return;
    }
    this.update = { program: checked.program, status: update.status };
    this.saveCache(PROGRAM_CACHE, this.update);
    if (this.offline !== null) this.options.log(`connected to the hub ${this.base.href}`);
    this.offline = null;
    this.publishProgram();
  }

  /** The same program with a new status: nothing to validate or keep on disk again. */
  private receiveStatus(data: unknown): void {
    const status = data as ProgramUpdate['status'] | null;
    if (this.update === null || typeof status?.updatedAt !== 'number') return;
    this.update = { ...this.update, status };
    this.offline = null;
    this.publishProgram();
  }

  private saveCache(name: string, value: unknown): void {
    if (this.options.cacheDir === null) return;
    try {
      writeFileAtomic(join(this.options.cacheDir, name), JSON.stringify({ hub: this.base.href, savedAt: this.now(), value }));
    } catch (error) {
      this.options.log(`could not keep the hub's ${name} for an offline start (${String(error)})`);
    }
  }

  private loadCache(): void {
    if (this.options.cacheDir === null) return;
    const read = (name: string): { savedAt: number; value: unknown } | null => {
      try {
        const data = JSON.parse(readFileSync(join(this.options.cacheDir!, name), 'utf8')) as {
          hub?: string;
          savedAt?: number;
          value?: unknown;
        };
        return data.hub === this.base.href && typeof data.savedAt === 'number'
          ? { savedAt: data.savedAt, value: data.value }
          : null;
      } catch {
        return null;
      }
    };
    const program = read(PROGRAM_CACHE);
    const live = read(LIVE_CACHE);
    if (live !== null) {
      const checked = readLiveState(live.value);
      if (checked.ok) this.liveState = checked.value;
    }
    if (program === null) return;
    const update = program.value as Partial<ProgramUpdate> | null;
    const checked = validateProgram(update?.program);
    if (!checked.ok || typeof update?.status !== 'object' || update.status === null) return;
    this.update = { program: checked.program, status: update.status };
    // Until the hub answers, the screen shows what it last heard, marked with when that was.
    this.offline = Math.max(program.savedAt, live?.savedAt ?? 0);
  }
}
