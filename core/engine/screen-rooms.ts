/**
 * Which rooms a screen shows: a room group from the program (`?group=floor-1`,
 * `--group floor-1`), an explicit list (`?rooms=a,b,c`), or every room. An id
 * that names nothing is reported in words and the screen falls back to every
 * room, so a typo on one screen never leaves it blank.
 */
import { directionOf, language, t } from '../i18n/index.ts';
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
  /** What did not match: said on the status line in the screen's language (roomsProblemText), logged in English. */
  problem?: RoomsProblem;
}

/** A screen setting that names nothing in the program, and what the screen shows instead. */
export interface RoomsProblem {
  /** An unknown `group`, or ids of `rooms` the program lacks. */
  kind: 'group' | 'rooms';
  unknown: readonly string[];
  /** The ids the program has (its groups', or its rooms'), to set the typo right. */
  known: readonly string[];
  /** Every room (nothing of the setting matched), or the rooms that did. */
  showing: 'every' | 'others';
}

/** `"a", "b", … 3 more`: ids as they are typed, quoted, so a stray space or case shows. */
function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, 8).map((id) => `"${id}"`);
  if (ids.length > shown.length) shown.push(t('status.more', { n: ids.length - shown.length }));
  return shown.join(', ') || '—';
}

export function roomsProblemText(problem: RoomsProblem): string {
  // Isolated on a right-to-left screen: ids read left to right, and keep their order, inside an Arabic sentence.
  const rtl = directionOf(language()) === 'rtl';
  const isolated = (ids: readonly string[]) => (rtl ? `\u2068${listed(ids)}\u2069` : listed(ids));
  const vars = { unknown: isolated(problem.unknown), known: isolated(problem.known), n: problem.unknown.length };
  if (problem.kind === 'group') return t('status.unknownGroup', vars);
  return t(problem.showing === 'every' ? 'status.unknownRoomsEvery' : 'status.unknownRooms', vars);
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
      const known = groups.map((g) => g.id);
      return { rooms: timeline.rooms, problem: { kind: 'group', unknown: [selection.group], known, showing: 'every' } };
    }
    return { rooms: group.rooms.map((id) => byId.get(id)).filter((r): r is Room => r !== undefined), group };
  }
  if (selection.rooms !== undefined && selection.rooms.length > 0) {
    const ids = [...new Set(selection.rooms)];
    const rooms = ids.map((id) => byId.get(id)).filter((r): r is Room => r !== undefined);
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length === 0) return { rooms };
    const known = [...byId.keys()];
    if (rooms.length === 0) return { rooms: timeline.rooms, problem: { kind: 'rooms', unknown, known, showing: 'every' } };
    return { rooms, problem: { kind: 'rooms', unknown, known, showing: 'others' } };
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
