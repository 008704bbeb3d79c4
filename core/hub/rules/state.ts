/**
 * The venue's live state: what staff decided today (delays per room and day,
 * whether the announcements show, the emergency message, room status), with a
 * version that grows by one with every change. The hub holds it and every
 * screen shows it; the same shared reducer (core/screen/reducers.ts) applies a
 * command to it as it does on a screen without a hub.
 */
import { totalDelay } from '../../engine/delays.ts';
import { roomStatusOf } from '../../engine/room-status.ts';
import { reduceShared, type SharedContext } from '../../screen/reducers.ts';
import type { Command, SharedState } from '../../screen/state.ts';
import type { LiveState } from '../api.ts';

export const EMPTY_LIVE_STATE: LiveState = {
  version: 0,
  epoch: 0,
  updatedAt: 0,
  delays: [],
  showAnnouncements: false,
  emergency: false,
  emergencyText: null,
  roomStatus: [],
  announcements: [],
};

export interface LiveChange {
  live: LiveState;
  /** What changed, in a sentence for the audit log; null when nothing did. */
  change: string | null;
}

/** Applies a shared command; the version moves only when something changed. */
export function applyCommand(
  live: LiveState,
  command: Command,
  at: SharedContext,
  roomName: (id: string) => string,
  realNow: number,
): LiveChange {
  const next = reduceShared(live, command, at);
  if (next === live) return { live, change: null };
  return {
    live: { ...next, version: live.version + 1, updatedAt: realNow },
    change: describeChange(live, next, command, at, roomName),
  };
}

function describeChange(
  before: SharedState,
  after: SharedState,
  command: Command,
  at: SharedContext,
  roomName: (id: string) => string,
): string {
  const where = at.room !== null && at.day !== null ? `${roomName(at.room)}, ${at.day}` : '';
  switch (command.type) {
    case 'delay':
    case 'delay-reset': {
      const total = totalDelay(after.delays, at.room!, at.day!);
      const was = totalDelay(before.delays, at.room!, at.day!);
      return `${where}: delay ${was} → ${total} min`;
    }
    case 'room-status-cycle':
      return `${where}: ${roomStatusOf(before.roomStatus, at.room!, at.day!)} → ${roomStatusOf(after.roomStatus, at.room!, at.day!)}`;
    case 'announcements-toggle':
      return `announcements ${after.showAnnouncements ? 'shown' : 'hidden'}`;
    case 'emergency-toggle':
      return `emergency message ${after.emergency ? 'ON' : 'off'}`;
    default:
      return command.type;
  }
}
