/**
 * What the control page (/control) reads from GET /api/control with the staff
 * token: the open feed (per room today's delay, status, current and next item,
 * computed by the engine on the hub) and the changes undo can take back, with
 * their authors (for staff only: the feed itself is public).
 */
import type { UndoEntry } from '../api.ts';
import type { LiveFeed } from './feed.ts';

export interface ControlView {
  feed: LiveFeed;
  /** The live-state version the feed shows: commands from the page are made against it. */
  version: number;
  /** The last changes, newest first; only the newest can be undone. */
  undo: UndoEntry[];
}
