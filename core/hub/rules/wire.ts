/**
 * What crosses the network between screens and the hub, checked on arrival.
 * Everything here comes from elsewhere (a screen anyone can imitate, a hub
 * that may answer garbage, a file on disk), so each reader says what is wrong
 * in one line instead of trusting the shape. Written without zod: the board
 * bundles these readers, and zod stays out of it.
 */
import type { CommandRequest, FleetMessageRequest, Heartbeat, LiveCommand, LiveCommandRequest, UndoEntry } from '../api.ts';
import type { ScreenMessage } from '../../screen/state.ts';
import { scopeOf } from '../../screen/keymap.ts';
import { VIEWS, type Command, type View } from '../../screen/state.ts';
import type { LiveState } from '../api.ts';
import { english, said, type Said, type SaidValue } from '../../i18n/said.ts';
import {
  ANNOUNCEMENT_ENDS,
  ANNOUNCEMENT_ROOMS_MAX,
  ANNOUNCEMENT_TEXT_MAX,
  BIDI_CONTROLS,
  LIVE_ANNOUNCEMENTS_MAX,
  type AnnouncementEnds,
  type AnnouncementWhere,
  type LiveAnnouncement,
} from '../../screen/announcements.ts';

/** `error` in English; `said`, the same as data (core/i18n/said.ts), for a staff page to say in its language. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: string; said?: Said };

class Problem extends Error {
  readonly said: Said;
  constructor(s: Said) {
    super(english(s));
    this.said = s;
  }
}

/** What is wrong, with the field's path as the request names it (the same in every language). */
const problem = (key: Parameters<typeof said>[0], field: string, vars: Record<string, SaidValue> = {}): Problem =>
  new Problem(said(key, { field, ...vars }));

/** Code words as a request spells them, each quoted: '"open", "full" or "closed"'. */
const quotedOr = (words: readonly string[]): SaidValue => ({ list: words.map((w) => `"${w}"`), or: true });

type Rec = Record<string, unknown>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longest text kept from a screen (names, errors): a heartbeat is a few hundred bytes, never more. */
export const TEXT_LIMIT = 200;
const LIST_LIMIT = 5000;

function record(value: unknown, path: string): Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problem('refusal.notObject', path);
  return value as Rec;
}

function text(r: Rec, key: string, path: string, max = TEXT_LIMIT): string {
  const v = r[key];
  if (typeof v !== 'string' || v.length === 0) throw problem('refusal.empty', `${path}.${key}`);
  if (v.length > max) throw problem('refusal.tooLong', `${path}.${key}`, { max });
  return v;
}

function textOrNull(r: Rec, key: string, path: string, max = TEXT_LIMIT): string | null {
  return r[key] === null || r[key] === undefined ? null : text(r, key, path, max);
}

function int(r: Rec, key: string, path: string, min: number, max: number): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw problem('refusal.whole', `${path}.${key}`, { min, max });
  return v;
}

function finite(r: Rec, key: string, path: string): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw problem('refusal.number', `${path}.${key}`);
  return v;
}

function bool(r: Rec, key: string, path: string): boolean {
  if (typeof r[key] !== 'boolean') throw problem('refusal.boolean', `${path}.${key}`);
  return r[key];
}

function day(r: Rec, key: string, path: string): string {
  const v = text(r, key, path, 10);
  if (!DAY.test(v)) throw problem('refusal.date', `${path}.${key}`);
  return v;
}

function list<T>(r: Rec, key: string, path: string, each: (item: Rec, path: string) => T, limit = LIST_LIMIT): T[] {
  const v = r[key];
  if (!Array.isArray(v)) throw problem('refusal.list', `${path}.${key}`);
  if (v.length > limit) throw problem('refusal.tooMany', `${path}.${key}`, { max: limit });
  return v.map((item, i) => each(record(item, `${path}.${key}[${i}]`), `${path}.${key}[${i}]`));
}

function view(r: Rec, key: string, path: string): View {
  const v = r[key];
  if (!VIEWS.includes(v as View)) throw problem('refusal.oneOf', `${path}.${key}`, { values: VIEWS.join(', ') });
  return v as View;
}

