/**
 * Congress-scale programs for the end-to-end tests. The real one is the 38C3
 * hub export in the corpus (72 rooms, 1007 events), imported as `npm run
 * import -- --group-by prefix` would. The issue measured a 92-room congress
 * that could not be obtained, so the 92-room program here is DERIVED at test
 * time from 38C3: its 20 busiest rooms cloned, with every item, as "… (copy)".
 * It is a test construction, never stored, and says so in its event name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { allRoomsRows } from '../../core/engine/all-rooms-rows.ts';
import { compileTimeline } from '../../core/engine/timeline.ts';
import { loadProgramText } from '../../core/import/load.ts';
import type { Program } from '../../core/program/schema.ts';
import { validateProgram } from '../../core/program/validate.ts';
import { CORPUS } from '../fixture-paths.ts';

/** 38C3 from the corpus, imported with room groups by name prefix (14 groups). */
export function congress38c3(): Program {
  const loaded = loadProgramText(readFileSync(join(CORPUS, '38c3-hub.xml'), 'utf8'), '38c3-hub.xml', { groupBy: 'prefix' });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.program;
}

/** 38C3 plus its 20 busiest rooms again (72 + 20 = 92 rooms), each clone in a group "Copies". Validated. */
export function derived92Rooms(): Program {
  const base = congress38c3();
  const perRoom = new Map<string, number>();
  for (const item of base.items) if (item.room) perRoom.set(item.room, (perRoom.get(item.room) ?? 0) + 1);
  const busiest = base.rooms
    .filter((r) => perRoom.has(r.id))
    .sort((a, b) => perRoom.get(b.id)! - perRoom.get(a.id)!)
    .slice(0, 20);
  const copyOf = new Map(busiest.map((r) => [r.id, `${r.id}-copy`]));
  const program: Program = structuredClone(base);
  program.event.name = '38C3 with 20 derived rooms (a test program, not an export)';
  program.rooms.push(...busiest.map((r) => ({ id: copyOf.get(r.id)!, name: `${r.name} (copy)` })));
  program.items.push(
    ...base.items
      .filter((item) => item.room && copyOf.has(item.room))
      .map((item) => ({ ...structuredClone(item), id: `${item.id}-copy`, room: copyOf.get(item.room!)! })),
  );
  program.groups = [...(program.groups ?? []), { id: 'copies', name: 'Copies', rooms: [...copyOf.values()] }];
  const checked = validateProgram(program);
  if (!checked.ok) throw new Error(`the derived program must be valid: ${JSON.stringify(checked).slice(0, 400)}`);
  return program;
}

export interface Moment {
  /** Wall time in the event zone, for `?at=`. */
  at: string;
  /** Rows of the all-rooms view then (rooms not quiet). */
  rows: number;
  /** Items on now, in every room together. */
  onNow: number;
}

/**
 * The busiest moments of a program for the all-rooms view, 10 minutes after
 * some item starts: the one listing the most rooms, and the one with the most
 * items on at once (the corpus test's "busiest"). Computed with the engine's
 * own row selector, whose choices the unit tests check against the raw export.
 */
export function busiestMoments(program: Program): { mostRooms: Moment; mostOn: Moment } {
  const timeline = compileTimeline(program);
  let mostRooms: Moment | null = null;
  let mostOn: Moment | null = null;
  const seen = new Set<number>();
  for (const slot of timeline.slots) {
    const at = slot.start + 10 * 60_000;
    if (seen.has(at)) continue;
    seen.add(at);
    const rows = allRoomsRows(timeline, at).rows;
    const moment = {
      at: DateTime.fromMillis(at, { zone: timeline.zone }).toFormat("yyyy-MM-dd'T'HH:mm"),
      rows: rows.length,
      onNow: rows.reduce((sum, row) => sum + row.now.filter((s) => s.takesPlace).length, 0),
    };
    if (!mostRooms || moment.rows > mostRooms.rows || (moment.rows === mostRooms.rows && moment.onNow > mostRooms.onNow))
      mostRooms = moment;
    if (!mostOn || moment.onNow > mostOn.onNow || (moment.onNow === mostOn.onNow && moment.rows > mostOn.rows)) mostOn = moment;
  }
  if (!mostRooms || !mostOn) throw new Error('a program without items has no busiest moment');
  return { mostRooms, mostOn };
}
