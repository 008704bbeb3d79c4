/**
 * A screen's session with its hub, the same on the kiosk and in a browser:
 * what the hub's event stream brings (the program, its status, the live state,
 * the fleet page's messages) checked and held, shared commands sent with the
 * staff token (or refused in a sentence staff can act on), the heartbeat for
 * the fleet page, and what happens when the hub goes away: the last program
 * stays, marked "offline since …", commands are refused rather than lost, and
 * the stream is opened again with back-off and jitter. A stream that stays
 * open but silent (a hub that hung, a proxy that holds the line) is taken for
 * dead after `staleAfterMs`: the hub says it lives every 25 s.
 *
 * No Node, no DOM: a transport opens the stream and posts (node-transport.ts
 * with fetch on the kiosk, renderer/src/host/hub-transport.ts with EventSource
 * in a browser); the host turns what the session publishes into a board.
 *
 * Validation: every program from the hub passes readProgramUpdate
 * (program-update.ts), a zod-free check of the shape the board relies on,
 * on both transports, so a broken program is refused and the last good one
 * stays. The full validator (core/program/validate.ts, zod) is not in the
 * board's bundle, on purpose: it would double the bundle, and zod's
 * `new Function` probe has no place under the board's CSP. The browser does
 * not need it: the page and the program come from the same hub, which ran that
 * validator on the file before sending it. The kiosk, which keeps the program
 * on disk for a boot without the hub, passes it as `deepCheck` and runs both.
 */
import { HUB_API, type Heartbeat, type HeartbeatRequest, type ScreenRef } from '../hub/api.ts';
import { type HostInfo, type ProgramUpdate, type Unsubscribe } from '../host-contract.ts';
import { type ScreenMessage } from '../screen/state.ts';
import { programVersion } from '../hub/rules/program-version.ts';
import { refusalOfStatus, type Refusal } from '../hub/rules/refusal.ts';
import type { LiveState } from '../hub/api.ts';
import { reconnectDelay, scheduleHeartbeats } from '../hub/rules/timing.ts';
import { readHeartbeatAnswer, readLiveState, readScreenMessage, type Read } from '../hub/rules/wire.ts';
import type { Program } from '../program/schema.ts';
import type { SharedContext } from '../screen/reducers.ts';
import type { Command, View } from '../screen/state.ts';
import { readProgramStatus, readProgramUpdate } from './program-update.ts';

export interface StreamHandlers {
  /** The hub answered: the stream is open. */
  open(): void;
  /** A server-sent event: its type and its data (JSON text). */
  event(type: string, data: string): void;
  /** Bytes that are no event arrived (an older hub's comment): the stream lives. */
  alive(): void;
  /** The stream broke (the hub went away, or refused it). */
  error(): void;
}

/** How a screen reaches its hub: the only part that differs between the kiosk and a browser. */
export interface HubTransport {
  /** Opens the hub's event stream as this screen; returns the function that closes it. */
  openStream(screen: string, handlers: StreamHandlers): () => void;
  /** POSTs JSON to a HUB_API path; rejects when the hub cannot be reached. */
  post(path: string, body: unknown, token: string | null): Promise<{ status: number; body: string }>;
  /** The program (ProgramUpdate JSON text) fetched once at start, while the stream connects; null when none. */
  fetchProgram?(): Promise<string | null>;
  /** The live state (LiveState JSON text), or null when the hub gives none: read while the stream is down. */
  fetchState?(): Promise<string | null>;
}

/**
 * Where a screen keeps the secret the hub issued to its id (HeartbeatAnswer): a browser tab's sessionStorage, the
 * kiosk's user-data folder, or memory. Never shown, never logged.
 */
export interface SecretPlace {
  read(): string | null;
  write(secret: string): void;
}

/** A place in memory: the secret lasts as long as the session. */
export function memorySecret(): SecretPlace {
  let kept: string | null = null;
  return { read: () => kept, write: (secret) => void (kept = secret) };
}

export interface SessionOptions {
  host: HostInfo['host'];
  /** Who this screen is (its name may change while it runs). */
  screen(): ScreenRef;
  /** The staff token; null: this screen cannot change the live state. */
  token: string | null;
  /** How the log names the hub; default "the hub". */
  hubName?: string;
  /** 'problem': something staff should hear of (the fleet page's last error); 'note': the connection's story. */
  log(line: string, kind: 'problem' | 'note'): void;
  /** The hub refused the token: the host forgets it (a browser's storage); without this the token is kept. */
  tokenRefused?(): void;
  /** A second check of the program after the shape check (the kiosk's full validator). */
  deepCheck?(program: unknown): Read<Program>;
  random?(): number;
  now?(): number;
  /** Silence (no event) after which the stream is taken for dead. Default 60 s (the hub speaks every 25 s). */
  staleAfterMs?: number;
  /** Where the hub's secret for this screen's id is kept; default: in memory. */
  secret?: SecretPlace;
}

