/**
 * Which rooms a screen shows: a room group from the program (`?group=floor-1`,
 * `--group floor-1`), an explicit list (`?rooms=a,b,c`), or every room. An id
 * that names nothing is reported in words and the screen falls back to every
 * room, so a typo on one screen never leaves it blank.
 */
import { t } from '../i18n/index.ts';
import type { Room, RoomGroup } from '../program/schema.ts';
import type { Timeline } from './timeline.ts';

export interface RoomSelection {
  group?: string | undefined;
  rooms?: readonly string[] | undefined;
}

export interface ScreenRooms {
  /** In display order: the group's order, the list's order, or the program's room order. */
  rooms: Room[];
  /** The group shown, for the screen's heading. */
  group?: RoomGroup;
  /** What did not match, as a sentence for the status line. */
  problem?: string;
}

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, 8).map((id) => `"${id}"`);
  if (ids.length > shown.length) shown.push(`… ${ids.length - shown.length} more`);
  return shown.join(', ') || 'none';
}

/** The selection a screen's state names (ScreenState.group and .rooms). */
export function selectionOf(state: { group: string | null; rooms: readonly string[] | null }): RoomSelection {
  return { group: state.group ?? undefined, rooms: state.rooms ?? undefined };
}

export function groupsOf(timeline: Timeline): readonly RoomGroup[] {
  return timeline.program.groups ?? [];
}

export function screenRooms(timeline: Timeline, selection: RoomSelection): ScreenRooms {
  const byId = new Map(timeline.rooms.map((r) => [r.id, r]));
  if (selection.group !== undefined) {
    const groups = groupsOf(timeline);
    const group = groups.find((g) => g.id === selection.group);
    if (!group) {
      return {
        rooms: timeline.rooms,
        problem: `unknown group "${selection.group}" (groups: ${listed(groups.map((g) => g.id))}); showing every room`,
      };
    }
    return { rooms: group.rooms.map((id) => byId.get(id)).filter((r): r is Room => r !== undefined), group };
  }
  if (selection.rooms !== undefined && selection.rooms.length > 0) {
    const ids = [...new Set(selection.rooms)];
    const rooms = ids.map((id) => byId.get(id)).filter((r): r is Room => r !== undefined);
    const unknown = ids.filter((id) => !byId.has(id));
    const problem = unknown.length
      ? `unknown room${unknown.length > 1 ? 's' : ''} ${listed(unknown)} (rooms: ${listed([...byId.keys()])})`
      : undefined;
    if (rooms.length === 0) return { rooms: timeline.rooms, problem: `${problem}; showing every room` };
    return problem ? { rooms, problem: `${problem}; showing the others` } : { rooms };
  }
  return { rooms: timeline.rooms };
}

/**
 * The group after (or before) `current` among the program's group ids, for
 * the staff hotkey; after the last comes null: the screen's own rooms (its
 * `--rooms` list, or every room). An id the program lacks counts as null.
 */
export function cycleGroup(groups: readonly string[], current: string | null, step: 1 | -1): string | null {
  const ids: (string | null)[] = [...groups, null];
  const at = ids.indexOf(current);
  const from = at === -1 ? ids.length - 1 : at;
  return ids[(from + step + ids.length) % ids.length]!;
}

/** Room ids as a screen is given them (`?rooms=a,b,c`, `--rooms a,b,c`): trimmed, empty ones dropped. */
export function roomIdsOf(text: string): string[] {
  return text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/**
 * What the screen calls the rooms it shows together: the group's name, the
 * listed rooms' names (up to three), "12 rooms", or "All rooms".
 */
export function shownName(timeline: Timeline, shown: ScreenRooms): string {
  if (shown.group) return shown.group.name;
  if (shown.rooms.length === timeline.rooms.length) return t('where.allRooms');
  if (shown.rooms.length <= 3) return shown.rooms.map((r) => r.name).join(' · ');
  return t('screen.rooms', { n: shown.rooms.length });
}
