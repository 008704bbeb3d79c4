/**
 * The board's host in a browser: the program from the web host's API (then
 * pushed by server-sent events), and the screen state kept in the page and
 * steered by the same keymap and reducer as the Electron kiosk.
 */
import { WEB_API, type FoyerHost, type HostInfo, type ProgramUpdate } from '../../../core/contract.ts';
import { keyToCommand, reduceScreen, type Command, type CommandContext, type ScreenState } from '../../../core/screen/state.ts';

export interface WebHost extends FoyerHost {
  /** The board tells the host about rooms and the clock, which the reducer needs. */
  setContext(context: () => CommandContext): void;
}

export function createWebHost(initial: ScreenState, info: Omit<HostInfo, 'host'>): WebHost {
  let state = initial;
  let latest: ProgramUpdate | null = null;
  let context: (() => CommandContext) | null = null;
  const programListeners = new Set<(update: ProgramUpdate) => void>();
  const stateListeners = new Set<(state: ScreenState) => void>();

  let latestText = '';
  // The fetch and the event stream's first frame usually carry the same update;
  // compiling and drawing it twice would double the work of the first board.
  const publish = (text: string): void => {
    if (text === latestText) return;
    latestText = text;
    const update = JSON.parse(text) as ProgramUpdate;
    latest = update;
    for (const listener of programListeners) listener(update);
  };

  const connect = (): void => {
    // The fetch answers first on a cold start; the event stream then carries every change
    // (and reconnects by itself after a drop, sending the current program again).
    void fetch(WEB_API.program)
      .then((response) => (response.ok ? response.text() : null))
      .then((text) => {
        if (text && !latest) publish(text);
      })
      .catch(() => {});
    const events = new EventSource(WEB_API.events);
    events.addEventListener('program', (event) => publish((event as MessageEvent<string>).data));
  };

  const send = (command: Command): void => {
    if (command.type === 'reload') {
      location.reload();
      return;
    }
    // A browser tab cannot quit the way the kiosk does; confirming just closes the question.
    if (command.type === 'quit-confirm') command = { type: 'close-overlay' };
    if (!context) return;
    const next = reduceScreen(state, command, context());
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(state);
  };

  const onKey = (event: KeyboardEvent): void => {
    const command = keyToCommand(
      { key: event.key, control: event.ctrlKey, alt: event.altKey, meta: event.metaKey, shift: event.shiftKey },
      state.overlay,
    );
    if (!command) return;
    event.preventDefault();
    send(command);
  };

  // Ask for the program at once, while React is still starting: the first board is due within 500 ms.
  connect();
  window.addEventListener('keydown', onKey);

  return {
    info: { ...info, host: 'web' },
    onProgram(listener) {
      programListeners.add(listener);
      if (latest) listener(latest);
      return () => programListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    send,
    setContext(next) {
      context = next;
    },
  };
}
