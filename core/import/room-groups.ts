/**
 * Room groups made when converting (`npm run import -- --group-by …`), so a
 * congress with ninety rooms can put "Saal", "Kidspace" or "Assemblies" on
 * the screens where they hang. Rooms that share nothing with another room go
 * into one "Other rooms" group, so every room is in exactly one group.
 */
import type { Program, RoomGroup } from '../program/schema.ts';
import { slug } from './build.ts';
import type { ImportWarning, RoomInfo } from './draft.ts';
import { mostCommon } from '../most-common.ts';

export const GROUP_BY = ['prefix', 'track', 'type', 'assembly'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const OTHER = 'Other rooms';

/**
 * What a room's name starts with: the part before a ":" ("Assembly:Foodhackingbase"),
 * before " - " or " -- " ("Kidspace - Affenfelsen"), else its first word, cut at
 * a "." too ("Saal GLITCH" → "Saal", FOSDEM's "UB2.252A" → "UB2", building and floor).
 */
function namePrefix(name: string): string {
  const colon = /^([^:]+?)\s*:/.exec(name);
  if (colon) return colon[1]!.trim();
  const dash = /^(.+?)\s+-{1,2}\s+\S/.exec(name);
  if (dash) return dash[1]!.trim();
  return /^[^\s.]+/.exec(name.trim())?.[0] ?? name;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  lecturehall: 'Lecture halls',
  stage: 'Stages',
  workshop: 'Workshop rooms',
  outside: 'Outside',
  online: 'Online',
};

function keyOf(by: GroupBy, program: Program, roomInfo: ReadonlyMap<string, RoomInfo>): (roomId: string) => string | undefined {
  if (by === 'prefix') {
    const names = new Map(program.rooms.map((r) => [r.id, r.name]));
    return (id) => namePrefix(names.get(id)!);
  }
  if (by === 'track') {
    const tracks = new Map<string, string[]>();
    for (const item of program.items) {
      if (item.room === undefined || item.track === undefined) continue;
      tracks.set(item.room, [...(tracks.get(item.room) ?? []), item.track]);
    }
    return (id) => mostCommon(tracks.get(id) ?? []);
  }
  if (by === 'type') {
    return (id) => {
      const type = roomInfo.get(id)?.type;
      return type === undefined ? undefined : (TYPE_NAMES[type] ?? type);
    };
  }
  return (id) => roomInfo.get(id)?.assembly;
}

/** The groups, in the order their first room appears; `warnings` says when the export has nothing to group by. */
export function groupRooms(
  program: Program,
  by: GroupBy,
  roomInfo: ReadonlyMap<string, RoomInfo>,
  warnings: ImportWarning[],
): RoomGroup[] {
  const key = keyOf(by, program, roomInfo);
  const members = new Map<string, string[]>();
  for (const room of program.rooms) {
    const name = key(room.id) ?? OTHER;
    members.set(name, [...(members.get(name) ?? []), room.id]);
  }
  const other: string[] = members.get(OTHER) ?? [];
  members.delete(OTHER);
  for (const [name, rooms] of members) {
    if (rooms.length > 1) continue;
    other.push(...rooms);
    members.delete(name);
  }
  if (members.size === 0) {
    warnings.push({
      subject: 'the file',
      field: 'rooms',
      kind: 'group-by',
      message: `--group-by ${by}: no two rooms share a ${by}${by === 'type' || by === 'assembly' ? ' (only schedule.json v2 from the CCC hub names them)' : ''}; no groups made`,
    });
    return [];
  }
  const order = new Map(program.rooms.map((r, i) => [r.id, i]));
  const taken = new Set<string>();
  const groups: RoomGroup[] = [];
  const add = (name: string, rooms: string[]) => {
    let id = slug(name);
    for (let n = 2; taken.has(id); n++) id = `${slug(name)}-${n}`;
    taken.add(id);
    groups.push({ id, name, rooms: [...rooms].sort((a, b) => order.get(a)! - order.get(b)!) });
  };
  for (const [name, rooms] of members) add(name, rooms);
  if (other.length) add(OTHER, other);
  return groups;
}
