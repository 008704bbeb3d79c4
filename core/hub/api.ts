/**
 * The hub's HTTP and event-stream API (same origin as the board), in the one
 * place the hub (core/hub/server) and every screen (the kiosk's and the
 * browser's hub client) read it from: the paths, what a screen sends (commands
 * with the staff token as `Authorization: Bearer …`, heartbeats), what the hub
 * streams (program, status, live state, fleet messages) and the fleet page's
 * rows. The board ↔ host contract is core/host-contract.ts.
 */
import type { HostInfo, ProgramStatus, ProgramUpdate } from '../host-contract.ts';
import type { SharedContext } from '../screen/reducers.ts';
import type { Command, ScreenMessage, SharedState, View } from '../screen/state.ts';
import type { AnnouncementEnds, AnnouncementWhere } from '../screen/announcements.ts';
import type { CustomCatalogues } from '../i18n/catalogue-file.ts';
import type { Said } from '../i18n/said.ts';

/** The venue's live state as the hub holds and streams it (core/hub/rules/state.ts applies commands to it). */
export interface LiveState extends SharedState {
  /** 0 for a hub that never changed anything; +1 per change. */
  version: number;
  /**
   * When this state was first made (epoch ms; 0 in a file from before it was
   * kept): with the version it names the content, so a hub that lost both state
   * files and counts from 0 again never repeats an old ETag.
   */
  epoch: number;
  /** When the last change was made (epoch ms); 0 with version 0. */
  updatedAt: number;
}

export const HUB_API = {
  /** GET → ProgramUpdate JSON */
  program: '/api/program',
  /**
   * GET → text/event-stream of StreamEvents; `?screen=ID` names the screen, so
   * that the fleet page's messages for it arrive on it.
   */
  events: '/api/events',
  /** GET → LiveState JSON (the emergency with it): what a screen refused a stream polls. */
  state: '/api/state',
  /** GET → LiveFeed JSON (core/hub/rules/feed.ts): per room the delay, status, current item and next start. */
  live: '/api/live',
  /**
   * POST LiveCommandRequest or CommandRequest (staff token) → 200 LiveState; 409 CommandConflict when the
   * command was made against an older version and something it would overwrite changed since; 401 without the
   * right token. Documented for scripts in docs/hub.md.
   */
  command: '/api/command',
  /**
   * POST HeartbeatRequest → 200 HeartbeatAnswer for an id the hub does not know (its row is made, and the secret
   * that alone may update it issued); 204 for a known id with its secret; 403 for a known id without it (nothing
   * recorded: no one takes over another screen's row); 503 when the fleet table is full.
   */
  heartbeat: '/api/heartbeat',
  /** GET (staff token) → FleetView JSON. */
  fleet: '/api/fleet',
  /** POST FleetMessageRequest (staff token) → 202 delivered or queued. */
  fleetMessage: '/api/fleet/message',
  /** The fleet page (its data needs the token). */
  fleetPage: '/fleet',
  /** GET (staff token; `?at=` as /api/live) → ControlView JSON (core/hub/rules/control-view.ts): what the control page shows and changes. */
  control: '/api/control',
  /** The control page for staff phones (its data needs the token). */
  controlPage: '/control',
  /** The program with the delays applied, as frab schedule.xml and as iCalendar. */
  scheduleXml: '/schedule.xml',
  scheduleIcs: '/schedule.ics',
} as const;

/** Server-sent event types on HUB_API.events, with their payloads. */
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
  /** The stream has reached its maximum age and is closed after this: open a new one at once. */
  reconnect: null;
}

/** Every event type a screen listens for; a type added to StreamEvents must be added here (the type says so). */
const STREAM_EVENT_SET: Record<keyof StreamEvents, true> = {
  program: true,
  status: true,
  live: true,
  screen: true,
  alive: true,
  reconnect: true,
};
export const STREAM_EVENT_TYPES = Object.keys(STREAM_EVENT_SET) as (keyof StreamEvents)[];

/** Who sent a command, for the audit log. */
export interface ScreenRef {
  id: string;
  name: string;
}

