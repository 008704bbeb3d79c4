/**
 * The one contract between a host (the Electron main process, or the web host)
 * and the board. The preload and the web host both implement `FoyerHost`; the
 * IPC channels and their payloads are the two interfaces below, which
 * electron/ipc.ts (main) and electron/preload.ts (renderer) are built from.
 */
import type { DisplaySettings } from './layout/sizing.ts';
import type { LiveState } from './live/state.ts';
import type { Program } from './program/schema.ts';
import type { ClockSpec } from './screen/clock.ts';
import type { SharedContext } from './screen/reducers.ts';
import type { SleepHours } from './screen/sleep.ts';
import type { Command, ScreenState, View } from './screen/state.ts';

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

/**
 * Web host HTTP API (same origin as the board). The web host is the venue's
 * hub: it serves the program and the live state, takes staff commands (with
 * the staff token as `Authorization: Bearer …`) and heartbeats.
 */
export const WEB_API = {
  /** GET → ProgramUpdate JSON */
  program: '/api/program',
  /**
   * GET → text/event-stream of STREAM_EVENTS; `?screen=ID` names the screen, so
   * that the fleet page's messages for it arrive on it.
   */
  events: '/api/events',
  /** GET → LiveFeed JSON (core/live/feed.ts): per room the delay, status, current item and next start. */
  live: '/api/live',
  /** POST CommandRequest (staff token) → 200 LiveState; 401 without the right token. */
  command: '/api/command',
  /** POST Heartbeat → 204. */
  heartbeat: '/api/heartbeat',
  /** GET (staff token) → FleetView JSON. */
  fleet: '/api/fleet',
  /** POST FleetMessageRequest (staff token) → 202 delivered or queued. */
  fleetMessage: '/api/fleet/message',
  /** The fleet page (its data needs the token). */
  fleetPage: '/fleet',
  /** The program with the delays applied, as frab schedule.xml and as iCalendar. */
  scheduleXml: '/schedule.xml',
  scheduleIcs: '/schedule.ics',
} as const;

/** Server-sent event types on WEB_API.events, with their payloads. */
export interface StreamEvents {
  program: ProgramUpdate;
  /** The same program, a new status: a frame of a few bytes where the program would be megabytes. */
  status: ProgramStatus;
  live: LiveState;
  /** A message from the fleet page for this screen. */
  screen: ScreenMessage;
  /**
   * Nothing new, every 25 s: the stream lives. An event, not an SSE comment, because EventSource shows a
   * browser no comments, and a screen takes a stream silent for 60 s for dead (core/hub-client/session.ts).
   */
  alive: null;
}

/** Every event type a screen listens for; a type added to StreamEvents must be added here (the type says so). */
const STREAM_EVENT_SET: Record<keyof StreamEvents, true> = {
  program: true,
  status: true,
  live: true,
  screen: true,
  alive: true,
};
export const STREAM_EVENT_TYPES = Object.keys(STREAM_EVENT_SET) as (keyof StreamEvents)[];

/** What staff on the fleet page ask a screen to do; it obeys (core/screen/controller.ts). */
export type ScreenMessage =
  | { type: 'identify' }
  | { type: 'reload' }
  /** Room id (null = all rooms) and view. */
  | { type: 'show'; room: string | null; view: View };

/** Who sent a command, for the audit log. */
export interface ScreenRef {
  id: string;
  name: string;
}

export interface CommandRequest {
  /** A shared command (keymap scope 'shared'). */
  command: Command;
  /** The screen's room, and its clock's day and instant, as the reducer needs them. */
  at: SharedContext;
  screen: ScreenRef;
}

/** Every screen's report, every 30 s with jitter (core/live/fleet.ts). */
export interface Heartbeat {
  /** Stable per screen (kept in the screen's storage). */
  id: string;
  name: string;
  host: HostInfo['host'];
  room: string | null;
  view: View;
  appVersion: string;
  /** core/live/program-version.ts of the program on screen; null before one. */
  programVersion: string | null;
  liveVersion: number;
  window: { width: number; height: number };
  /** Seconds since the screen started. */
  uptime: number;
  lastError: string | null;
}

export interface FleetMessageRequest {
  screen: string;
  message: ScreenMessage;
}

export interface FleetRow {
  id: string;
  heartbeat: Heartbeat;
  address: string;
  firstSeen: number;
  lastSeen: number;
  /** No heartbeat for more than 90 s. */
  silent: boolean;
  /** What is behind the hub: "program", "live state", "app". */
  outdated: string[];
  /** An event stream is open for it (messages arrive at once). */
  connected: boolean;
}

export interface AuditEntry {
  at: number;
  /** "screen "Hall B" (id)", "fleet page". */
  who: string;
  address: string;
  change: string;
  /** The live-state version after the change; null for fleet messages. */
  version: number | null;
}

export interface FleetView {
  now: number;
  /** The event's zone (times on the fleet page are shown in it); null before a program. */
  timezone: string | null;
  /** The program's rooms in order, for "show this room". */
  rooms: { id: string; name: string }[];
  appVersion: string;
  programVersion: string | null;
  live: LiveState;
  screens: FleetRow[];
  /** Newest first. */
  audit: AuditEntry[];
}
