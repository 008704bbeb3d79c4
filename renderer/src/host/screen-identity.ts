/**
 * Who a browser screen is to the hub's fleet: each tab is its own screen. Its id is kept in the tab's
 * sessionStorage, so a reload keeps it and a second tab (or a browser started again) gets its own; so is the
 * secret the hub issued to that id (core/hub/api.ts HeartbeatAnswer), which only this tab's heartbeats carry. Its
 * name comes from the URL (`?name=`), else a default that tells tabs apart ("Browser board 3f2a", from the id).
 * The boot guard (boot/guard.ts) reports a board that cannot start under the same id, name and secret.
 */
import type { SecretPlace } from '../../../core/hub-client/session.ts';

export type TabStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

const ID_KEY = 'foyer.screen-id';
const SECRET_KEY = 'foyer.screen-secret';

/** This tab's storage, or null where the browser refuses it (then the id lasts one page load). */
export function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** This tab's id (the fleet page's key), made once per tab and kept across reloads. */
export function screenIdOf(storage: TabStorage, randomBytes: (count: number) => Uint8Array): string {
  try {
    const known = storage?.getItem(ID_KEY);
    if (known) return known;
  } catch {
    // no storage: a new id per page load
  }
  const id = `web-${Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  try {
    storage?.setItem(ID_KEY, id);
  } catch {
    // same
  }
  return id;
}

/** The screen's name as its URL gives it (`?name=`, trimmed, at most 200 characters), else one from its id. */
export function screenNameOf(search: string, id: string): string {
  const name = (new URLSearchParams(search).get('name') ?? '').trim().slice(0, 200);
  return name || `Browser board ${id.slice(-4)}`;
}

/** The hub's secret for this tab's id, beside the id (in memory too, for a browser that refuses storage). */
export function secretPlaceOf(storage: TabStorage): SecretPlace {
  let kept: string | null = null;
  return {
    read() {
      try {
        return storage?.getItem(SECRET_KEY) ?? kept;
      } catch {
        return kept;
      }
    },
    write(secret) {
      kept = secret;
      try {
        storage?.setItem(SECRET_KEY, secret);
      } catch {
        // kept in memory
      }
    },
  };
}
