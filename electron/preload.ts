/**
 * The board's only door to the main process: `window.foyer`, a FoyerHost.
 * Runs sandboxed, so it is bundled into one CommonJS file that requires only
 * `electron`. ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type FoyerHost, type HelloReply, type HostInfo, type ProgramUpdate } from '../core/contract.ts';
import { LIVE_CLOCK } from '../core/screen/clock.ts';
import type { Command, ScreenState } from '../core/screen/state.ts';

function versionFromArgv(): string {
  // Passed by main through webPreferences.additionalArguments: a sandboxed preload cannot read package.json.
  const prefix = '--foyer-version=';
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? 'unknown';
}

// The kiosk shows live time; staff rehearse with the offset keys.
const info: HostInfo = { version: versionFromArgv(), host: 'electron', clock: { ...LIVE_CLOCK, realStart: Date.now() } };

/** Remembers the latest value so that a late subscriber gets it at once. */
class Latest<T> {
  value: T | null = null;
  readonly listeners = new Set<(value: T) => void>();

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

const program = new Latest<ProgramUpdate>();
const state = new Latest<ScreenState>();

ipcRenderer.on(IPC.program, (_event, update: ProgramUpdate) => program.set(update));
ipcRenderer.on(IPC.state, (_event, next: ScreenState) => state.set(next));

// Pushes that raced ahead of the reply are no newer than it: main answers
// hello with what it has when the request arrives, and later pushes queue behind the reply.
ipcRenderer
  .invoke(IPC.hello)
  .then((reply: HelloReply) => {
    if (reply.program !== null) program.set(reply.program);
    state.set(reply.state);
  })
  .catch((error: unknown) => console.error('foyer: the kiosk did not answer', error));

const host: FoyerHost = {
  info,
  onProgram: (listener) => program.subscribe(listener),
  onState: (listener) => state.subscribe(listener),
  send: (command: Command) => ipcRenderer.send(IPC.command, command),
};

contextBridge.exposeInMainWorld('foyer', host);
