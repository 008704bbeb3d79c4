/**
 * The hub's commands: each carries the value staff intend (delay of this room
 * today = 10 minutes, emergency on), never a toggle, and the live-state version
 * it was made against. Set values make a repeat harmless (two staff who both
 * switch the emergency on leave it on); a command made against an older
 * version that would overwrite a change made since is refused (409) with the
 * current state instead of applied blindly.
 *
 * The state stays bounded by construction: one delay and one status per room
 * and day, days only from the program, past days pruned; at most
 * LIVE_ANNOUNCEMENTS_MAX announcements, ended ones pruned; the hub checks every
 * new state with the same reader a screen uses (wire.ts), so a state the hub
 * holds is always one a screen accepts.
 */
import { DateTime } from 'luxon';
import type { Delay } from '../../engine/delays.ts';
import { roomStatusOf, ROOM_STATUSES, type RoomStatus } from '../../engine/room-status.ts';
import type { SharedContext } from '../../screen/reducers.ts';
import type { Command } from '../../screen/state.ts';
import type { LiveCommand, LiveState, UndoEntry } from '../api.ts';
import { withoutEnded, type LiveAnnouncement } from '../../screen/announcements.ts';
import { postOf } from './announcement-post.ts';
import { said, type Said, type SaidValue } from '../../i18n/said.ts';

type Post = Extract<LiveCommand, { type: 'post-announcement' }>;

/** A post as the hub resolved it (announcement-post.ts: instants, an id) as the announcement it keeps. */
export function announcementOf(post: Post): LiveAnnouncement {
  return {
    id: post.id ?? '',
    text: post.text,
    priority: post.priority,
    where: post.where,
    from: typeof post.from === 'number' ? post.from : 0,
    until: typeof post.until === 'number' ? post.until : null,
    ends: post.ends ?? (typeof post.until === 'number' ? 'time' : 'stopped'),
  };
}

/** A text as a change names it: its start, when it is long (the catalogue's sentence puts it in its quotes). */
const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** How many changes the saved state remembers for undo and their authors. */
export const HISTORY = 20;

export function delayOf(delays: readonly Delay[], room: string, day: string): number {
  return delays.filter((d) => d.room === room && d.day === day).reduce((sum, d) => sum + d.minutes, 0);
}

/** What a command touches: two commands conflict when they touch the same thing. */
export function keyOf(command: LiveCommand): string {
  switch (command.type) {
    case 'set-delay':
      return `delay ${command.room} ${command.day}`;
    case 'set-room-status':
      return `status ${command.room} ${command.day}`;
    case 'set-emergency':
      return 'emergency';
    case 'set-announcements':
      return 'announcements';
    case 'post-announcement':
      return `announcement ${command.id ?? ''}`;
    case 'stop-announcement':
      return `announcement ${command.id}`;
    case 'undo':
      return 'undo';
  }
}

/** A key pressed on a screen, as the command it means against the hub's state now. */
export function fromScreenCommand(command: Command, at: SharedContext, live: LiveState): LiveCommand | null {
  const { room, day } = at;
  switch (command.type) {
    case 'delay':
      if (room === null || day === null) return null;
      return { type: 'set-delay', room, day, minutes: delayOf(live.delays, room, day) + command.minutes };
    case 'delay-reset':
      if (room === null || day === null) return null;
      return { type: 'set-delay', room, day, minutes: 0 };
    case 'room-status-cycle': {
      if (room === null || day === null) return null;
      const now = roomStatusOf(live.roomStatus, room, day);
      return { type: 'set-room-status', room, day, status: ROOM_STATUSES[(ROOM_STATUSES.indexOf(now) + 1) % 3]! };
    }
    case 'emergency-toggle':
      return { type: 'set-emergency', on: !live.emergency };
    case 'announcements-toggle':
      return { type: 'set-announcements', show: !live.showAnnouncements };
    default:
      return null;
  }
}

/** Whether the live state already holds what the command asks for. */
export function holds(live: LiveState, command: LiveCommand): boolean {
  switch (command.type) {
    case 'set-delay':
      return delayOf(live.delays, command.room, command.day) === command.minutes;
    case 'set-room-status':
      return roomStatusOf(live.roomStatus, command.room, command.day) === command.status;
    case 'set-emergency':
      return live.emergency === command.on && (!command.on || (command.text ?? null) === live.emergencyText);
    case 'set-announcements':
      return live.showAnnouncements === command.show;
    case 'post-announcement': {
      const had = live.announcements.find((a) => a.id === command.id);
      return had !== undefined && JSON.stringify(had) === JSON.stringify(announcementOf(command));
    }
    case 'stop-announcement':
      return !live.announcements.some((a) => a.id === command.id);
    case 'undo':
      return false;
  }
}

/**
 * Whether a command made against `version` would overwrite a change made since:
 * one of the remembered changes after it touched the same thing, or the version
 * is older than anything remembered (then nobody can tell, so it is stale).
 */
export function isStale(version: number, current: number, command: LiveCommand, history: readonly UndoEntry[]): boolean {
  if (version >= current) return false;
  const oldest = history[0];
  if (oldest === undefined || version < oldest.version - 1) return true;
  return history.some((h) => h.version > version && h.key === keyOf(command));
}

