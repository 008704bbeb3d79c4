/**
 * The validator's checks on ids that point elsewhere in the file: rooms,
 * venues, room groups, the parts of a multi-part talk and where moved items went.
 */
import type { Program } from './schema.ts';
import type { Problem } from './problem.ts';

/** The ids to choose from; a congress has ninety rooms, so long lists are cut. */
function quoted(ids: Iterable<string>): string {
  const all = [...ids];
  const shown = all.slice(0, all.length > 10 ? 8 : 10).map((id) => `"${id}"`);
  if (all.length > shown.length) shown.push(`… ${all.length - shown.length} more`);
  return shown.join(', ') || 'none';
}

export function checkReferences(program: Program, errors: Problem[], warnings: Problem[]): void {
  const rooms = new Set(program.rooms.map((r) => r.id));
  const venues = new Set(program.event.venues.map((v) => v.id));
  const unknownRoom = (path: string, id: string) =>
    errors.push({ path, message: `unknown room "${id}" (rooms: ${quoted(rooms)})` });
  program.rooms.forEach((room, index) => {
    if (room.venue !== undefined && !venues.has(room.venue)) {
      errors.push({ path: `rooms[${index}].venue`, message: `unknown venue "${room.venue}" (venues: ${quoted(venues)})` });
    }
  });
  const parts = new Map<string, { index: number; count: number }[]>();
  program.items.forEach((item, index) => {
    if (item.room !== undefined && !rooms.has(item.room)) unknownRoom(`items[${index}].room`, item.room);
    for (const key of ['venue', 'destination'] as const) {
      const id = item[key];
      if (id !== undefined && !venues.has(id)) {
        errors.push({ path: `items[${index}].${key}`, message: `unknown venue "${id}" (venues: ${quoted(venues)})` });
      }
    }
    checkChange(program, index, rooms, errors, unknownRoom);
    if (item.part) {
      if (item.part.index > item.part.count) {
        errors.push({
          path: `items[${index}].part.index`,
          message: `part ${item.part.index} of ${item.part.count} does not exist`,
        });
      }
      const group = parts.get(item.part.group) ?? [];
      group.push({ index, count: item.part.count });
      parts.set(item.part.group, group);
    }
  });
  for (const [group, members] of parts) {
    const count = members[0]!.count;
    if (members.length !== count) {
      warnings.push({
        kind: 'parts',
        path: `items[${members[0]!.index}].part`,
        message: `multi-part talk "${group}" says ${count} parts but the program has ${members.length}`,
      });
    }
  }
  checkGroups(program, rooms, errors, unknownRoom);
}

function checkChange(
  program: Program,
  index: number,
  rooms: Set<string>,
  errors: Problem[],
  unknownRoom: (path: string, id: string) => void,
): void {
  const item = program.items[index]!;
  const moved = item.movedTo;
  if (!moved) return;
  const path = `items[${index}].movedTo`;
  if (item.cancelled) {
    errors.push({ path, message: 'an item is either cancelled or moved, not both (remove "cancelled" or "movedTo")' });
  }
  if (moved.room !== undefined && !rooms.has(moved.room)) unknownRoom(`${path}.room`, moved.room);
  if (moved.room !== undefined && item.room === undefined) {
    errors.push({ path: `${path}.room`, message: 'only an item in a room can move to another room (this one has no room)' });
  }
  const sameRoom = moved.room === undefined || moved.room === item.room;
  const sameTime = moved.start === undefined || moved.start === item.start;
  if (sameRoom && sameTime) {
    errors.push({ path, message: 'movedTo needs a new start or a new room (it names where the item already is)' });
  }
}

function checkGroups(
  program: Program,
  rooms: Set<string>,
  errors: Problem[],
  unknownRoom: (path: string, id: string) => void,
): void {
  (program.groups ?? []).forEach((group, index) => {
    const listed = new Set<string>();
    group.rooms.forEach((room, at) => {
      const path = `groups[${index}].rooms[${at}]`;
      if (!rooms.has(room)) unknownRoom(path, room);
      else if (listed.has(room)) errors.push({ path, message: `room "${room}" is listed twice in group "${group.id}"` });
      listed.add(room);
    });
  });
}
