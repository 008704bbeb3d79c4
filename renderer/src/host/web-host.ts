/**
 * The board's host in a browser. The program and the venue's live state come
 * from the hub (the web host that served the page) over its event stream; the
 * screen's own state (room, view, overlays) is kept in the page, steered by the
 * same controller as the kiosk's main process (core/screen/controller.ts).
 * Shared keys go to the hub with the staff token; without it they change
 * nothing and the screen says so. When the hub goes away the board keeps what
 * it shows, marks it "offline since …" and reconnects with back-off and jitter.
 * A heartbeat every 30 s tells the fleet page about this screen.
 */
import { HUB_API, type Heartbeat } from '../../../core/hub/api.ts';
import type { FoyerHost, HostInfo, ProgramStatus, ProgramUpdate } from '../../../core/host-contract.ts';
import { programVersion } from '../../../core/hub/rules/program-version.ts';
import { refusalOfStatus, refusalText } from '../../../core/hub/rules/refusal.ts';
import { reconnectDelay, scheduleHeartbeats } from '../../../core/hub/rules/timing.ts';
import { readLiveState, readScreenMessage } from '../../../core/hub/rules/wire.ts';
import { ScreenController, type Effect, type KeyEvent, type SharedChannel } from '../../../core/screen/controller.ts';
import type { ScreenState } from '../../../core/screen/state.ts';
import { forgetStaffToken, type TokenPlace } from './staff-token.ts';

export interface StreamHandlers {
  open(): void;
  /** A server-sent event: its type and its data (JSON text). */
  event(type: string, data: string): void;
  /** The stream broke (the hub went away, or refused it). */
  error(): void;
}

/** What the web host needs from the browser; tests hand in their own. */
export interface WebHostIo {
  /** The program (ProgramUpdate JSON text) fetched once at start, while the stream connects; null when none. */
  fetchProgram(): Promise<string | null>;
  /** Opens the hub's event stream as this screen; returns the function that closes it. */
  openStream(screen: string, handlers: StreamHandlers): () => void;
  /** POSTs JSON to the hub; rejects when the hub cannot be reached. */
  post(path: string, body: unknown, token: string | null): Promise<{ status: number; body: string }>;
  /** Where key presses arrive. */
  keys: Pick<EventTarget, 'addEventListener'>;
  reload(): void;
  log(line: string): void;
  storage: TokenPlace['storage'];
  random(): number;
  /** The screen's size in CSS pixels, for the fleet page. */
  viewport(): { width: number; height: number };
}

export interface WebScreen {
  /** The stable id the fleet page knows this screen by. */
  id: string;
  /** The staff token, or null: shared keys then change nothing. */
  token: string | null;
}

/** A browser key press as the controller reads it (the same fields as Electron's `Input`). */
export function keyEventOf(event: KeyboardEvent): KeyEvent {
  return {
    type: 'keyDown',
    key: event.key,
    control: event.ctrlKey,
    alt: event.altKey,
    meta: event.metaKey,
    shift: event.shiftKey,
    isAutoRepeat: event.repeat,
  };
}