/**
 * What staff intend, as a value (never a toggle): the one command set of the
 * control page, the public API and, translated, the keys on screens
 * (core/hub/rules/commands.ts).
 */
export type LiveCommand =
  /** The delay of one room on one conference day, in minutes (0: on time). */
  | { type: 'set-delay'; room: string; day: string; minutes: number }
  | { type: 'set-room-status'; room: string; day: string; status: 'open' | 'full' | 'closed' }
  /** `text`: the message's own words (≤ 200 characters) instead of the default; kept while it is on. */
  | { type: 'set-emergency'; on: boolean; text?: string }
  /** The program file's ready-made announcements on every screen, rotating. */
  | { type: 'set-announcements'; show: boolean }
  /**
   * An announcement written on the day (core/screen/announcements.ts), shown where `where` says, from `from`
   * ("now", "14:30" in the event's zone today, or epoch ms) until `until` ("stopped", "item-end": the end of
   * the item on in the one room of `where` at `from`, "day-end": the end of the conference day, "14:30", or
   * epoch ms). The same `id` again replaces it; without one the hub names it. `ends` labels a `until` given
   * in ms (undo restores one so).
   */
  | {
      type: 'post-announcement';
      id?: string;
      text: string;
      priority: 'normal' | 'high';
      where: AnnouncementWhere;
      from: AnnouncementTime;
      until: AnnouncementTime;
      ends?: AnnouncementEnds;
    }
  | { type: 'stop-announcement'; id: string }
  /** Undoes the change that made `version`, the newest one not yet undone. */
  | { type: 'undo'; version: number };

/** A time as a command gives it: a word ("now", "stopped", "item-end", "day-end"), "HH:mm" in the event's zone, or epoch ms. */
export type AnnouncementTime = string | number;

export interface LiveCommandRequest {
  command: LiveCommand;
  /** The live-state version the sender saw when deciding; omitted: the current one (a script that just sets a value). */
  version?: number;
  /** Who sends it, for the audit log ("Anna's phone", "Stream Deck 2"). */
  by?: string;
}

/** The `by` the control page sends: the hub names it so in each staff page's language (audit.who.control). */
export const CONTROL_PAGE_BY = 'control page';

/**
 * Every refusal's body (4xx, 5xx): `error` in English, as scripts read it; `said`, the same as data (a staff
 * catalogue key and its values, core/i18n/said.ts), which a staff page says in its language.
 */
export interface RefusalBody {
  error: string;
  said?: Said;
}

/** The 409 answer: the command was not applied; here is what is true now. */
export interface CommandConflict extends RefusalBody {
  live: LiveState;
}

/** A remembered change: who made it, and the command that undoes it (carried in the saved state). */
export interface UndoEntry {
  version: number;
  at: number;
  who: string;
  address: string;
  /** What changed, in English (the audit log's words). */
  change: string;
  /** The same as data, said on a staff page in its language; absent in a state saved before it was kept. */
  said?: Said;
  /** Who, when the hub named them (a screen, the control page, the command API): said in the page's language. */
  whoSaid?: Said;
  /** What the change touched (core/hub/rules/commands.ts keyOf). */
  key: string;
  undo: LiveCommand;
}

/** A key pressed on a screen, as the screen sends it; the hub turns it into a LiveCommand against its state. */
export interface CommandRequest {
  /** A shared command (keymap scope 'shared'). */
  command: Command;
  /** The screen's room, and its clock's day and instant, as the reducer needs them. */
  at: SharedContext;
  screen: ScreenRef;
}

/** Every screen's report, every 30 s with jitter (core/hub/rules/fleet.ts). */
export interface Heartbeat {
  /** Stable per screen (kept in the screen's storage). */
  id: string;
  name: string;
  host: HostInfo['host'];
  room: string | null;
  view: View;
  appVersion: string;
  /** core/hub/rules/program-version.ts of the program on screen; null before one. */
  programVersion: string | null;
  liveVersion: number;
  window: { width: number; height: number };
  /** Seconds since the screen started. */
  uptime: number;
  lastError: string | null;
}

/**
 * A heartbeat as a screen posts it: with the secret the hub issued to its id on first contact (none then). The
 * screen keeps it in memory or its tab's storage, never shows or logs it; the hub keeps it out of the fleet page.
 */
