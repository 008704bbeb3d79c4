/**
 * The check every screen runs on a program from its hub before it replaces the
 * one on screen: the shape the board relies on (the event and its zone, the
 * rooms, each item's id, kind, times and room), in one line naming the field
 * when it fails. It is no substitute for the program validator: the hub ran
 * that on the file already (core/program/validate.ts), and the kiosk runs it
 * again (core/hub-client/node-transport.ts). This one is for what can still go
 * wrong on the way: a hub of another version, a proxy's rewrite, a cut frame.
 * Written without zod, so that the board can bundle it (see session.ts).
 */
import type { ProgramStatus, ProgramUpdate } from '../host-contract.ts';
import type { Read } from '../hub/rules/wire.ts';
import type { Program } from '../program/schema.ts';
import { isValidZone } from '../time.ts';
import { readCustomCatalogues } from '../i18n/catalogue-file.ts';

class Problem extends Error {}

type Rec = Record<string, unknown>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function record(value: unknown, path: string): Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Problem(`${path}: not an object`);
  return value as Rec;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Problem(`${path}: must be a list`);
  return value;
}

function text(r: Rec, key: string, path: string): string {
  const v = r[key];
  if (typeof v !== 'string' || v.length === 0) throw new Problem(`${path}.${key}: must be a non-empty string`);
  return v;
}

function matching(r: Rec, key: string, path: string, pattern: RegExp, like: string): string {
  const v = text(r, key, path);
  if (!pattern.test(v)) throw new Problem(`${path}.${key}: must look like ${like}`);
  return v;
}

function optionalList(r: Rec, key: string, path: string): void {
  if (r[key] !== undefined) list(r[key], `${path}.${key}`);
}

function status(value: unknown): ProgramStatus {
  const r = record(value, 'status');
  if (typeof r.updatedAt !== 'number' || !Number.isFinite(r.updatedAt)) throw new Problem('status.updatedAt: must be a number');
  if (r.offlineSince !== null && typeof r.offlineSince !== 'number')
    throw new Problem('status.offlineSince: must be a number or null');
  if (r.error !== null && typeof r.error !== 'string') throw new Problem('status.error: must be text or null');
  const base = { source: text(r, 'source', 'status'), updatedAt: r.updatedAt, offlineSince: r.offlineSince, error: r.error };
  // An older hub sends no kind (the board shows the text alone); an unknown one is a newer hub's: dropped, not refused.
  return r.errorKind === 'rejected' || r.errorKind === 'unreadable' ? { ...base, errorKind: r.errorKind } : base;
}

function program(value: unknown): Program {
  const p = record(value, 'program');
  if (p.version !== 1) throw new Problem('program.version: must be 1');
  const event = record(p.event, 'program.event');
  text(event, 'name', 'program.event');
  const zone = text(event, 'timezone', 'program.event');
  if (!isValidZone(zone)) throw new Problem(`program.event.timezone: ${JSON.stringify(zone)} is not a time zone`);
  matching(event, 'startDate', 'program.event', DAY, '2026-05-06');
  matching(event, 'endDate', 'program.event', DAY, '2026-05-06');
  list(event.venues, 'program.event.venues');
  const rooms = list(p.rooms, 'program.rooms');
  if (rooms.length === 0) throw new Problem('program.rooms: must list at least one room');
  const roomIds = new Set(
    rooms.map((room, i) => {
      const r = record(room, `program.rooms[${i}]`);
      text(r, 'name', `program.rooms[${i}]`);
      return text(r, 'id', `program.rooms[${i}]`);
    }),
  );
  list(p.items, 'program.items').forEach((item, i) => {
    const path = `program.items[${i}]`;
    const r = record(item, path);
    text(r, 'id', path);
    text(r, 'kind', path);
    matching(r, 'start', path, WALL_TIME, '2026-05-06T09:00');
    if (r.end !== undefined) matching(r, 'end', path, WALL_TIME, '2026-05-06T09:00');
    if (r.room !== undefined && !roomIds.has(text(r, 'room', path)))
      throw new Problem(`${path}.room: ${JSON.stringify(r.room)} is not one of the program's rooms`);
  });
  optionalList(p, 'groups', 'program');
  optionalList(p, 'announcements', 'program');
  return p as unknown as Program;
}

/** A ProgramUpdate (`{ program, status }`) as the hub sends it, in the shape the board relies on. */
export function readProgramUpdate(value: unknown): Read<ProgramUpdate> {
  try {
    const update = record(value, 'update');
    const catalogues = readCustomCatalogues(update.catalogues);
    return {
      ok: true,
      value: { program: program(update.program), status: status(update.status), ...(catalogues ? { catalogues } : {}) },
    };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, error: error.message };
    throw error;
  }
}

/** A status event (the same program, a new status). */
export function readProgramStatus(value: unknown): Read<ProgramStatus> {
  try {
    return { ok: true, value: status(value) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, error: error.message };
    throw error;
  }
}