export function createWebHost(initial: ScreenState, info: Omit<HostInfo, 'host'>, screen: WebScreen, io: WebHostIo): FoyerHost {
  const started = Date.now();
  let token = screen.token;
  let latest: ProgramUpdate | null = null;
  let latestText = '';
  let offlineSince: number | null = null;
  let liveVersion = 0;
  let lastError: string | null = null;
  const programListeners = new Set<(update: ProgramUpdate) => void>();
  const statusListeners = new Set<(status: ProgramStatus) => void>();
  const stateListeners = new Set<(state: ScreenState) => void>();
  const log = (line: string): void => {
    lastError = line;
    io.log(line);
  };
  const zone = (): string => latest?.program.event.timezone ?? 'UTC';

  const shared: SharedChannel = {
    async send(command, at) {
      if (token === null) return refusalText({ reason: 'no-token', host: 'web' });
      if (offlineSince !== null) return refusalText({ reason: 'offline', since: offlineSince, zone: zone() });
      let answer;
      try {
        answer = await io.post(HUB_API.command, { command, at, screen: { id: screen.id, name: controller.state.name } }, token);
      } catch {
        markOffline();
        return refusalText({ reason: 'offline', since: offlineSince ?? Date.now(), zone: zone() });
      }
      const refusal = refusalOfStatus(answer.status, answer.body);
      if (refusal?.reason === 'wrong-token') {
        token = null;
        forgetStaffToken(io.storage);
      }
      if (refusal !== null) return refusalText(refusal);
      receiveLive(answer.body);
      return null;
    },
  };

  const controller = new ScreenController(initial, {
    clock: info.clock,
    changed: (state) => {
      for (const listener of stateListeners) listener(state);
    },
    log,
    shared,
    sleep: info.sleep ?? null,
  });

  /** The update as the board should show it: the hub's, marked offline while the hub is away. */
  const shown = (update: ProgramUpdate): ProgramUpdate =>
    offlineSince === null || update.status.offlineSince !== null
      ? update
      : { ...update, status: { ...update.status, offlineSince } };
  const publish = (): void => {
    if (latest === null) return;
    const update = shown(latest);
    for (const listener of programListeners) listener(update);
  };
  /** The same program with a new status (or offline mark): the board keeps what it compiled. */
  const publishStatus = (): void => {
    if (latest === null) return;
    const { status } = shown(latest);
    for (const listener of statusListeners) listener(status);
  };
  const receiveStatus = (text: string): void => {
    const status = JSON.parse(text) as ProgramStatus | null;
    if (latest === null || typeof status?.updatedAt !== 'number') return;
    latest = { ...latest, status };
    publishStatus();
  };

  // The fetch and the event stream's first frame usually carry the same update;
  // compiling and drawing it twice would double the work of the first board.
  const receiveProgram = (text: string): void => {
    if (text === latestText) return;
    latestText = text;
    const update = JSON.parse(text) as ProgramUpdate;
    latest = update;
    controller.setProgram(update.program);
    publish();
  };

  function receiveLive(text: string): void {
    const live = readLiveState(JSON.parse(text) as unknown);
    if (!live.ok) {
      log(`the hub sent a live state that is not one (${live.error}); the last one stays`);
      return;
    }
    liveVersion = live.value.version;
    controller.applyShared(live.value);
  }

  function markOffline(): void {
    if (offlineSince !== null) return;
    offlineSince = Date.now();
    publishStatus();
  }

  const perform = (effect: Effect): void => {
    if (effect === 'reload') io.reload();
    // 'quit': a browser tab cannot quit as the kiosk does; the controller has closed the question.
  };

  // The event stream, reconnected with back-off and jitter whenever it breaks.
  let attempt = 0;
  let close: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = (): void => {
    close = io.openStream(screen.id, {
      open: () => {
        attempt = 0;
      },
      event: (type, data) => {
        try {
          if (type === 'program') {
            // The hub is back: the same program, without the offline mark.
            const wasOffline = offlineSince !== null;
            offlineSince = null;
            if (data === latestText && wasOffline) publishStatus();
            else receiveProgram(data);
          } else if (type === 'status') {
            offlineSince = null;
            receiveStatus(data);
          } else if (type === 'live') receiveLive(data);
          else if (type === 'screen') {
            const message = readScreenMessage(JSON.parse(data) as unknown);
            if (message.ok) perform(controller.obey(message.value));
          }
        } catch (error) {
          log(`ignored a ${type} event from the hub: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      error: () => reconnect(),
    });
  };
  const reconnect = (): void => {
    close?.();
    close = null;
    markOffline();
    clearTimeout(retry);
    retry = setTimeout(connect, reconnectDelay(attempt++, io.random()));
  };

  // Ask for the program at once, while React is still starting: the first board is due within 500 ms.
  void io.fetchProgram().then(
    (text) => {
      if (text !== null && latest === null) receiveProgram(text);
    },
    () => {},
  );
  connect();

  scheduleHeartbeats(() => {
    const state = controller.state;
    const heartbeat: Heartbeat = {
      id: screen.id,
      name: state.name,
      host: 'web',
      room: state.room,
      view: state.view,
      appVersion: info.version,
      programVersion: latest ? programVersion(latest.program) : null,
      liveVersion,
      window: io.viewport(),
      uptime: Math.round((Date.now() - started) / 1000),
      lastError: lastError ?? latest?.status.error ?? null,
    };
    io.post(HUB_API.heartbeat, heartbeat, null).then(
      () => {},
      // No answer at all: the hub is gone even if the stream has not noticed yet (a cable pulled).
      () => offlineSince === null && reconnect(),
    );
  }, io.random);

  io.keys.addEventListener('keydown', (event) => {
    const { handled, effect } = controller.handleKey(keyEventOf(event as KeyboardEvent));
    if (handled) event.preventDefault();
    perform(effect);
  });

  return {
    info: { ...info, host: 'web' },
    onProgram(listener) {
      programListeners.add(listener);
      if (latest) listener(shown(latest));
      return () => programListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(controller.state);
      return () => stateListeners.delete(listener);
    },
  };
}
