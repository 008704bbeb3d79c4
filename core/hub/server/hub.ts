/**
 * The hub's live side: the live state (live-commands.ts), the event
 * streams every screen holds (the server's, ../event-streams.ts, with its
 * caps), the fleet (fleet-registry.ts), the open live feed and the delayed schedule
 * exports, and the staff token in front of every change (staff-gate.ts). The
 * server hands each request here first (`handle`) and tells it when the
 * program changes (`programChanged`).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CONTROL_PAGE_BY, HUB_API, type HeartbeatAnswer, type LiveState } from '../api.ts';
import { refusal, said } from '../../i18n/said.ts';
import type { ControlView } from '../rules/control-view.ts';
import type { ProgramUpdate } from '../../host-contract.ts';
import { programToFrabXml } from '../../export/frab-xml.ts';
import { programToIcs } from '../../export/ics.ts';
import { delayedProgram, liveFeed, type LiveFeed } from '../rules/feed.ts';
import { MAX_SCREENS, type HubVersions } from '../rules/fleet.ts';
import { programVersion } from '../rules/program-version.ts';
import { fromScreenCommand } from '../rules/commands.ts';
import {
  isScreenCommand,
  readCommandRequest,
  readFleetMessage,
  heartbeatSecret,
  readHeartbeat,
  readLiveCommandRequest,
  type Read,
} from '../rules/wire.ts';
import { TimelineCache } from '../../screen/context.ts';
import { emergencyTextOf } from '../../screen/announcements.ts';
import { resolveAt } from '../../screen/clock.ts';
import { AuditLog } from './audit-log.ts';
import { FleetRegistry } from './fleet-registry.ts';
import { addressOf, BodyProblem, readJsonBody, sendJson, sendText } from './http.ts';
import { LiveCommands } from './live-commands.ts';
import { LiveStore } from './live-store.ts';
import { StaffGate } from './staff-gate.ts';
import { eventFrame, type EventStreams } from './event-streams.ts';

export interface HubOptions {
  /** Where live.json and audit.log are kept; null: in memory only. */
  stateDir: string | null;
  /** The staff token; null: the hub takes no changes. */
  token: string | null;
  appVersion: string;
  /** The built board, for the fleet page (fleet.html). */
  rendererDir: string;
  maxScreens?: number;
  log: (line: string) => void;
  now?: () => number;
}

const COMMAND_BODY_LIMIT = 4_096;
const HEARTBEAT_BODY_LIMIT = 2_048;

/** What the hub uses of its server: its program and its event streams. */
export interface HubHost {
  program(): ProgramUpdate | null;
  streams: EventStreams;
}

export class Hub {
  private readonly options: HubOptions;
  private readonly host: HubHost;
  private readonly program: () => ProgramUpdate | null;
  private readonly streams: EventStreams;
  private readonly gate: StaffGate;
  private readonly desk: LiveCommands;
  private readonly fleet: FleetRegistry;
  private readonly timelines = new TimelineCache();
  /** The delayed exports of the current program and live state, by format: attendee apps poll them. */
  private exports = { etag: '', bodies: new Map<'xml' | 'ics', string>() };
  private programSince: number;

  constructor(options: HubOptions, host: HubHost) {
    this.options = options;
    this.host = host;
    this.program = () => host.program();
    this.streams = host.streams;
    const now = this.now;
    this.gate = new StaffGate(options.token, options.log, now);
    const audit = new AuditLog(options.stateDir, options.log);
    this.desk = new LiveCommands(
      new LiveStore(options.stateDir, options.log),
      audit,
      (live) => this.streams.broadcast(eventFrame('live', live)),
      now,
    );
    this.fleet = new FleetRegistry(options.maxScreens ?? MAX_SCREENS, this.streams, audit);
    this.programSince = now();
  }

  private readonly now = (): number => (this.options.now ?? Date.now)();

  /** The venue's live state now (the first board in the page is rendered with it). */
  get live(): LiveState {
    return this.desk.live;
  }

  /** The server publishes the program on the streams itself; the fleet page needs to know since when. */
  programChanged(): void {
    this.programSince = this.now();
  }

