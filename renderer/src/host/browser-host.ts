/**
 * The board's host in a browser. The program and the venue's live state come
 * from the hub that served the page, through the hub session
 * (core/hub-client/session.ts, the kiosk's too) over EventSource
 * (hub-transport.ts); the screen's own state (room, view, overlays) is kept in
 * the page, steered by the same controller as the kiosk's main process
 * (core/screen/controller.ts). Shared keys go to the hub with the staff token;
 * without it they change nothing and the screen says so. When the hub goes
 * away the board keeps what it shows, marked "offline since …", until the
 * session finds the hub again. A heartbeat every 30 s tells the fleet page
 * about this screen.
 */
import type { FoyerHost, HostInfo, ProgramStatus, ProgramUpdate } from '../../../core/host-contract.ts';
import { HubSession, type HubTransport, type KeptState, type SecretPlace } from '../../../core/hub-client/session.ts';
import { ScreenController, type Effect, type KeyEvent } from '../../../core/screen/controller.ts';
import type { ScreenState } from '../../../core/screen/state.ts';
import type { KeyPress } from '../boot/early-keys.ts';
import { forgetStaffToken, type TokenPlace } from './staff-token.ts';

/** What the browser host needs from the browser; tests hand in their own. */
export interface BrowserHostIo {
  /** How the hub is reached (hub-transport.ts in a page). */
  hub: HubTransport;
  /** Where key presses arrive. */
  keys: Pick<EventTarget, 'addEventListener'>;
  /** The keys pressed before the host listened (boot/early-keys.ts), oldest first; taken once. */
  earlyKeys(): readonly KeyPress[];
  reload(): void;
  log(line: string): void;
  storage: TokenPlace['storage'];
  random(): number;
  /** The screen's size in CSS pixels, for the fleet page. */
  viewport(): { width: number; height: number };
}

export interface BrowserScreen {
  /** The stable id the fleet page knows this screen by. */
  id: string;
  /** The staff token, or null: shared keys then change nothing. */
  token: string | null;
  /** Where the hub's secret for this id is kept (screen-identity.ts); default: in memory. */
  secret?: SecretPlace;
}

/** A browser key press as the controller reads it (the same fields as Electron's `Input`). */
export function keyEventOf(event: KeyPress): KeyEvent {
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

export function createBrowserHost(
  initial: ScreenState,
  info: Omit<HostInfo, 'host'>,
  screen: BrowserScreen,
  io: BrowserHostIo,
  /** What the page came with (the first board's seed, first-board/seed.ts): shown at once, not offline. */
  seed: KeptState | null = null,
): FoyerHost {
  const started = Date.now();
  let lastError: string | null = null;
  const programListeners = new Set<(update: ProgramUpdate) => void>();
  const statusListeners = new Set<(status: ProgramStatus) => void>();
  const stateListeners = new Set<(state: ScreenState) => void>();
  const log = (line: string): void => {
    lastError = line;
    io.log(line);
  };

  const session: HubSession = new HubSession(io.hub, {
    host: 'web',
    screen: () => ({ id: screen.id, name: controller.state.name }),
    token: screen.token,
    log: (line, kind) => (kind === 'problem' ? log(line) : io.log(line)),
    tokenRefused: () => forgetStaffToken(io.storage),
    random: io.random,
    ...(screen.secret ? { secret: screen.secret } : {}),
  });

  const controller: ScreenController = new ScreenController(initial, {
    clock: info.clock,
    changed: (state) => {
      for (const listener of stateListeners) listener(state);
    },
    log,
    shared: { send: (command, at) => session.send(command, at) },
    sleep: info.sleep ?? null,
  });

  const perform = (effect: Effect): void => {
    if (effect === 'reload') io.reload();
    // 'quit': a browser tab cannot quit as the kiosk does; the controller has closed the question.
  };

  // A new program is compiled; a new status (or the offline mark) of the same one keeps what the board compiled.
  session.onUpdate((update, kind) => {
    if (kind === 'program') {
      controller.setProgram(update.program);
      for (const listener of programListeners) listener(update);
    } else for (const listener of statusListeners) listener(update.status);
  });
  session.onLive((live) => controller.applyShared(live));
  session.onMessage((message) => perform(controller.obey(message)));
  session.start(seed);
  session.reportHeartbeats(() => ({
    room: controller.state.room,
    view: controller.state.view,
    appVersion: info.version,
    window: io.viewport(),
    uptime: (Date.now() - started) / 1000,
    lastError,
  }));

  const press = (key: KeyPress): boolean => {
    const { handled, effect } = controller.handleKey(keyEventOf(key));
    perform(effect);
    return handled;
  };
  // Keys pressed while the board started (the hub's first board has none of its own) come first, in order; taken
  // and listened for in one task, no key is lost or acted on twice.
  for (const key of io.earlyKeys()) press(key);
  io.keys.addEventListener('keydown', (event) => {
    if (press(event as KeyboardEvent)) event.preventDefault();
  });

  return {
    info: { ...info, host: 'web' },
    onProgram(listener) {
      programListeners.add(listener);
      const update = session.current();
      if (update) listener(update);
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
