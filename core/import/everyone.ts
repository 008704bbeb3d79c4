/**
 * Which imported sessions are for everyone (`"everyone": true`): exports have
 * no such field, so Foyer reads it from what they do say. A session is for
 * everyone when its title, type or track names it a keynote, plenary, opening
 * or closing, and nothing else takes place at the same time in another room.
 * Both, because either alone misleads on real exports: FOSDEM's devrooms each
 * have an "opening", in parallel with forty rooms; a lone late-night talk has
 * no parallel and is no plenary.
 */
import type { DraftSession } from './draft.ts';

const PLENARY = /\b(keynotes?|plenary|opening|closing)\b/i;

/** The indexes of `sessions` that are for everyone. */
export function venueWide(sessions: readonly DraftSession[]): Set<number> {
  const wide = new Set<number>();
  const span = (s: DraftSession) => ({ start: s.start.toMillis(), end: s.end?.toMillis() ?? s.start.toMillis() });
  sessions.forEach((s, index) => {
    if (s.room === undefined || s.cancelled || !s.end) return;
    if (!PLENARY.test([s.title, s.type, s.track].filter(Boolean).join(' '))) return;
    const { start, end } = span(s);
    if (end <= start) return;
    const parallel = sessions.some((other) => {
      if (other === s || other.cancelled || (other.room !== undefined && other.room === s.room)) return false;
      const o = span(other);
      // An open-ended session overlaps when it starts inside this one.
      return o.end > o.start ? o.start < end && o.end > start : o.start >= start && o.start < end;
    });
    if (!parallel) wide.add(index);
  });
  return wide;
}