/** What a kiosk kept from its last run: shown at once, marked offline since it was saved. */
export interface KeptState {
  update: ProgramUpdate | null;
  live: LiveState | null;
  savedAt: number;
  /** Served with the page just now (the first board's seed): current, so not marked offline. */
  fresh?: boolean;
}

/** 'program': a new program (compile it); 'status': the same program, a new status or offline mark. */
export type UpdateKind = 'program' | 'status';

/** What the host knows of its screen for the heartbeat; the session adds who it is and what it holds. */
export interface ScreenFacts {
  room: string | null;
  view: View;
  appVersion: string;
  window: { width: number; height: number };
  /** Seconds since the screen started. */
  uptime: number;
  /** The host's last problem, or null (then the program's own error, if any, is reported). */
  lastError: string | null;
}

export const STALE_AFTER_MS = 60_000;

type Timer = ReturnType<typeof setTimeout>;

/** A timer that does not keep a Node process alive (a browser has no unref). */
function timer(run: () => void, ms: number): Timer {
  const t = setTimeout(run, ms);
  (t as { unref?: () => void }).unref?.();
  return t;
}

export class HubSession {
  private readonly transport: HubTransport;
  private readonly options: SessionOptions;
  private token: string | null;
  private update: ProgramUpdate | null = null;
  /** The program event's text as it came, so the same program again (a reconnection) is not parsed again. */
  private programText: string | null = null;
  private liveState: LiveState | null = null;
  private offline: number | null = null;
  private attempt = 0;
  /** Which stream is current: handlers of a closed one are ignored. */
  private generation = 0;
  private close: (() => void) | null = null;
  private retry: Timer | undefined;
  private stale: Timer | undefined;
  private stopped = false;
  private readonly secret: SecretPlace;
  /** The hub refused a heartbeat (said once, not every 30 s). */
  private heartbeatRefused = false;
  private readonly updateListeners = new Set<(update: ProgramUpdate, kind: UpdateKind) => void>();
  private readonly liveListeners = new Set<(live: LiveState) => void>();
  private readonly messageListeners = new Set<(message: ScreenMessage) => void>();

  constructor(transport: HubTransport, options: SessionOptions) {
    this.transport = transport;
    this.options = options;
    this.token = options.token;
    this.secret = options.secret ?? memorySecret();
  }

  /** The program as the board should show it: the hub's, marked offline while the hub is away. */
  current(): ProgramUpdate | null {
    const update = this.update;
    if (update === null || this.offline === null || update.status.offlineSince !== null) return update;
    return { ...update, status: { ...update.status, offlineSince: this.offline } };
  }

  get live(): LiveState | null {
    return this.liveState;
  }

  get offlineSince(): number | null {
    return this.offline;
  }

