/**
 * Keys pressed before the board listens. The hub's first board is on screen up to a second before the board's script
 * has created its host (host/browser-host.ts), which alone acts on keys: a staff member's key pressed then was lost.
 * The boot guard (a classic script of its own, run as the parser reaches it) starts recording here; the browser host
 * takes what was pressed, which stops the recording, and acts on it before any live key. The two are separate
 * bundles sharing no module state, so the record is a property of the window (no inline script under the CSP).
 */

/** What the board reads of a key press (host/browser-host.ts: keyEventOf). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'repeat'>;

interface EarlyKeys {
  keys: KeyPress[];
  stop(): void;
}

/** Where the keys are recorded: the window (or, in a test, any event target). */
export interface KeyPlace extends Pick<EventTarget, 'addEventListener' | 'removeEventListener'> {
  foyerEarlyKeys?: EarlyKeys;
  /** The kiosk's host (Electron's preload, there before any script of the page). */
  foyer?: unknown;
}

/** Far more than a staff member presses before even a slow start; a page left unstarted does not grow without end. */
export const EARLY_KEY_LIMIT = 20;

/** Starts recording key presses on `place` (the boot guard, as early as the page runs script). */
export function recordEarlyKeys(place: KeyPlace): void {
  // The kiosk reads keys in its main process before the page sees them: nothing here would ever take them.
  if (place.foyer !== undefined || place.foyerEarlyKeys !== undefined) return;
  const keys: KeyPress[] = [];
  const record = (event: Event): void => {
    const { key, ctrlKey, altKey, metaKey, shiftKey, repeat } = event as KeyboardEvent;
    // A held key acts once (the controller ignores its repeats): they are not kept, nor fill the record.
    if (!repeat && keys.length < EARLY_KEY_LIMIT) keys.push({ key, ctrlKey, altKey, metaKey, shiftKey, repeat });
  };
  // Captured: nothing on the page can stop a key on its way before it is kept.
  place.addEventListener('keydown', record, true);
  place.foyerEarlyKeys = { keys, stop: () => place.removeEventListener('keydown', record, true) };
}

/**
 * The keys pressed since recording began, oldest first; recording stops, so a key is taken once. Called in the same
 * task as the caller starts listening itself: no key falls between the two.
 */
export function takeEarlyKeys(place: KeyPlace): KeyPress[] {
  const early = place.foyerEarlyKeys;
  if (early === undefined) return [];
  early.stop();
  delete place.foyerEarlyKeys;
  return early.keys;
}
