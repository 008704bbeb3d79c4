/**
 * The board's only door to the main process: `window.foyer`, a FoyerHost, and
 * the only importer of ipcRenderer. Its two functions are typed by the
 * contract's channel interfaces (core/host-contract.ts), as electron/ipc.ts is on
 * the other side. Runs sandboxed, so it is bundled into one CommonJS file that
 * requires only `electron`; ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { FoyerHost, HostInfo, InvokeChannel, InvokeChannels, PushChannel, PushChannels } from '../core/host-contract.ts';
import { LIVE_CLOCK } from '../core/screen/clock.ts';

function invoke<C extends InvokeChannel>(channel: C): Promise<InvokeChannels[C]> {
  return ipcRenderer.invoke(channel) as Promise<InvokeChannels[C]>;
}

function listen<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void): void {
  ipcRenderer.on(channel, (_event, payload: PushChannels[C]) => listener(payload));
}

/** Remembers the latest value so that a late subscriber gets it at once. */
class Latest<T> {
  private value: T | null = null;
  private readonly listeners = new Set<(value: T) => void>();

  set(value: T): void {
    this.value = value;
    for (const listener of this.listeners) listener(value);
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    if (this.value !== null) listener(this.value);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** Passed by main through webPreferences.additionalArguments: a sandboxed preload cannot read package.json or the flags. */
function fromArgv(name: string): string | undefined {
  const prefix = `--foyer-${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function sleepFromArgv(): HostInfo['sleep'] {
  const m = /^(\d+),(\d+)$/.exec(fromArgv('sleep') ?? '');
  return m ? { before: Number(m[1]), after: Number(m[2]) } : null;
}

/** --distance and --diagonal, checked by main's flag parser, passed the same way as the version. */
function screenFromArgv(): HostInfo['display'] {
  try {
    const { viewingDistance, diagonal } = JSON.parse(fromArgv('screen') ?? '{}') as Record<string, unknown>;
    return {
      ...(typeof viewingDistance === 'number' ? { viewingDistance } : {}),
      ...(typeof diagonal === 'number' ? { diagonal } : {}),
    };
  } catch {
    return {};
  }
}

// The kiosk shows live time (as main's HostInfo says); staff rehearse with the offset keys.
const info: HostInfo = {
  version: fromArgv('version') ?? 'unknown',
  host: 'electron',
  clock: { ...LIVE_CLOCK, realStart: Date.now() },
  sleep: sleepFromArgv(),
  display: screenFromArgv(),
};
const program = new Latest<PushChannels['foyer:program']>();
const status = new Latest<PushChannels['foyer:status']>();
const state = new Latest<PushChannels['foyer:state']>();

listen('foyer:program', (update) => program.set(update));
listen('foyer:status', (next) => status.set(next));
listen('foyer:state', (next) => state.set(next));

// Pushes that raced ahead of the reply are no newer than it: main answers
// hello with what it has when the request arrives, and later pushes queue behind the reply.
invoke('foyer:hello').then(
  (reply) => {
    if (reply.program !== null) program.set(reply.program);
    state.set(reply.state);
  },
  (error: unknown) => console.error('foyer: the kiosk did not answer', error),
);

const host = Object.freeze<FoyerHost>({
  info,
  onProgram: (listener) => program.subscribe(listener),
  // A status newer than the program: crossing to the page copies what it is given, so a status alone
  // spares the board a copy of the whole program and a new program object to compile.
  onStatus: (listener) => status.subscribe(listener),
  onState: (listener) => state.subscribe(listener),
});

contextBridge.exposeInMainWorld('foyer', host);