function read<T>(value: unknown, path: string, reader: (r: Rec, path: string) => T): Read<T> {
  try {
    return { ok: true, value: reader(record(value, path), path) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, error: error.message, said: error.said };
    throw error;
  }
}

/** One entry per room and day: the rule that bounds the live state (core/hub/rules/commands.ts). */
function oncePerRoomAndDay<T extends { room: string; day: string }>(entries: T[], path: string): T[] {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const key = `${e.room}\u0000${e.day}`;
    if (seen.has(key)) throw problem('refusal.twice', `${path}[${i}]`, { room: e.room, day: { day: e.day } });
    seen.add(key);
  });
  return entries;
}

/** `merged`: several delay entries per room and day, as saved before they were one (the hub's store migrates them). */
export function readLiveState(value: unknown, path = 'live', merged = false): Read<LiveState> {
  return read(value, path, (r, p) => readLive(r, p, merged));
}

function readLive(r: Rec, p: string, merged = false): LiveState {
  const version = int(r, 'version', p, 0, Number.MAX_SAFE_INTEGER);
  const epoch = r.epoch === undefined ? 0 : int(r, 'epoch', p, 0, Number.MAX_SAFE_INTEGER);
  const updatedAt = finite(r, 'updatedAt', p);
  const delays = list(r, 'delays', p, (d, q) => ({
    room: text(d, 'room', q),
    day: day(d, 'day', q),
    minutes: int(d, 'minutes', q, -1440, 1440),
    since: finite(d, 'since', q),
  }));
  const roomStatus = list(r, 'roomStatus', p, (s, q) => {
    const status = s.status;
    if (status !== 'full' && status !== 'closed')
      throw problem('refusal.either', `${q}.status`, { values: quotedOr(['full', 'closed']) });
    return { room: text(s, 'room', q), day: day(s, 'day', q), status: status as 'full' | 'closed', since: finite(s, 'since', q) };
  });
  return {
    version,
    epoch,
    updatedAt,
    delays: merged ? delays : oncePerRoomAndDay(delays, `${p}.delays`),
    showAnnouncements: bool(r, 'showAnnouncements', p),
    emergency: bool(r, 'emergency', p),
    // Absent in a state from before they were kept: none.
    emergencyText: r.emergencyText === undefined ? null : announcementTextOrNull(r, 'emergencyText', p),
    roomStatus: oncePerRoomAndDay(roomStatus, `${p}.roomStatus`),
    announcements: r.announcements === undefined ? [] : liveAnnouncements(r, 'announcements', p),
  };
}

/** An id staff or a script choose: short, plain. */
const ID = /^[A-Za-z0-9_-]{1,40}$/;

function id(r: Rec, key: string, path: string): string {
  const v = r[key];
  if (typeof v !== 'string' || !ID.test(v)) throw problem('refusal.id', `${path}.${key}`);
  return v;
}

/** A text for screens: at most 200 characters, bidi overrides taken out (they would reorder what surrounds it). */
function announcementText(r: Rec, key: string, path: string): string {
  const v = text(r, key, path, ANNOUNCEMENT_TEXT_MAX).replace(BIDI_CONTROLS, '').trim();
  if (v.length === 0) throw problem('refusal.empty', `${path}.${key}`);
  return v;
}

function announcementTextOrNull(r: Rec, key: string, path: string): string | null {
  return r[key] === null || r[key] === undefined ? null : announcementText(r, key, path);
}

function priority(r: Rec, key: string, path: string): 'normal' | 'high' {
  const v = r[key] ?? 'normal';
  if (v !== 'normal' && v !== 'high') throw problem('refusal.either', `${path}.${key}`, { values: quotedOr(['normal', 'high']) });
  return v;
}

function where(value: unknown, path: string): AnnouncementWhere {
  const r = record(value, path);
  switch (r.type) {
    case 'all':
      return { type: 'all' };
    case 'group':
      return { type: 'group', group: text(r, 'group', path, 100) };
    case 'rooms': {
      const rooms = r.rooms;
      if (!Array.isArray(rooms) || rooms.length === 0) throw problem('refusal.roomList', `${path}.rooms`);
      if (rooms.length > ANNOUNCEMENT_ROOMS_MAX)
        throw problem('refusal.tooManyRooms', `${path}.rooms`, { max: ANNOUNCEMENT_ROOMS_MAX });
      return { type: 'rooms', rooms: rooms.map((_, i) => text(rooms as unknown as Rec, String(i), `${path}.rooms`, 100)) };
    }
    case 'view':
      return { type: 'view', view: view(r, 'view', path) };
    default:
      throw problem('refusal.either', `${path}.type`, { values: { list: ['all', 'group', 'rooms', 'view'], or: true } });
  }
}

