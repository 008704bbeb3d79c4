/**
 * What the control page (/control) reads from GET /api/control with the staff
 * token: the open feed (per room today's delay, status, current and next item,
 * computed by the engine on the hub) and the changes undo can take back, with
 * their authors (for staff only: the feed itself is public).
 */
import type { UndoEntry } from '../api.ts';
import type { CustomCatalogues } from '../../i18n/catalogue-file.ts';
import type { LiveAnnouncement } from '../../screen/announcements.ts';
import type { LiveFeed } from './feed.ts';

export interface ControlView {
  feed: LiveFeed;
  /** The live-state version the feed shows: commands from the page are made against it. */
  version: number;
  /** The last changes, newest first; only the newest can be undone. */
  undo: UndoEntry[];
  /** Announcements written on the day, showing or scheduled (ended ones are gone). */
  announcements: LiveAnnouncement[];
  /** The program file's announcements: ready-made texts to pick. */
  ready: { id: string; text: string; priority: 'normal' | 'high' }[];
  /** The program's room groups, for "where". */
  groups: { id: string; name: string }[];
  /** The emergency message's own text while it is on with one. */
  emergencyText: string | null;
  /** What the screens say in an emergency without a text of its own: offered in the text field. */
  emergencyDefault: string;
  /** The page's language and clock unless its URL says (`?lang=`, `?clock=`): the program's, as on the boards. */
  locale: string | null;
  clock: '12' | '24' | null;
  /** The catalogue files beside the program (languages/), whose words win over the shipped ones. */
  catalogues?: CustomCatalogues;
}
