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

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

class Problem extends Error {}

type Rec = Record<string, unknown>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longest text kept from a screen (names, errors): a heartbeat is a few hundred bytes, never more. */
export const TEXT_LIMIT = 200;
const LIST_LIMIT = 5000;

function record(value: unknown, path: string): Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Problem(`${path}: not an object`);
  return value as Rec;
}

function text(r: Rec, key: string, path: string, max = TEXT_LIMIT): string {
  const v = r[key];
  if (typeof v !== 'string' || v.length === 0) throw new Problem(`${path}.${key}: must be a non-empty string`);
  if (v.length > max) throw new Problem(`${path}.${key}: longer than ${max} characters`);
  return v;
}

function textOrNull(r: Rec, key: string, path: string, max = TEXT_LIMIT): string | null {
  return r[key] === null || r[key] === undefined ? null : text(r, key, path, max);
}

function int(r: Rec, key: string, path: string, min: number, max: number): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new Problem(`${path}.${key}: must be a whole number from ${min} to ${max}`);
  return v;
}

function finite(r: Rec, key: string, path: string): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Problem(`${path}.${key}: must be a number`);
  return v;
}

function bool(r: Rec, key: string, path: string): boolean {
  if (typeof r[key] !== 'boolean') throw new Problem(`${path}.${key}: must be true or false`);
  return r[key];
}

function day(r: Rec, key: string, path: string): string {
  const v = text(r, key, path, 10);
  if (!DAY.test(v)) throw new Problem(`${path}.${key}: must be a date like 2026-05-06`);
  return v;
}

function list<T>(r: Rec, key: string, path: string, each: (item: Rec, path: string) => T): T[] {
  const v = r[key];
  if (!Array.isArray(v)) throw new Problem(`${path}.${key}: must be a list`);
  if (v.length > LIST_LIMIT) throw new Problem(`${path}.${key}: more than ${LIST_LIMIT} entries`);
  return v.map((item, i) => each(record(item, `${path}.${key}[${i}]`), `${path}.${key}[${i}]`));
}

function view(r: Rec, key: string, path: string): View {
  const v = r[key];
  if (!VIEWS.includes(v as View)) throw new Problem(`${path}.${key}: must be one of ${VIEWS.join(', ')}`);
  return v as View;
}

function read<T>(value: unknown, path: string, reader: (r: Rec, path: string) => T): Read<T> {
  try {
    return { ok: true, value: reader(record(value, path), path) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, error: error.message };
    throw error;
  }
}

/** One entry per room and day: the rule that bounds the live state (core/hub/rules/commands.ts). */
function oncePerRoomAndDay<T extends { room: string; day: string }>(entries: T[], path: string): T[] {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const key = `${e.room}\u0000${e.day}`;
    if (seen.has(key)) throw new Problem(`${path}[${i}]: a second entry for ${e.room} on ${e.day} (one per room and day)`);
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
    if (status !== 'full' && status !== 'closed') throw new Problem(`${q}.status: must be "full" or "closed"`);
    return { room: text(s, 'room', q), day: day(s, 'day', q), status: status as 'full' | 'closed', since: finite(s, 'since', q) };
  });
  return {
    version,
    epoch,
    updatedAt,
    delays: merged ? delays : oncePerRoomAndDay(delays, `${p}.delays`),
    showAnnouncements: bool(r, 'showAnnouncements', p),
    emergency: bool(r, 'emergency', p),
    roomStatus: oncePerRoomAndDay(roomStatus, `${p}.roomStatus`),
  };
}

function liveCommand(r: Rec, p: string): LiveCommand {
  switch (r.type) {
    case 'set-delay':
      return { type: r.type, room: text(r, 'room', p), day: day(r, 'day', p), minutes: int(r, 'minutes', p, -1440, 1440) };
    case 'set-room-status': {
      const status = r.status;
      if (status !== 'open' && status !== 'full' && status !== 'closed')
        throw new Problem(`${p}.status: must be "open", "full" or "closed"`);
      return { type: r.type, room: text(r, 'room', p), day: day(r, 'day', p), status };
    }
    case 'set-emergency':
      return { type: r.type, on: bool(r, 'on', p) };
    case 'set-announcements':
      return { type: r.type, show: bool(r, 'show', p) };
    case 'undo':
      return { type: r.type, version: int(r, 'version', p, 0, Number.MAX_SAFE_INTEGER) };
    default:
      throw new Problem(`${p}.type: must be set-delay, set-room-status, set-emergency, set-announcements or undo`);
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

/** The changes remembered in the saved state, oldest first. */
export function readUndoEntries(value: unknown, path = 'state'): Read<UndoEntry[]> {
  return read({ history: value ?? [] }, path, (r) =>
    list(r, 'history', path, (e, q) => ({
      version: int(e, 'version', q, 0, Number.MAX_SAFE_INTEGER),
      at: finite(e, 'at', q),
      who: text(e, 'who', q, 300),
      address: text(e, 'address', q, 100),
      change: text(e, 'change', q, 400),
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
      throw new Problem(`${path}.type: not a command that changes the live state`);
  }
  if (scopeOf(command) !== 'shared') throw new Problem(`${path}.type: not a shared command`);
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

/**
 * Bidirectional overrides and isolates (U+202A–202E, U+2066–2069): in a screen's name they would reorder
 * the fleet page's and the audit log's text around them, so a forged name could pass for another.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Long texts are cut rather than refused: a screen's report should arrive even when its last error is long. */
function cut(r: Rec, key: string, path: string): string | null {
  const given = r[key];
  if (given === null || given === undefined) return null;
  if (typeof given !== 'string') throw new Problem(`${path}.${key}: must be a string`);
  const v = given.replace(BIDI_CONTROLS, '');
  return v.length > TEXT_LIMIT ? `${v.slice(0, TEXT_LIMIT - 1)}…` : v;
}

export function readHeartbeat(value: unknown): Read<Heartbeat> {
  return read(value, 'heartbeat', (r, p) => {
    const size = record(r.window, `${p}.window`);
    const host = r.host;
    if (host !== 'web' && host !== 'electron') throw new Problem(`${p}.host: must be "web" or "electron"`);
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

export function readScreenMessage(value: unknown, path = 'message'): Read<ScreenMessage> {
  return read(value, path, (r, p) => {
    switch (r.type) {
      case 'identify':
      case 'reload':
        return { type: r.type };
      case 'show':
        return { type: 'show', room: textOrNull(r, 'room', p), view: view(r, 'view', p) };
      default:
        throw new Problem(`${p}.type: must be identify, reload or show`);
    }
  });
}

export function readFleetMessage(value: unknown): Read<FleetMessageRequest> {
  return read(value, 'request', (r, p) => {
    const message = readScreenMessage(r.message, `${p}.message`);
    if (!message.ok) throw new Problem(message.error);
    return { screen: text(r, 'screen', p, 64), message: message.value };
  });
}