function ends(r: Rec, key: string, path: string): AnnouncementEnds {
  const v = r[key];
  if (!ANNOUNCEMENT_ENDS.includes(v as AnnouncementEnds))
    throw problem('refusal.oneOf', `${path}.${key}`, { values: ANNOUNCEMENT_ENDS.join(', ') });
  return v as AnnouncementEnds;
}

function liveAnnouncement(r: Rec, p: string): LiveAnnouncement {
  const from = finite(r, 'from', p);
  const until = r.until === null ? null : finite(r, 'until', p);
  if (until !== null && until <= from) throw problem('refusal.afterFrom', `${p}.until`);
  return {
    id: id(r, 'id', p),
    text: announcementText(r, 'text', p),
    priority: priority(r, 'priority', p),
    where: where(r.where, `${p}.where`),
    from,
    until,
    ends: ends(r, 'ends', p),
  };
}

/** At most LIVE_ANNOUNCEMENTS_MAX, each id once: the rule that bounds them on the hub (core/hub/server/live-commands.ts). */
function liveAnnouncements(r: Rec, key: string, p: string): LiveAnnouncement[] {
  const all = list(r, key, p, liveAnnouncement, LIVE_ANNOUNCEMENTS_MAX);
  const seen = new Set<string>();
  all.forEach((a, i) => {
    if (seen.has(a.id)) throw problem('refusal.idTwice', `${p}.${key}[${i}].id`, { id: a.id });
    seen.add(a.id);
  });
  return all;
}

/** The announcements of a saved screen state (core/node/state-store.ts). */
export function readLiveAnnouncements(value: unknown, path = 'announcements'): Read<LiveAnnouncement[]> {
  return read({ announcements: value }, path, (r) => liveAnnouncements(r, 'announcements', path));
}

/** "now", a time of day ("14:30", in the event's zone on its current day) or an instant (epoch ms). */
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function when(r: Rec, key: string, path: string, words: readonly string[], fallback: string): string | number {
  const v = r[key] ?? fallback;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && (words.includes(v) || HHMM.test(v))) return v;
  throw problem('refusal.when', `${path}.${key}`, { words: words.map((w) => `"${w}"`).join(', ') });
}

function liveCommand(r: Rec, p: string): LiveCommand {
  switch (r.type) {
    case 'set-delay':
      return { type: r.type, room: text(r, 'room', p), day: day(r, 'day', p), minutes: int(r, 'minutes', p, -1440, 1440) };
    case 'set-room-status': {
      const status = r.status;
      if (status !== 'open' && status !== 'full' && status !== 'closed')
        throw problem('refusal.either', `${p}.status`, { values: quotedOr(['open', 'full', 'closed']) });
      return { type: r.type, room: text(r, 'room', p), day: day(r, 'day', p), status };
    }
    case 'set-emergency': {
      const text = announcementTextOrNull(r, 'text', p);
      return { type: r.type, on: bool(r, 'on', p), ...(text !== null ? { text } : {}) };
    }
    case 'post-announcement':
      return {
        type: r.type,
        ...(r.id !== undefined ? { id: id(r, 'id', p) } : {}),
        text: announcementText(r, 'text', p),
        priority: priority(r, 'priority', p),
        where: where(r.where ?? { type: 'all' }, `${p}.where`),
        from: when(r, 'from', p, ['now'], 'now'),
        until: when(r, 'until', p, ['stopped', 'item-end', 'day-end'], 'stopped'),
        ...(r.ends !== undefined ? { ends: ends(r, 'ends', p) } : {}),
      };
    case 'stop-announcement':
      return { type: r.type, id: id(r, 'id', p) };
    case 'set-announcements':
      return { type: r.type, show: bool(r, 'show', p) };
    case 'undo':
      return { type: r.type, version: int(r, 'version', p, 0, Number.MAX_SAFE_INTEGER) };
    default:
      throw problem('refusal.either', `${p}.type`, {
        values: {
          list: [
            'set-delay',
            'set-room-status',
            'set-emergency',
            'set-announcements',
            'post-announcement',
            'stop-announcement',
            'undo',
          ],
          or: true,
        },
      });
  }
}

