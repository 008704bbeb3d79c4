/**
 * Two languages on one screen (`?lang=de,en`): the labels take turns every 10 s on the screen's clock, switching on
 * multiples of 10 s. Every screen of a venue reads the same clock, so neighbouring screens show the same language
 * at the same moment and switch together, with no word between them. Multiples of 10 s since the epoch are
 * multiples of 10 s in every zone (zone offsets are whole minutes), so the event zone's clock gives the same turns.
 */

/** How long each language stays: long enough to read a panel's labels, short enough that a passer-by sees theirs. */
export const LANGUAGE_TURN_MS = 10_000;

/** Which of `count` languages is shown at the clock reading `clockMs`. */
export function languageTurn(clockMs: number, count: number, turnMs = LANGUAGE_TURN_MS): number {
  if (count < 2 || !Number.isFinite(clockMs)) return 0;
  const turn = Math.floor(clockMs / turnMs);
  return ((turn % count) + count) % count;
}

/** The clock reading at which the next turn begins. */
export function nextTurnAt(clockMs: number, turnMs = LANGUAGE_TURN_MS): number {
  return (Math.floor(clockMs / turnMs) + 1) * turnMs;
}
