/**
 * The board's host in a browser: the program from the web host's API (then
 * pushed by server-sent events), and the screen state kept in the page and
 * steered by the same controller as the kiosk's main process
 * (core/screen/controller.ts), built from the program it receives and its own
 * clock spec.
 */
import { WEB_API, type FoyerHost, type HostInfo, type ProgramUpdate } from '../../../core/contract.ts';
import { ScreenController, type Effect, type KeyEvent } from '../../../core/screen/controller.ts';
import type { ScreenState } from '../../../core/screen/state.ts';

/**
 * The browser host is a FoyerHost and nothing more: it builds its command
 * context itself. `setContext` is left over from when the board supplied it;
 * nothing implements it, so calling it does nothing.
 */
export interface WebHost extends FoyerHost {
  setContext?(context: unknown): void;
}

/** What the web host needs from the browser; tests hand in their own. */
export interface WebHostIo {
  /**
   * Starts delivering the program, as the JSON text of ProgramUpdates: `first`
   * for an answer that only counts while nothing has arrived yet, `update` for every change.
   */
  connect(feed: { first(text: string): void; update(text: string): void }): void;
  /** Where key presses arrive. */
  keys: Pick<EventTarget, 'addEventListener'>;
  reload(): void;
  log(line: string): void;
}

function browserIo(): WebHostIo {
  return {
    connect(feed) {
      // The fetch answers first on a cold start; the event stream then carries every change
      // (and reconnects by itself after a drop, sending the current program again).
      void fetch(WEB_API.program)
        .then((response) => (response.ok ? response.text() : null))
        .then((text) => {
          if (text) feed.first(text);
        })
        .catch(() => {});
      const events = new EventSource(WEB_API.events);
      events.addEventListener('program', (event) => feed.update((event as MessageEvent<string>).data));
    },
    keys: window,
    reload: () => location.reload(),
    log: (line) => console.warn(`foyer: ${line}`),
  };
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

export function createWebHost(initial: ScreenState, info: Omit<HostInfo, 'host'>, io: WebHostIo = browserIo()): WebHost {
  let latest: ProgramUpdate | null = null;
  let latestText = '';
  const programListeners = new Set<(update: ProgramUpdate) => void>();
  const stateListeners = new Set<(state: ScreenState) => void>();
  const controller = new ScreenController(initial, {
    clock: info.clock,
    changed: (state) => {
      for (const listener of stateListeners) listener(state);
    },
    log: io.log,
  });

  // The fetch and the event stream's first frame usually carry the same update;
  // compiling and drawing it twice would double the work of the first board.
  const publish = (text: string): void => {
    if (text === latestText) return;
    latestText = text;
    const update = JSON.parse(text) as ProgramUpdate;
    latest = update;
    controller.setProgram(update.program);
    for (const listener of programListeners) listener(update);
  };

  const perform = (effect: Effect): void => {
    if (effect === 'reload') io.reload();
    // 'quit': a browser tab cannot quit as the kiosk does; the controller has closed the question.
  };

  // Ask for the program at once, while React is still starting: the first board is due within 500 ms.
  io.connect({
    first: (text) => {
      if (latest === null) publish(text);
    },
    update: publish,
  });
  io.keys.addEventListener('keydown', (event) => {
    const { handled, effect } = controller.handleKey(keyEventOf(event as KeyboardEvent));
    if (handled) event.preventDefault();
    perform(effect);
  });

  return {
    info: { ...info, host: 'web' },
    onProgram(listener) {
      programListeners.add(listener);
      if (latest) listener(latest);
      return () => programListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(controller.state);
      return () => stateListeners.delete(listener);
    },
  };
}
