/**
 * Announcements written on the day (#18): kept in the venue's live state, each
 * for some screens (all, a room group, chosen rooms, or a kind of screen), from
 * a time until a time or until stopped, normal or high priority. Which of them
 * a screen shows at an instant, and when that next changes, are decided here,
 * the same on the hub (its feed) and on every screen; the board only renders.
 */
import { t } from '../i18n/index.ts';
import type { Program } from '../program/schema.ts';
import type { View } from './views.ts';

/** One sentence on a screen: at most this many characters. */
export const ANNOUNCEMENT_TEXT_MAX = 200;
/** Showing and scheduled at once, at most: the live state stays bounded by construction. */
export const LIVE_ANNOUNCEMENTS_MAX = 20;
/** Chosen rooms of one announcement, at most. */
export const ANNOUNCEMENT_ROOMS_MAX = 100;

/** Which screens show it: every one, a room group's, chosen rooms', or one kind of screen (the agenda is the registration desk). */
export type AnnouncementWhere =
  { type: 'all' } | { type: 'group'; group: string } | { type: 'rooms'; rooms: string[] } | { type: 'view'; view: View };

/** How staff chose its end (the instant itself is `until`): shown on the control page. */
export type AnnouncementEnds = 'time' | 'item-end' | 'day-end' | 'stopped';
export const ANNOUNCEMENT_ENDS: readonly AnnouncementEnds[] = ['time', 'item-end', 'day-end', 'stopped'];

export interface LiveAnnouncement {
  /** Chosen by the sender (or the hub); a post with the same id replaces it, a stop names it. */
  id: string;
  text: string;
  priority: 'normal' | 'high';
  where: AnnouncementWhere;
  /** Shown from this instant (epoch ms). */
  from: number;
  /** Shown until this instant (epoch ms); null: until stopped. */
  until: number | null;
  ends: AnnouncementEnds;
}

/** What a screen shows, as far as an announcement's `where` is concerned. */
export interface ScreenPlace {
  /** The one room the screen shows, or null for several. */
  room: string | null;
  /** The room group the screen shows, or null. */
  group: string | null;
  view: View;
  /** The program's room groups. */
  groups: readonly { id: string; rooms: readonly string[] }[];
}

/**
 * Bidirectional overrides and isolates (U+202A–202E, U+2066–2069): in a text they would reorder what surrounds
 * it on a screen, on the control page and in the audit log, so a text could pass for another.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether an announcement is for this screen. A screen showing several rooms is no room's screen. */
export function isFor(where: AnnouncementWhere, place: ScreenPlace): boolean {
  switch (where.type) {
    case 'all':
      return true;
    case 'group': {
      if (place.group === where.group) return true;
      const rooms = place.groups.find((g) => g.id === where.group)?.rooms ?? [];
      return place.room !== null && rooms.includes(place.room);
    }
    case 'rooms':
      return place.room !== null && where.rooms.includes(place.room);
    case 'view':
      return place.view === where.view;
  }
}

export function isShowingAt(a: LiveAnnouncement, at: number): boolean {
  return a.from <= at && (a.until === null || at < a.until);
}

/** The screen's announcements at `at`, newest first: high ones (always shown) and normal ones (rotated). */
export function announcementsFor(
  list: readonly LiveAnnouncement[],
  place: ScreenPlace,
  at: number,
): { high: LiveAnnouncement[]; normal: LiveAnnouncement[] } {
  const mine = list.filter((a) => isFor(a.where, place) && isShowingAt(a, at)).sort((a, b) => b.from - a.from);
  return { high: mine.filter((a) => a.priority === 'high'), normal: mine.filter((a) => a.priority === 'normal') };
}

/** The next instant after `at` when what the screen shows of `list` changes (one starts or ends), or null. */
export function nextAnnouncementChange(list: readonly LiveAnnouncement[], place: ScreenPlace, at: number): number | null {
  let next: number | null = null;
  for (const a of list) {
    if (!isFor(a.where, place)) continue;
    for (const t of [a.from, a.until]) if (t !== null && t > at && (next === null || t < next)) next = t;
  }
  return next;
}

/** Drops those ended before `now`: the state holds what shows and what is planned, never a log. */
export function withoutEnded(list: readonly LiveAnnouncement[], now: number): LiveAnnouncement[] {
  return list.filter((a) => a.until === null || a.until > now);
}

/** What the emergency message says: staff's own text, else the program's first high-priority announcement, else the default. */
export function emergencyTextOf(program: Program, own: string | null): string {
  return own ?? program.announcements?.find((a) => a.priority === 'high')?.text ?? t('emergency.text');
}