/** A request of the public command API (a value, the version it was made against, who). */
export function readLiveCommandRequest(value: unknown): Read<LiveCommandRequest> {
  return read(value, 'request', (r, p) => ({
    command: liveCommand(record(r.command, `${p}.command`), `${p}.command`),
    ...(r.version !== undefined ? { version: int(r, 'version', p, 0, Number.MAX_SAFE_INTEGER) } : {}),
    ...(r.by !== undefined ? { by: text(r, 'by', p, 80) } : {}),
  }));
}

/** Whether a command request is a screen's key (with `at`) or an API command (with a value). */
export function isScreenCommand(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'at' in value;
}

const SAID_KEY = /^(audit|refusal)\.[A-Za-z.]{1,60}$/;

/**
 * A sentence as data (core/i18n/said.ts) kept in the saved state: a key of the hub's sentences and a few values,
 * nested at most twice. A staff page says a key it does not know in the entry's English.
 */
function readSaid(value: unknown, path: string, depth = 0): Said {
  const r = record(value, path);
  if (typeof r.key !== 'string' || !SAID_KEY.test(r.key))
    throw problem('refusal.oneOf', `${path}.key`, { values: 'audit.*, refusal.*' });
  if (r.vars === undefined) return { key: r.key };
  const vars = record(r.vars, `${path}.vars`);
  const entries = Object.entries(vars);
  if (entries.length > 8) throw problem('refusal.tooMany', `${path}.vars`, { max: 8 });
  const read: Record<string, SaidValue> = {};
  for (const [name, v] of entries) {
    const at = `${path}.vars.${name}`;
    if (typeof v === 'number' && Number.isFinite(v)) read[name] = v;
    else if (typeof v === 'string') read[name] = text(vars, name, `${path}.vars`, 400);
    else if (typeof v === 'object' && v !== null && 'at' in v) {
      const t = record(v, at);
      read[name] = { at: finite(t, 'at', at), zone: text(t, 'zone', at, 64) };
    } else if (typeof v === 'object' && v !== null && 'day' in v && !('key' in v))
      read[name] = { day: day(record(v, at), 'day', at) };
    else if (typeof v === 'object' && v !== null && 'list' in v) {
      const { list: items, or } = record(v, at);
      if (!Array.isArray(items) || items.length > ANNOUNCEMENT_ROOMS_MAX) throw problem('refusal.list', `${at}.list`);
      const words = items.map((_, i) => text(items as unknown as Rec, String(i), `${at}.list`, 200));
      read[name] = or === true ? { list: words, or: true } : { list: words };
    } else if (depth < 2) read[name] = readSaid(v, at, depth + 1);
    else throw problem('refusal.notObject', at);
  }
  return { key: r.key, vars: read };
}

/** The changes remembered in the saved state, oldest first. */
export function readUndoEntries(value: unknown, path = 'state'): Read<UndoEntry[]> {
  return read({ history: value ?? [] }, path, (r) =>
    list(r, 'history', path, (e, q) => ({
      version: int(e, 'version', q, 0, Number.MAX_SAFE_INTEGER),
      at: finite(e, 'at', q),
      who: text(e, 'who', q, 300),
      address: text(e, 'address', q, 100),
      change: text(e, 'change', q, 400),
      ...(e.said !== undefined ? { said: readSaid(e.said, `${q}.said`) } : {}),
      ...(e.whoSaid !== undefined ? { whoSaid: readSaid(e.whoSaid, `${q}.whoSaid`) } : {}),
      key: text(e, 'key', q, 400),
      undo: liveCommand(record(e.undo, `${q}.undo`), `${q}.undo`),
    })),
  );
}