/** A value-setting command applied: the new shared values (version unchanged), and the command that undoes it. */
export function setValue(
  live: LiveState,
  command: Exclude<LiveCommand, { type: 'undo' }>,
  now: number,
): { live: LiveState; undo: LiveCommand } {
  switch (command.type) {
    case 'set-delay': {
      const { room, day, minutes } = command;
      const others = live.delays.filter((d) => !(d.room === room && d.day === day));
      // One entry per room and day; `since` is the last change, so items already over keep their times.
      const delays = minutes === 0 ? others : [...others, { room, day, minutes, since: now }];
      return { live: { ...live, delays }, undo: { type: 'set-delay', room, day, minutes: delayOf(live.delays, room, day) } };
    }
    case 'set-room-status': {
      const { room, day, status } = command;
      const others = live.roomStatus.filter((s) => !(s.room === room && s.day === day));
      const roomStatus = status === 'open' ? others : [...others, { room, day, status, since: now }];
      return {
        live: { ...live, roomStatus },
        undo: { type: 'set-room-status', room, day, status: roomStatusOf(live.roomStatus, room, day) },
      };
    }
    case 'set-emergency':
      return {
        live: { ...live, emergency: command.on, emergencyText: command.on ? (command.text ?? null) : null },
        undo: {
          type: 'set-emergency',
          on: live.emergency,
          ...(live.emergency && live.emergencyText !== null ? { text: live.emergencyText } : {}),
        },
      };
    case 'post-announcement': {
      const posted = announcementOf(command);
      const had = live.announcements.find((a) => a.id === posted.id);
      const announcements = had
        ? live.announcements.map((a) => (a.id === posted.id ? posted : a))
        : [...live.announcements, posted];
      return { live: { ...live, announcements }, undo: had ? postOf(had) : { type: 'stop-announcement', id: posted.id } };
    }
    case 'stop-announcement': {
      const had = live.announcements.find((a) => a.id === command.id);
      const announcements = live.announcements.filter((a) => a.id !== command.id);
      // A stop of one already gone changes nothing (holds() says so first); its undo is then itself.
      return { live: { ...live, announcements }, undo: had ? postOf(had) : command };
    }
    case 'set-announcements':
      return {
        live: { ...live, showAnnouncements: command.show },
        undo: { type: 'set-announcements', show: live.showAnnouncements },
      };
  }
}

function describeWhere(where: LiveAnnouncement['where'], roomName: (id: string) => string): SaidValue {
  switch (where.type) {
    case 'all':
      return said('audit.where.all');
    case 'group':
      return said('audit.where.group', { group: where.group });
    case 'rooms':
      return { list: where.rooms.map(roomName) };
    case 'view':
      return said(`audit.where.${where.view}`);
  }
}

/**
 * What a command changes, as data a staff page says in its language (core/i18n/said.ts); english() of it is the
 * audit log's line. Room names and announcement texts go in as they are: they are the program's and staff's words.
 */
export function describeCommand(command: LiveCommand, before: LiveState, roomName: (id: string) => string): Said {
  switch (command.type) {
    case 'set-delay': {
      const { room, day, minutes } = command;
      return said('audit.delay', { room: roomName(room), day: { day }, from: delayOf(before.delays, room, day), to: minutes });
    }
    case 'set-room-status': {
      const was: RoomStatus = roomStatusOf(before.roomStatus, command.room, command.day);
      return said('audit.status', {
        room: roomName(command.room),
        day: { day: command.day },
        from: said(`audit.status.${was}`),
        to: said(`audit.status.${command.status}`),
      });
    }
    case 'set-emergency':
      if (!command.on) return said('audit.emergencyOff');
      return command.text === undefined
        ? said('audit.emergencyOn')
        : said('audit.emergencyOnText', { text: short(command.text) });
    case 'set-announcements':
      return said(command.show ? 'audit.announcementsShown' : 'audit.announcementsHidden');
    case 'post-announcement': {
      const replaces = before.announcements.some((a) => a.id === command.id);
      const high = command.priority === 'high';
      const key = replaces ? (high ? 'audit.changedHigh' : 'audit.changed') : high ? 'audit.postedHigh' : 'audit.posted';
      return said(key, { where: describeWhere(command.where, roomName), text: short(command.text) });
    }
    case 'stop-announcement': {
      const had = before.announcements.find((a) => a.id === command.id);
      return had ? said('audit.stopped', { text: short(had.text) }) : said('audit.stoppedId', { id: command.id });
    }
    case 'undo':
      return said('audit.undoVersion', { version: command.version });
  }
}

/**
 * Drops what belongs to days before yesterday in the event zone (a day may run
 * past midnight): the state holds today and what is planned, never a log.
 */
export function prune(live: LiveState, now: number, zone: string): LiveState {
  const keepFrom = DateTime.fromMillis(now, { zone }).minus({ days: 1 }).toISODate()!;
  const delays = live.delays.filter((d) => d.day >= keepFrom);
  const roomStatus = live.roomStatus.filter((s) => s.day >= keepFrom);
  const announcements = withoutEnded(live.announcements, now);
  if (
    delays.length === live.delays.length &&
    roomStatus.length === live.roomStatus.length &&
    announcements.length === live.announcements.length
  )
    return live;
  return { ...live, delays, roomStatus, announcements };
}

/**
 * A state saved before delays were one entry per room and day (every press its
 * own entry): each room and day becomes one entry with the net minutes, set at
 * the last press.
 */
export function migrateDelays(delays: readonly Delay[]): Delay[] {
  const merged = new Map<string, Delay>();
  for (const d of delays) {
    const key = `${d.room}\u0000${d.day}`;
    const had = merged.get(key);
    merged.set(key, had ? { ...d, minutes: had.minutes + d.minutes, since: Math.max(had.since, d.since) } : d);
  }
  return [...merged.values()].filter((d) => d.minutes !== 0);
}
