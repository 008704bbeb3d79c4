/** Summary lines both `npm run import` and `npm run validate` print about changes and room groups. */
import type { Program } from '../program/schema.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 cancelled, 1 moved, 25 not recorded", or nothing when the program has none. */
export function changesLine(program: Program): string | undefined {
  const cancelled = program.items.filter((i) => i.cancelled).length;
  const moved = program.items.filter((i) => i.movedTo).length;
  const unrecorded = program.items.filter((i) => i.recorded === false).length;
  const parts = [
    cancelled ? `${cancelled} cancelled` : '',
    moved ? `${moved} moved` : '',
    unrecorded ? `${unrecorded} not recorded` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/** "room groups: Saal (6 rooms), Kidspace (6 rooms), Other rooms (41 rooms)" */
export function groupsLine(program: Program): string | undefined {
  const groups = program.groups ?? [];
  if (groups.length === 0) return undefined;
  return `${count(groups.length, 'room group')}: ${groups.map((g) => `${g.name} (${g.id}, ${count(g.rooms.length, 'room')})`).join(', ')}`;
}
