/**
 * "Room full" as staff set it: a status for one room on one day, like a delay
 * (delays.ts). Open is the default and is never stored; the day bounds it, so
 * a room marked full in the afternoon is open again the next morning.
 */
export type RoomStatus = 'open' | 'full' | 'closed';
export const ROOM_STATUSES: readonly RoomStatus[] = ['open', 'full', 'closed'];

export interface RoomStatusEntry {
  room: string;
  /** Conference day, e.g. 2026-05-06. */
  day: string;
  status: Exclude<RoomStatus, 'open'>;
  /** Epoch ms when staff set it. */
  since: number;
}

export function roomStatusOf(entries: readonly RoomStatusEntry[], room: string, day: string): RoomStatus {
  return entries.find((e) => e.room === room && e.day === day)?.status ?? 'open';
}

/** The F key: open → full → closed → open, for `room` on `day`. */
export function cycleRoomStatus(entries: readonly RoomStatusEntry[], room: string, day: string, now: number): RoomStatusEntry[] {
  const current = roomStatusOf(entries, room, day);
  const next = ROOM_STATUSES[(ROOM_STATUSES.indexOf(current) + 1) % ROOM_STATUSES.length]!;
  const others = entries.filter((e) => !(e.room === room && e.day === day));
  return next === 'open' ? others : [...others, { room, day, status: next, since: now }];
}
