/**
 * The one contract between a host (the Electron main process, or the web host)
 * and the board. The preload and the web host both implement `FoyerHost`; the
 * IPC channels and their payloads are the two interfaces below, which
 * electron/ipc.ts (main) and electron/preload.ts (renderer) are built from.
 */
import type { Program } from './program/schema.ts';
import type { ClockSpec } from './screen/clock.ts';
import type { ScreenState } from './screen/state.ts';

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

/**
 * What the board may ask of its host; nothing else crosses the boundary. Staff
 * commands do not come from the board: each host reads the keys itself
 * (core/screen/controller.ts), so a page can never steer the screen.
 */
export interface FoyerHost {
  info: HostInfo;
  /** Calls `listener` with the current program as soon as one is known, then with every update. */
  onProgram(listener: (update: ProgramUpdate) => void): Unsubscribe;
  /** Calls `listener` with the screen state now and after every change. */
  onState(listener: (state: ScreenState) => void): Unsubscribe;
}

export interface HelloReply {
  program: ProgramUpdate | null;
  state: ScreenState;
  info: HostInfo;
}

/**
 * Renderer → main requests with a reply (ipcRenderer.invoke / ipcMain.handle).
 * They carry no arguments: the board asks, the kiosk decides. A channel that
 * takes data from the board must treat it as untrusted and parse it in main.
 */
export interface InvokeChannels {
  /** The board has started: what is there to show? */
  'foyer:hello': HelloReply;
}

/** Main → renderer pushes (webContents.send / ipcRenderer.on), channel → payload. */
export interface PushChannels {
  'foyer:program': ProgramUpdate;
  'foyer:state': ScreenState;
}

export type InvokeChannel = keyof InvokeChannels;
export type PushChannel = keyof PushChannels;

/** Web host HTTP API (same origin as the board). */
export const WEB_API = {
  /** GET → ProgramUpdate JSON */
  program: '/api/program',
  /** GET → text/event-stream of `program` events carrying ProgramUpdate JSON */
  events: '/api/events',
} as const;
