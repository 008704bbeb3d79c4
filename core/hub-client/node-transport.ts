/**
 * The hub session in Node: the kiosk's program feed with `--hub`
 * (electron/program-feed.ts) and the tests' kiosk-style screens. The
 * transport reads the hub's event stream with fetch; HubClient is the session
 * (session.ts) over it, with the kiosk's extras: the full program validator,
 * and the last program and live state kept on disk for a boot without the hub.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_API, type ScreenRef } from '../hub/api.ts';
import { type ProgramUpdate } from '../host-contract.ts';
import { EventStreamParser } from '../hub/rules/sse.ts';
import type { LiveState } from '../hub/api.ts';
import { readLiveState } from '../hub/rules/wire.ts';
import { writeFileAtomic } from '../node/atomic-file.ts';
import { validateProgram } from '../program/validate.ts';
import { readProgramUpdate } from './program-update.ts';
import { HubSession, type HubTransport, type KeptState, type SecretPlace, type SessionOptions } from './session.ts';

/** The hub over HTTP from Node: the event stream read with fetch as it arrives, requests with fetch. */
export function nodeTransport(url: string): HubTransport {
  const base = new URL(url.endsWith('/') ? url : `${url}/`);
  const at = (path: string): URL => new URL(path.slice(1), base);
  return {
    openStream(screen, handlers) {
      const abort = new AbortController();
      const events = at(HUB_API.events);
      events.searchParams.set('screen', screen);
      void fetch(events, { signal: abort.signal, headers: { accept: 'text/event-stream' } })
        .then(async (response) => {
          if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
          handlers.open();
          const parser = new EventStreamParser((event) => handlers.event(event.event, event.data));
          const decoder = new TextDecoder();
          for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
            handlers.alive();
            parser.push(decoder.decode(chunk, { stream: true }));
          }
          throw new Error('the hub closed the stream');
        })
        .catch(() => {
          if (!abort.signal.aborted) handlers.error();
        });
      return () => abort.abort();
    },
    fetchState: () =>
      fetch(at(HUB_API.state), { signal: AbortSignal.timeout(10_000) }).then(
        (response) => (response.ok ? response.text() : null),
        () => null,
      ),
    async post(path, body, token) {
      const response = await fetch(at(path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, body: await response.text() };
    },
  };
}

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
/** The secret the hub issued to this kiosk's id: kept with the id, so a kiosk restarted keeps its fleet row. */
const SECRET_FILE = 'hub-screen-secret';

/** The secret in a file readable by the kiosk's user alone; in memory when the disk refuses. */
function fileSecret(file: string, log: (line: string) => void): SecretPlace {
  let kept: string | null = null;
  try {
    kept = readFileSync(file, 'utf8').trim() || null;
  } catch {
    // none yet
  }
  return {
    read: () => kept,
    write(secret) {
      kept = secret;
      try {
        writeFileAtomic(file, secret);
      } catch (error) {
        log(`could not keep the hub's screen secret on disk (${(error as Error).message}); kept until the kiosk quits`);
      }
    },
  };
}

/** The kiosk's session with its hub. */
export class HubClient extends HubSession {
  readonly location: string;
  private readonly cacheDir: string | null;
  private readonly log: (line: string) => void;
  private readonly clock: () => number;
  /** While what was kept is shown at start: it is on disk already. */
  private restoring = false;

  constructor(options: HubClientOptions) {
    const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    const session: SessionOptions = {
      host: 'electron',
      screen: options.screen,
      token: options.token,
      hubName: `the hub ${base.href}`,
      log: (line) => options.log(line),
      // A program from the hub passes the same validator as a file would.
      deepCheck: (program) => {
        const checked = validateProgram(program);
        return checked.ok ? { ok: true, value: checked.program } : { ok: false, error: checked.errors[0]?.message ?? 'invalid' };
      },
      ...(options.random ? { random: options.random } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.staleAfterMs ? { staleAfterMs: options.staleAfterMs } : {}),
      ...(options.cacheDir !== null ? { secret: fileSecret(join(options.cacheDir, SECRET_FILE), options.log) } : {}),
    };
    super(nodeTransport(base.href), session);
    this.location = base.href;
    this.cacheDir = options.cacheDir;
    this.log = options.log;
    this.clock = options.now ?? Date.now;
    // A new program is kept on disk; a new status of the same one is not written again.
    this.onUpdate((update, kind) => {
      if (kind === 'program' && !this.restoring) this.save(PROGRAM_CACHE, update);
    });
    this.onLive((live) => {
      if (!this.restoring) this.save(LIVE_CACHE, live);
    });
  }

  /** The kiosk's program feed calls the program's listeners "subscribers". */
  subscribe(listener: (update: ProgramUpdate) => void): () => void {
    return this.onUpdate((update) => listener(update));
  }

  /** What was kept on disk first (offline until the hub answers), then the hub. */
  override start(): void {
    this.restoring = true;
    try {
      super.start(this.loadCache());
    } finally {
      this.restoring = false;
    }
  }

  private save(name: string, value: unknown): void {
    if (this.cacheDir === null) return;
    try {
      writeFileAtomic(join(this.cacheDir, name), JSON.stringify({ hub: this.location, savedAt: this.clock(), value }));
    } catch (error) {
      this.log(`could not keep the hub's ${name} for an offline start (${String(error)})`);
    }
  }

  private loadCache(): KeptState | null {
    if (this.cacheDir === null) return null;
    const read = (name: string): { savedAt: number; value: unknown } | null => {
      try {
        const data = JSON.parse(readFileSync(join(this.cacheDir!, name), 'utf8')) as {
          hub?: string;
          savedAt?: number;
          value?: unknown;
        };
        return data.hub === this.location && typeof data.savedAt === 'number'
          ? { savedAt: data.savedAt, value: data.value }
          : null;
      } catch {
        return null;
      }
    };
    const program = read(PROGRAM_CACHE);
    const live = read(LIVE_CACHE);
    const liveState: LiveState | null = live === null ? null : ((r) => (r.ok ? r.value : null))(readLiveState(live.value));
    let update: ProgramUpdate | null = null;
    if (program !== null) {
      const shape = readProgramUpdate(program.value);
      const checked = shape.ok ? validateProgram(shape.value.program) : null;
      if (shape.ok && checked?.ok) update = { ...shape.value, program: checked.program };
    }
    if (update === null && liveState === null) return null;
    // Until the hub answers, the screen shows what it last heard, marked with when that was.
    return { update, live: liveState, savedAt: Math.max(program?.savedAt ?? 0, live?.savedAt ?? 0) };
  }
}
