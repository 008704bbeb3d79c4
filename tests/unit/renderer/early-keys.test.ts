/**
 * The early-key record (renderer/src/boot/early-keys.ts): keys pressed before the board's host listens are kept,
 * in order, at most EARLY_KEY_LIMIT, and taken once; after the take the page's keys are the host's alone. The
 * place is a plain EventTarget, as the window is one; the keys are real dispatched events.
 */
import { describe, expect, it } from 'vitest';
import { EARLY_KEY_LIMIT, recordEarlyKeys, takeEarlyKeys, type KeyPlace } from '../../../renderer/src/boot/early-keys.ts';

function keydown(place: EventTarget, key: string, more: { shiftKey?: boolean; ctrlKey?: boolean; repeat?: boolean } = {}): void {
  const event = Object.assign(new Event('keydown'), {
    key,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    shiftKey: false,
    repeat: false,
    ...more,
  });
  place.dispatchEvent(event);
}

describe('keys pressed while the board starts', () => {
  it('are kept in order with their modifiers, and taken once', () => {
    const place: KeyPlace & EventTarget = new EventTarget();
    recordEarlyKeys(place);
    keydown(place, 'a');
    keydown(place, '?', { shiftKey: true });
    keydown(place, 'q', { ctrlKey: true });
    expect(takeEarlyKeys(place)).toEqual([
      { key: 'a', ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, repeat: false },
      { key: '?', ctrlKey: false, altKey: false, metaKey: false, shiftKey: true, repeat: false },
      { key: 'q', ctrlKey: true, altKey: false, metaKey: false, shiftKey: false, repeat: false },
    ]);
    // Taken: the host listens now; a later key is its own, not kept for a second take.
    keydown(place, 'b');
    expect(takeEarlyKeys(place)).toEqual([]);
  });

  it('a held key is kept once; no more than the limit is kept', () => {
    const place: KeyPlace & EventTarget = new EventTarget();
    recordEarlyKeys(place);
    keydown(place, '+');
    for (let i = 0; i < 30; i++) keydown(place, '+', { repeat: true });
    for (let i = 0; i < EARLY_KEY_LIMIT + 5; i++) keydown(place, String(i % 10));
    const keys = takeEarlyKeys(place).map((k) => k.key);
    expect(keys).toHaveLength(EARLY_KEY_LIMIT);
    expect(keys.slice(0, 3)).toEqual(['+', '0', '1']);
  });

  it('nothing is recorded in the kiosk, whose main process reads the keys', () => {
    const place: KeyPlace & EventTarget = Object.assign(new EventTarget(), { foyer: {} });
    recordEarlyKeys(place);
    keydown(place, 'a');
    expect(takeEarlyKeys(place)).toEqual([]);
  });

  it('a second start keeps the first record: no key is kept twice', () => {
    const place: KeyPlace & EventTarget = new EventTarget();
    recordEarlyKeys(place);
    recordEarlyKeys(place);
    keydown(place, 'i');
    expect(takeEarlyKeys(place).map((k) => k.key)).toEqual(['i']);
  });
});