export interface HeartbeatRequest extends Heartbeat {
  secret?: string;
}

/** The hub's answer to the first heartbeat of an id: the secret its next heartbeats must carry. */
export interface HeartbeatAnswer {
  secret: string;
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
  /** It sent its secret back at least once: a screen, not a single forged heartbeat. */
  verified: boolean;
}

export interface AuditEntry {
  at: number;
  /** "screen "Hall B" (id)", "fleet page". */
  who: string;
  address: string;
  /** What happened, in English (the line in audit.log). */
  change: string;
  /** The same as data, said on the fleet page in its language; absent in lines written before it was kept. */
  said?: Said;
  whoSaid?: Said;
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
  /** The page's language and clock unless its URL says (`?lang=`, `?clock=`): the program's; null before a program. */
  locale: string | null;
  clock: '12' | '24' | null;
  /** The catalogue files beside the program (languages/), whose words win over the shipped ones. */
  catalogues?: CustomCatalogues;
}

/**
 * The first board in the page: the hub renders the board for the request's URL (its moment, room and view) with
 * the server bundle of the board (out/renderer-server/render-board.js, renderer/src/first-board/render.tsx) into
 * the HTML it serves, and hands the board what it rendered from in a JSON block, so the script takes over at once.
 */
export const FIRST_BOARD = {
  /** The rendered board's inline styles as one stylesheet (the CSP allows no style attribute): `/first-board/<hash>.css`. */
  cssPrefix: '/first-board/',
  /** The id of the `<script type="application/json">` block holding a FirstBoardSeed. */
  seedId: 'foyer-first-board',
  /**
   * The id of the `<noscript>` before `#root` holding the board as a portrait screen draws it, when that differs:
   * without script it is markup, which the no-script stylesheet shows in place of `#root` on a portrait screen; with
   * script it is text, which the first fit parses into `#root` on a portrait screen.
   */
  portraitId: 'foyer-first-board-portrait',
  /**
   * Set on <html> by the first fit once it has fitted the hub's board (or found it cannot): until then the board's
   * stylesheet keeps it hidden, so no screen ever paints it at its unfitted, designed size (a cut line, a panel
   * that jumps) while the first fit's script is still on its way.
   */
  fittedAttribute: 'data-first-fit',
  /**
   * Set on <html> by the first fit as it starts (and by the page's script before its own board): the board's rules
   * for a board no fit has touched (renderer/src/first-board/unfitted.css) hold only until then, so nothing is
   * measured under them. A player that runs no script never sets it.
   */
  fittingAttribute: 'data-first-fitting',
} as const;

/** What the hub asks the server bundle to render. */
export interface FirstBoardRequest {
  /** The page's query (`?room=…&view=…&at=…`), as the board reads it. */
  search: string;
  update: ProgramUpdate;
  live: LiveState | null;
  /** The real instant of the request (epoch ms): the live clock's reading, or a rehearsal clock's start. */
  realNow: number;
}

/** The rendered board: markup for `#root` with no style attribute, and the styles it needs. */
export interface FirstBoard {
  /** As a landscape screen draws it (most screens are). */
  html: string;
  /**
   * As a portrait screen draws it, when that differs (the hub does not know the screen's shape): the page's first
   * fit (renderer/src/first-board/first-fit.ts) puts it in place of `html` on a portrait screen, before the paint,
   * and where no script runs the no-script stylesheet shows it instead of `html` on a portrait screen.
   */
  portrait?: string;
  css: string;
  /**
   * The stylesheet for a player that runs no script (renderer/src/first-board/no-script.css), linked from the page's
   * `<noscript>`: the portrait board on a portrait screen, the all-rooms table's rows left out whole.
   */
  noScriptCss: string;
}

/** The JSON block's content: what the board was rendered from; the page's script starts from it. */
export interface FirstBoardSeed {
  update: ProgramUpdate;
  live: LiveState | null;
  realNow: number;
}

/** The server bundle's one export. */
export type RenderFirstBoard = (request: FirstBoardRequest) => FirstBoard;
