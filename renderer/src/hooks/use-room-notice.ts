/**
 * "Room full" and where else to go, for a screen whose room staff marked. The
 * suggestion ("starting now in Hall C") moves on by the minute, so this reads
 * the clock by the minute: only the bar that shows it re-renders, and only on
 * screens whose room is marked (the bar is not mounted elsewhere).
 */
import { useMemo } from 'react';
import { roomNotice, type RoomNotice } from '../../../core/engine/room-suggestion.ts';
import type { Timeline } from '../../../core/engine/timeline.ts';
import type { RoomStatusEntry } from '../../../core/engine/room-status.ts';
import { useNow } from '../clock/clock-context.tsx';

export function useRoomNotice(
  timeline: Timeline,
  statuses: readonly RoomStatusEntry[],
  room: string,
  day: string,
  at: number,
): RoomNotice | null {
  const minute = useNow(60_000);
  const now = Math.max(minute, at);
  return useMemo(() => roomNotice(timeline, statuses, room, day, now), [timeline, statuses, room, day, now]);
}