/** Only the shared commands, with their arguments in range: a hub never runs a screen's local command. */
function sharedCommand(r: Rec, path: string): Command {
  let command: Command;
  switch (r.type) {
    case 'delay':
      command = { type: 'delay', minutes: int(r, 'minutes', path, -180, 180) };
      break;
    case 'delay-reset':
    case 'announcements-toggle':
    case 'emergency-toggle':
    case 'room-status-cycle':
      command = { type: r.type };
      break;
    default:
      throw problem('refusal.notShared', `${path}.type`);
  }
  if (scopeOf(command) !== 'shared') throw problem('refusal.notShared', `${path}.type`);
  return command;
}

export function readCommandRequest(value: unknown): Read<CommandRequest> {
  return read(value, 'request', (r, p) => {
    const at = record(r.at, `${p}.at`);
    const screen = record(r.screen, `${p}.screen`);
    return {
      command: sharedCommand(record(r.command, `${p}.command`), `${p}.command`),
      at: {
        room: textOrNull(at, 'room', `${p}.at`),
        day: at.day === null ? null : day(at, 'day', `${p}.at`),
        now: finite(at, 'now', `${p}.at`),
      },
      screen: {
        id: text(screen, 'id', `${p}.screen`, 64),
        name: text(screen, 'name', `${p}.screen`).replace(BIDI_CONTROLS, ''),
      },
    };
  });
}

/** Long texts are cut rather than refused: a screen's report should arrive even when its last error is long. */
function cut(r: Rec, key: string, path: string): string | null {
  const given = r[key];
  if (given === null || given === undefined) return null;
  if (typeof given !== 'string') throw problem('refusal.string', `${path}.${key}`);
  const v = given.replace(BIDI_CONTROLS, '');
  return v.length > TEXT_LIMIT ? `${v.slice(0, TEXT_LIMIT - 1)}…` : v;
}

export function readHeartbeat(value: unknown): Read<Heartbeat> {
  return read(value, 'heartbeat', (r, p) => {
    const size = record(r.window, `${p}.window`);
    const host = r.host;
    if (host !== 'web' && host !== 'electron')
      throw problem('refusal.either', `${p}.host`, { values: quotedOr(['web', 'electron']) });
    return {
      id: text(r, 'id', p, 64),
      name: cut(r, 'name', p) ?? 'unnamed screen',
      host,
      room: textOrNull(r, 'room', p),
      view: view(r, 'view', p),
      appVersion: text(r, 'appVersion', p, 40),
      programVersion: textOrNull(r, 'programVersion', p, 40),
      liveVersion: int(r, 'liveVersion', p, 0, Number.MAX_SAFE_INTEGER),
      window: { width: int(size, 'width', `${p}.window`, 0, 100_000), height: int(size, 'height', `${p}.window`, 0, 100_000) },
      uptime: int(r, 'uptime', p, 0, Number.MAX_SAFE_INTEGER),
      lastError: cut(r, 'lastError', p),
    };
  });
}

/** The secret a heartbeat carries (HeartbeatRequest), apart from the heartbeat the fleet page shows; null: none. */
export function heartbeatSecret(value: unknown): string | null {
  const secret = (value as Rec | null)?.secret;
  return typeof secret === 'string' && secret.length > 0 && secret.length <= 128 ? secret : null;
}

/** The hub's answer to a first heartbeat (HeartbeatAnswer): the secret, or null for any other body. */
export function readHeartbeatAnswer(text: string): string | null {
  try {
    return heartbeatSecret(JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export function readScreenMessage(value: unknown, path = 'message'): Read<ScreenMessage> {
  return read(value, path, (r, p) => {
    switch (r.type) {
      case 'identify':
      case 'reload':
        return { type: r.type };
      case 'show':
        return { type: 'show', room: textOrNull(r, 'room', p), view: view(r, 'view', p) };
      default:
        throw problem('refusal.either', `${p}.type`, { values: { list: ['identify', 'reload', 'show'], or: true } });
    }
  });
}

export function readFleetMessage(value: unknown): Read<FleetMessageRequest> {
  return read(value, 'request', (r, p) => {
    const message = readScreenMessage(r.message, `${p}.message`);
    if (!message.ok) throw new Problem(message.said!);
    return { screen: text(r, 'screen', p, 64), message: message.value };
  });
}