  /** Answers the hub's routes; false for every other path (the web server's own). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const route = ROUTES[url.pathname];
    if (route === undefined) return false;
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    if (method !== route.method) {
      res.setHeader('allow', route.method === 'GET' ? 'GET, HEAD' : route.method);
      sendText(res, 405, 'Method not allowed');
      return true;
    }
    if (route.staff && !this.gate.admit(req, res)) return true;
    try {
      await route.answer(this, req, res, url);
    } catch (error) {
      if (!(error instanceof BodyProblem)) throw error;
      sendJson(res, error.status, { error: error.message, said: error.said });
    }
    return true;
  }

  private versions(): HubVersions {
    const update = this.program();
    return {
      appVersion: this.options.appVersion,
      programVersion: update ? programVersion(update.program) : null,
      programSince: this.programSince,
      liveVersion: this.desk.live.version,
      liveSince: this.desk.since,
    };
  }

  events(req: IncomingMessage, res: ServerResponse, url: URL): void {
    // Monitors ask whether the stream is there; opening one would never end.
    if (req.method === 'HEAD') return sendText(res, 200, '', 'text/event-stream; charset=utf-8');
    const screen = url.searchParams.get('screen')?.slice(0, 64) || null;
    const update = this.program();
    const initial = [
      ...(update ? [eventFrame('program', update)] : []),
      eventFrame('live', this.desk.live),
      ...(screen !== null ? this.fleet.takePending(screen) : []),
    ];
    this.streams.open(res, initial.join(''), screen, addressOf(req));
  }

  /** The live state alone, for a screen the hub refused a stream: the emergency reaches it by polling. */
  liveState(res: ServerResponse): void {
    sendJson(res, 200, this.desk.live);
  }

  /** A value from the control page or a script, or a key pressed on a screen (turned into the same value here). */
  async command(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, COMMAND_BODY_LIMIT);
    const address = addressOf(req);
    let answer;
    if (isScreenCommand(body)) {
      const request = readCommandRequest(body);
      if (!reply400(res, request)) return;
      const { command, at, screen } = request.value;
      if (at.room !== null && !this.program()?.program.rooms.some((r) => r.id === at.room))
        return sendJson(res, 400, refusal(said('refusal.unknownRoom', { room: at.room })));
      const value = fromScreenCommand(command, at, this.desk.live);
      if (value === null) return sendJson(res, 200, this.desk.live);
      answer = this.desk.apply(
        { command: value },
        this.program(),
        {
          who: `screen "${screen.name}" (${screen.id})`,
          whoSaid: said('audit.screen', { name: screen.name, id: screen.id }),
          address,
        },
        at.now,
      );
    } else {
      const request = readLiveCommandRequest(body);
      if (!reply400(res, request)) return;
      const { by } = request.value;
      // Names the hub gives are said in each staff page's language; a name a sender gives is theirs.
      const whoSaid = by === undefined ? said('audit.who.api') : by === CONTROL_PAGE_BY ? said('audit.who.control') : undefined;
      answer = this.desk.apply(request.value, this.program(), {
        who: by ?? 'command API',
        address,
        ...(whoSaid ? { whoSaid } : {}),
      });
    }
    if (answer.ok) sendJson(res, 200, answer.live);
    else
      sendJson(res, answer.status, {
        error: answer.error,
        ...(answer.said ? { said: answer.said } : {}),
        ...(answer.live ? { live: answer.live } : {}),
      });
  }

  async heartbeat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, HEARTBEAT_BODY_LIMIT);
    const heartbeat = readHeartbeat(body);
    if (!reply400(res, heartbeat)) return;
    const recorded = this.fleet.heartbeat(heartbeat.value, heartbeatSecret(body), addressOf(req), this.now());
    if (recorded.outcome === 'full') sendJson(res, 503, { error: 'the fleet table is full' }, { 'retry-after': '60' });
    else if (recorded.outcome === 'refused')
      sendJson(res, 403, {
        error: `screen id ${heartbeat.value.id} belongs to another screen: this heartbeat does not carry its secret and was not recorded`,
      });
    else if (recorded.outcome === 'new') sendJson(res, 200, { secret: recorded.secret } satisfies HeartbeatAnswer);
    else sendText(res, 204, '');
  }

  fleetView(res: ServerResponse): void {
    sendJson(res, 200, this.fleet.view(this.now(), this.versions(), this.desk.live, this.program()));
  }

  async fleetMessage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = readFleetMessage(await readJsonBody(req, COMMAND_BODY_LIMIT));
    if (!reply400(res, request)) return;
    const outcome = this.fleet.send(request.value, addressOf(req), this.now());
    if (outcome === 'unknown') sendJson(res, 404, refusal(said('refusal.noScreen', { screen: request.value.screen })));
    else sendJson(res, 202, { delivered: outcome === 'sent' });
  }

  /** A staff page of the build (fleet.html, control.html): the page itself is public, its data needs the token. */
  async staffPage(res: ServerResponse, file: string): Promise<void> {
    let html: string;
    try {
      html = await readFile(join(this.options.rendererDir, file), 'utf8');
    } catch {
      sendText(res, 503, `The page ${file} is not built: run npm run build:renderer`);
      return;
    }
    // The server's headers (the one CSP among them) are already on the answer.
    sendText(res, 200, html, 'text/html; charset=utf-8');
  }

  private liveFeedAt(update: ProgramUpdate, url: URL): LiveFeed {
    const live = this.desk.live;
    const at = resolveAt(url.searchParams.get('at'), update.program.event.timezone) ?? Math.floor(this.now() / 1000) * 1000;
    const timeline = this.timelines.get(update.program, live.delays)!;
    return liveFeed(timeline, live, at, programVersion(update.program));
  }

  /** The control page's data: the feed and the changes undo can take back (their authors are for staff only). */
  control(res: ServerResponse, url: URL): void {
    const update = this.program();
    if (update === null) return sendJson(res, 503, refusal(said('refusal.noProgram')));
    const { program } = update;
    const live = this.desk.live;
    const view: ControlView = {
      feed: this.liveFeedAt(update, url),
      version: live.version,
      undo: [...this.desk.history],
      announcements: live.announcements,
      ready: (program.announcements ?? []).map((a) => ({ id: a.id, text: a.text, priority: a.priority ?? 'normal' })),
      groups: (program.groups ?? []).map((g) => ({ id: g.id, name: g.name })),
      emergencyText: live.emergencyText,
      emergencyDefault: emergencyTextOf(program, null),
      locale: program.event.locale ?? null,
      clock: program.event.display?.clock ?? null,
      ...(update.catalogues ? { catalogues: update.catalogues } : {}),
    };
    sendJson(res, 200, view);
  }

  /** The open feed, at now or at `?at=` (an instant, or a wall time in the event zone: rehearsals). */
  feed(res: ServerResponse, url: URL, format: 'json' | 'xml' | 'ics'): void {
    const update = this.program();
    if (update === null) {
      sendText(res, 503, 'No program loaded');
      return;
    }
    const live = this.desk.live;
    const version = programVersion(update.program);
    const etag = `"${version}-${live.epoch}.${live.version}"`;
    if (format !== 'json' && res.req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    if (format === 'json') {
      sendJson(res, 200, this.liveFeedAt(update, url));
      return;
    }
    // Built once per program and live-state version, however many apps poll without an ETag.
    if (this.exports.etag !== etag) this.exports = { etag, bodies: new Map() };
    let body = this.exports.bodies.get(format);
    if (body === undefined) {
      const program = delayedProgram(update.program, live.delays);
      body =
        format === 'xml'
          ? programToFrabXml(program, { version: `${version}.${live.version}` })
          : programToIcs(program, { sequence: live.version });
      this.exports.bodies.set(format, body);
    }
    const type = format === 'xml' ? 'application/xml; charset=utf-8' : 'text/calendar; charset=utf-8';
    sendText(res, 200, body, type, { etag, 'cache-control': 'no-cache' });
  }
}