  onUpdate(listener: (update: ProgramUpdate, kind: UpdateKind) => void): Unsubscribe {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  onLive(listener: (live: LiveState) => void): Unsubscribe {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  onMessage(listener: (message: ScreenMessage) => void): Unsubscribe {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Shows what was kept (offline until the hub answers), asks for the program at once, opens the stream. */
  start(kept: KeptState | null = null): void {
    if (kept !== null && (kept.update !== null || kept.live !== null)) {
      this.update = kept.update;
      this.liveState = kept.live;
      // Marked offline since it was saved; a live state alone marks nothing (there is no program to mark).
      this.offline = kept.update !== null && kept.fresh !== true ? kept.savedAt : null;
      if (kept.live !== null) for (const listener of this.liveListeners) listener(kept.live);
      this.publish('program');
    }
    // The first board is due within 500 ms: the program is asked for while the stream connects.
    this.transport.fetchProgram?.().then(
      (text) => {
        if (text !== null && this.update === null && !this.stopped) this.receiveProgram(text, false);
      },
      () => {},
    );
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.close?.();
    this.close = null;
    clearTimeout(this.retry);
    clearTimeout(this.stale);
  }

  /** Sends a shared command; null when the hub took it, else why not, for the screen to tell staff. */
  async send(command: Command, at: SharedContext): Promise<Refusal | null> {
    if (this.token === null) return { reason: 'no-token', host: this.options.host };
    if (this.offline !== null) return { reason: 'offline', since: this.offline, zone: this.zone() };
    let answer: { status: number; body: string };
    try {
      answer = await this.transport.post(HUB_API.command, { command, at, screen: this.options.screen() }, this.token);
    } catch {
      // No answer at all: the hub is gone even if the stream has not noticed yet (a cable pulled).
      this.broken();
      return { reason: 'offline', since: this.offline ?? this.now(), zone: this.zone() };
    }
    const refusal = refusalOfStatus(answer.status, answer.body);
    if (refusal?.reason === 'wrong-token' && this.options.tokenRefused) {
      this.token = null;
      this.options.tokenRefused();
    }
    if (refusal !== null) return refusal;
    // The answer is the new state: show it now, the stream brings the same a moment later.
    this.receive('live', answer.body);
    return null;
  }

  /** This screen's report to the fleet page. */
  heartbeat(facts: ScreenFacts): Heartbeat {
    const { id, name } = this.options.screen();
    return {
      id,
      name,
      host: this.options.host,
      room: facts.room,
      view: facts.view,
      appVersion: facts.appVersion,
      programVersion: this.update ? programVersion(this.update.program) : null,
      liveVersion: this.liveState?.version ?? 0,
      window: facts.window,
      uptime: Math.round(facts.uptime),
      lastError: facts.lastError ?? this.update?.status.error ?? null,
    };
  }

  /**
   * Reports to the fleet page soon after start, then every 30 s with jitter, with the secret the hub issued to
   * this screen's id (kept from its first answer); returns the function that stops it.
   */
  reportHeartbeats(facts: () => ScreenFacts): () => void {
    return scheduleHeartbeats(
      () => void this.beat(facts()),
      () => this.random(),
    );
  }

  private async beat(facts: ScreenFacts): Promise<void> {
    const secret = this.secret.read();
    const request: HeartbeatRequest = { ...this.heartbeat(facts), ...(secret !== null ? { secret } : {}) };
    let answer: { status: number; body: string };
    try {
      answer = await this.transport.post(HUB_API.heartbeat, request, null);
    } catch {
      // No answer at all: the hub is gone even if the stream has not noticed yet.
      if (this.offline === null) this.broken();
      return;
    }
    if (answer.status === 200) {
      // A hub that did not know this id (its first contact, or a hub restarted): its secret from now on.
      const issued = readHeartbeatAnswer(answer.body);
      if (issued !== null) this.secret.write(issued);
      this.heartbeatRefused = false;
    } else if (answer.status === 403 && !this.heartbeatRefused) {
      this.heartbeatRefused = true;
      this.options.log(
        `${this.hubName()} refuses this screen's heartbeats: another screen holds its id ${request.id} on the fleet page`,
        'problem',
      );
    } else if (answer.status === 204) this.heartbeatRefused = false;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }

  private hubName(): string {
    return this.options.hubName ?? 'the hub';
  }

  private zone(): string {
    return this.update?.program.event.timezone ?? 'UTC';
  }

  private publish(kind: UpdateKind): void {
    const update = this.current();
    if (update !== null) for (const listener of this.updateListeners) listener(update, kind);
  }

  private connect(): void {
    if (this.stopped) return;
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation && !this.stopped;
    // Armed before the hub answers too: a hub that takes the connection and says nothing is as dead.
    this.alive();
    this.close = this.transport.openStream(this.options.screen().id, {
      open: () => {
        if (!current()) return;
        this.attempt = 0;
        this.alive();
      },
      event: (type, data) => {
        if (!current()) return;
        this.alive();
        this.receive(type, data);
      },
      alive: () => current() && this.alive(),
      error: () => current() && this.broken(),
    });
  }

  /** The hub asked for a new stream: no offline mark, no wait. */
  private reopen(): void {
    if (this.stopped) return;
    this.generation++;
    this.close?.();
    this.close = null;
    this.connect();
  }

  /** The stream is closed (or taken for dead): offline from now, a new one after a growing wait. */
  private broken(): void {
    if (this.stopped) return;
    this.generation++;
    this.close?.();
    this.close = null;
    clearTimeout(this.stale);
    clearTimeout(this.retry);
    this.markOffline();
    this.pollState();
    this.retry = timer(() => this.connect(), reconnectDelay(this.attempt++, this.random()));
  }

  /**
   * A hub that refuses this screen a stream (all its slots taken) still answers the live state: read on each
   * attempt's back-off, the emergency reaches the screen anyway. Never older than what the screen has.
   */
  private pollState(): void {
    const generation = this.generation;
    void this.transport.fetchState?.().then(
      (text) => {
        if (text === null || generation !== this.generation || this.stopped) return;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return;
        }
        const live = readLiveState(value);
        if (live.ok && live.value.version >= (this.liveState?.version ?? 0)) this.setLive(live.value);
      },
      () => {},
    );
  }

  /** Data arrived: the stream lives; silence for staleAfterMs ends it (a hub that vanished without a word). */
  private alive(): void {
    clearTimeout(this.stale);
    const ms = this.options.staleAfterMs ?? STALE_AFTER_MS;
    this.stale = timer(() => {
      this.options.log(`${this.hubName()} said nothing for ${Math.round(ms / 1000)} s; connecting again`, 'note');
      this.broken();
    }, ms);
  }

  /** The first failure since the hub was last heard marks the program offline; later ones keep that time. */
  private markOffline(): void {
    if (this.offline !== null) return;
    this.offline = this.now();
    this.options.log(`${this.hubName()} is unreachable; showing the last program and live state`, 'note');
    this.publish('status');
  }

  /** The hub spoke (a program or its status): the offline mark goes. */
  private online(): void {
    if (this.offline === null) return;
    this.offline = null;
    this.options.log(`connected to ${this.hubName()}`, 'note');
  }

  private receive(type: string, data: string): void {
    if (type === 'alive') return;
    // The hub ends streams past their age (so idle ones cannot hold its slots); a new one opens at once.
    if (type === 'reconnect') return this.reopen();
    if (type === 'program') return this.receiveProgram(data, true);
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      this.options.log(`the hub sent a ${type} event that is not JSON; ignored`, 'problem');
      return;
    }
    if (type === 'status') {
      const status = readProgramStatus(value);
      if (this.update === null || !status.ok) return;
      this.update = { ...this.update, status: status.value };
      this.online();
      this.publish('status');
    } else if (type === 'live') {
      const live = readLiveState(value);
      if (live.ok) this.setLive(live.value);
      else this.options.log(`the hub sent a live state that is not one (${live.error}); the last one stays`, 'problem');
    } else if (type === 'screen') {
      const message = readScreenMessage(value);
      if (message.ok) for (const listener of this.messageListeners) listener(message.value);
      else this.options.log(`ignored a message from the hub: ${message.error}`, 'problem');
    }
  }

  /**
   * A program from the hub is checked before it replaces the one on screen: a broken hub never blanks
   * the board. The same program again (the stream's first frame after the start's fetch, a reconnection,
   * a restarted hub) is only a new status: the board keeps what it compiled, the kiosk does not save it.
   */
  private receiveProgram(text: string, fromStream: boolean): void {
    if (text === this.programText) {
      if (fromStream && this.offline !== null) {
        this.online();
        this.publish('status');
      }
      return;
    }
    let checked: Read<ProgramUpdate>;
    try {
      checked = readProgramUpdate(JSON.parse(text) as unknown);
    } catch {
      checked = { ok: false, error: 'not JSON' };
    }
    if (
      checked.ok &&
      this.update !== null &&
      programVersion(checked.value.program) === programVersion(this.update.program) &&
      JSON.stringify(checked.value.catalogues) === JSON.stringify(this.update.catalogues)
    ) {
      // The same program with a new status (a hub restarted and read its file again).
      this.update = { ...this.update, status: checked.value.status };
      this.programText = text;
      if (fromStream) this.online();
      this.publish('status');
      return;
    }
    if (checked.ok && this.options.deepCheck) {
      const deep = this.options.deepCheck(checked.value.program);
      checked = deep.ok ? { ok: true, value: { ...checked.value, program: deep.value } } : deep;
    }
    if (!checked.ok) {
      this.options.log(`the hub sent a program that is not valid; the last good one stays (${checked.error})`, 'problem');
      return;
    }
    this.update = checked.value;
    this.programText = text;
    if (fromStream) this.online();
    this.publish('program');
  }

  private setLive(live: LiveState): void {
    if (this.liveState !== null && JSON.stringify(this.liveState) === JSON.stringify(live)) return;
    this.liveState = live;
    for (const listener of this.liveListeners) listener(live);
  }
}
