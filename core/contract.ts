/**
 * The one contract between a host (the Electron main process, or the web host)
 * and the board. The preload and the web adapter both implement `FoyerHost`;
 * the IPC channel names and payloads live here and nowhere else.
 */
import type { Program } from './program/schema.ts';
import type { ClockSpec } from './screen/clock.ts';
import type { Command, ScreenState } from './screen/state.ts';

export interface ProgramStatus {
  /** Where the program came from, as shown to staff: "embedded program", a path or a URL. */
  source: string;
  /** When the program on screen was last loaded or confirmed unchanged (epoch ms). */
  updatedAt: number;
  /** Set while the source is unreachable and a cached or earlier program is shown. */
  offlineSince: number | null;
  /** The last rejected update, as the validator said it; null when the latest update was good. */
  error: string | null;
}

export interface ProgramUpdate {
  program: Program;
  status: ProgramStatus;
}

export interface HostInfo {
  version: string;
  host: 'electron' | 'web';
  /** The screen's clock (live, or a rehearsal); with ScreenState.clockOffset it gives the time the board shows. */
  clock: ClockSpec;
}

export type Unsubscribe = () => void;

/** What the board may ask of its host; nothing else crosses the boundary. */
export interface FoyerHost {
  info: HostInfo;
  /** Calls `listener` with the current program as soon as one is known, then with every update. */
  onProgram(listener: (update: ProgramUpdate) => void): Unsubscribe;
  /** Calls `listener` with the screen state now and after every change. */
  onState(listener: (state: ScreenState) => void): Unsubscribe;
  /** A staff command (from a hotkey). */
  send(command: Command): void;
}

/** IPC channels, main ⇄ renderer. The preload is the only user of ipcRenderer. */
export const IPC = {
  /** main → renderer: ProgramUpdate */
  program: 'foyer:program',
  /** main → renderer: ScreenState */
  state: 'foyer:state',
  /** renderer → main (invoke): returns { program: ProgramUpdate | null, state: ScreenState, info: HostInfo } */
  hello: 'foyer:hello',
  /** renderer → main: Command */
  command: 'foyer:command',
} as const;

export interface HelloReply {
  program: ProgramUpdate | null;
  state: ScreenState;
  info: HostInfo;
}

/** Web host HTTP API (same origin as the board). */
export const WEB_API = {
  /** GET → ProgramUpdate JSON */
  program: '/api/program',
  /** GET → text/event-stream of `program` events carrying ProgramUpdate JSON */
  events: '/api/events',
} as const;