function reply400<T>(res: ServerResponse, read: Read<T>): read is { ok: true; value: T } {
  if (!read.ok) sendJson(res, 400, { error: read.error, ...(read.said ? { said: read.said } : {}) });
  return read.ok;
}

interface Route {
  method: 'GET' | 'POST';
  /** Needs the staff token. */
  staff: boolean;
  answer(hub: Hub, req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
}

const ROUTES: Record<string, Route> = {
  [HUB_API.events]: { method: 'GET', staff: false, answer: (hub, req, res, url) => hub.events(req, res, url) },
  [HUB_API.state]: { method: 'GET', staff: false, answer: (hub, _req, res) => hub.liveState(res) },
  [HUB_API.live]: { method: 'GET', staff: false, answer: (hub, _req, res, url) => hub.feed(res, url, 'json') },
  [HUB_API.scheduleXml]: { method: 'GET', staff: false, answer: (hub, _req, res, url) => hub.feed(res, url, 'xml') },
  [HUB_API.scheduleIcs]: { method: 'GET', staff: false, answer: (hub, _req, res, url) => hub.feed(res, url, 'ics') },
  [HUB_API.command]: { method: 'POST', staff: true, answer: (hub, req, res) => hub.command(req, res) },
  [HUB_API.heartbeat]: { method: 'POST', staff: false, answer: (hub, req, res) => hub.heartbeat(req, res) },
  [HUB_API.fleet]: { method: 'GET', staff: true, answer: (hub, _req, res) => hub.fleetView(res) },
  [HUB_API.fleetMessage]: { method: 'POST', staff: true, answer: (hub, req, res) => hub.fleetMessage(req, res) },
  [HUB_API.fleetPage]: { method: 'GET', staff: false, answer: (hub, _req, res) => hub.staffPage(res, 'fleet.html') },
  [HUB_API.control]: { method: 'GET', staff: true, answer: (hub, _req, res, url) => hub.control(res, url) },
  [HUB_API.controlPage]: { method: 'GET', staff: false, answer: (hub, _req, res) => hub.staffPage(res, 'control.html') },
};
