/**
 * The board ↔ host contract: what a host (the Electron main process through the
 * preload, or the browser host) hands the board (`FoyerHost`: the program, its
 * status, the screen state) and the kiosk's IPC channels with their payloads,
 * which electron/ipc.ts (main) and electron/preload.ts (renderer) are built
 * from. What crosses the network between screens and the hub is in
 * core/hub/api.ts.
 */
import type { CustomCatalogues } from './i18n/catalogue-file.ts';
import type { DisplaySettings } from './layout/sizing.ts';
import type { Program } from './program/schema.ts';
import type { ClockSpec } from './screen/clock.ts';
import type { SleepHours } from './screen/sleep.ts';
import type { ScreenState } from './screen/state.ts';

export interface ProgramStatus {
  /** Where the program came from, as shown to staff: "embedded program", a path or a URL. */
  source: string;
  /** When the program on screen was last loaded or confirmed unchanged (epoch ms). */
  updatedAt: number;
  /** Set while the source is unreachable and a cached or earlier program is shown. */
  offlineSince: number | null;
  /**
   * The last problem, in English as the validator or the reader said it (naming the file, the field and the
   * problem); null when the latest update was good. Logs, the fleet page and the board show it as it is.
   */
  error: string | null;
  /** What the problem was, so a screen frames it in its own language: an update refused, or a source not read. */
  errorKind?: ErrorKind;
}

export type ErrorKind = 'rejected' | 'unreadable';

export interface ProgramUpdate {
  program: Program;
  status: ProgramStatus;
  /** Catalogues from files beside the program (core/node/catalogue-folder.ts), by language tag; they win over the shipped words. */
  catalogues?: CustomCatalogues;
}

export interface HostInfo {
  version: string;
  host: 'electron' | 'web';
  /** The screen's clock (live, or a rehearsal); with ScreenState.clockOffset it gives the time the board shows. */
  clock: ClockSpec;
  /** When the screen goes black (core/screen/sleep.ts); null or absent: never. */
  sleep?: SleepHours | null;
  /** This screen's own viewing distance and diagonal (kiosk flags, URL options); they win over the program file's. */
  display?: Partial<DisplaySettings>;
}

export type Unsubscribe = () => void;

/**
 * What the board may ask of its host; nothing else crosses the boundary. Staff
 * commands do not come from the board: each host reads the keys itself
 * (core/screen/controller.ts), so a page can never steer the screen.
 */
export interface FoyerHost {
  info: HostInfo;
  /** Calls `listener` with the current program as soon as one is known, then whenever the program changes. */
  onProgram(listener: (update: ProgramUpdate) => void): Unsubscribe;
  /**
   * Calls `listener` when only the status changed (a poll found the program
   * unchanged, the source went offline or came back): the board keeps its
   * program, and all it compiled from it, and redraws the status line.
   */
  onStatus(listener: (status: ProgramStatus) => void): Unsubscribe;
  /** Calls `listener` with the screen state now and after every change. */
  onState(listener: (state: ScreenState) => void): Unsubscribe;
}

export interface HelloReply {
  program: ProgramUpdate | null;
  state: ScreenState;
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
  /** The same program, a new status (see FoyerHost.onStatus). */
  'foyer:status': ProgramStatus;
  'foyer:state': ScreenState;
}

export type InvokeChannel = keyof InvokeChannels;
export type PushChannel = keyof PushChannels;
