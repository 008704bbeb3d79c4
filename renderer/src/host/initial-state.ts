/**
 * The browser screen's state before anything happened on it: the defaults, its name and what the URL asks for,
 * with the venue's live state when it is known. The page's host starts from it, and the hub renders the first
 * board from it (first-board/render.tsx): the same state both times, so the takeover changes nothing.
 */
import type { LiveState } from '../../../core/hub/api.ts';
import { DEFAULT_SCREEN_STATE, type ScreenState } from '../../../core/screen/state.ts';
import type { BoardOptions } from '../query.ts';
import type { ScreenOptions } from './screen-options.ts';

export function initialScreenState(options: BoardOptions, screen: ScreenOptions, live: LiveState | null = null): ScreenState {
  const state: ScreenState = {
    ...DEFAULT_SCREEN_STATE,
    name: screen.name,
    room: options.room ?? null,
    group: options.group ?? null,
    rooms: options.rooms ?? null,
    view: options.view ?? 'board',
  };
  if (live === null) return state;
  const { delays, showAnnouncements, emergency, emergencyText, roomStatus, announcements } = live;
  return { ...state, delays, showAnnouncements, emergency, emergencyText, roomStatus, announcements };
}
