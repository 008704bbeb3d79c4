/**
 * URL options: how a signage player is configured and how staff rehearse a day.
 * `at` stays text until the program (and so the event zone) is known.
 */
import { DEFAULT_PAGE_MS, pageInterval } from '../../core/engine/room-pages.ts';
import { roomIdsOf } from '../../core/engine/screen-rooms.ts';
import { checkDisplayValue, type DisplaySettings } from '../../core/layout/sizing.ts';
import { VIEWS, type View } from '../../core/screen/state.ts';

export type Theme = 'light' | 'dark';

export interface BoardOptions {
  /** The instant the clock starts from, as written in the URL. */
  at: string | null;
  /** Clock ms per real ms: 1 live, 60 or 3600 for a time-lapse, 0 a frozen clock (tests, screenshots). */
  speed: number;
  /** Room id; undefined = not given (use the host's state), '' or 'all' = all rooms. */
  room: string | null | undefined;
  /** A room group of the program (`?group=stages`); undefined = not given. */
  group: string | undefined;
  /** The rooms to show, in order (`?rooms=saal-1,saal-2`); undefined = not given. */
  rooms: string[] | undefined;
  /** `?view=board|agenda|spotlight` (the kiosk's --view; `?mode=` is its older name, still read). */
  view: View | undefined;
  theme: Theme;
  spotlightSeconds: number;
  /** How long a page of the all-rooms table shows (`?pages=` seconds), never under 7 s. */
  pageMs: number;
  /** `?lang=de` or `?lang=de,en` (the kiosk's --lang): the screen's language(s), first one first; undefined = the program's. */
  lang: string[] | undefined;
  /** `?clock=12` or `?clock=24` (the kiosk's --clock); undefined = the program's. */
  clock: '12' | '24' | undefined;
  /** `distance` (metres) and `diagonal` (inches), as the kiosk's --distance and --diagonal; out-of-range values are ignored. */
  display: Partial<DisplaySettings>;
}

export function parseQuery(search: string): BoardOptions {
  const q = new URLSearchParams(search);
  const speed = Number(q.get('speed') || '1');
  const spotlight = Number(q.get('spotlight') ?? '15');
  const room = q.get('room');
  const view = q.get('view') ?? q.get('mode');
  const group = q.get('group')?.trim();
  const rooms = roomIdsOf(q.get('rooms') ?? '');
  const pages = Number(q.get('pages') ?? NaN);
  const lang = (q.get('lang') ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter((l) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l));
  const clock = q.get('clock');
  return {
    at: q.get('at'),
    speed: Number.isFinite(speed) && speed >= 0 ? speed : 1,
    room: room === null ? undefined : room === '' || room === 'all' ? null : room,
    group: group ? group : undefined,
    rooms: rooms.length > 0 ? rooms : undefined,
    view: VIEWS.includes(view as View) ? (view as View) : undefined,
    theme: q.get('theme') === 'light' ? 'light' : 'dark',
    spotlightSeconds: Number.isFinite(spotlight) && spotlight >= 2 ? spotlight : 15,
    pageMs: Number.isFinite(pages) ? pageInterval(pages * 1000) : DEFAULT_PAGE_MS,
    lang: lang.length > 0 ? lang : undefined,
    clock: clock === '12' || clock === '24' ? clock : undefined,
    display: displayOf(q),
  };
}

function displayOf(q: URLSearchParams): Partial<DisplaySettings> {
  const out: Partial<DisplaySettings> = {};
  const distance = Number(q.get('distance') ?? NaN);
  const diagonal = Number(q.get('diagonal') ?? NaN);
  if (checkDisplayValue('viewingDistance', distance) === null) out.viewingDistance = distance;
  if (checkDisplayValue('diagonal', diagonal) === null) out.diagonal = diagonal;
  return out;
}
