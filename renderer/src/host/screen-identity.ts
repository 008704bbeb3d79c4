/**
 * Who a browser screen is to the hub's fleet: each tab is its own screen. Its id is kept in the tab's
 * sessionStorage, so a reload keeps it and a second tab (or a browser started again) gets its own; so is the
 * secret the hub issued to that id (core/hub/api.ts HeartbeatAnswer), which only this tab's heartbeats carry. Its
 * name comes from the URL (`?name=`), else a default that tells tabs apart ("Browser board 3f2a", from the id).
 * A tab the browser duplicated (its session storage copied) is told apart and takes an id of its own (keepIdOwn).
 * The boot guard (boot/guard.ts) reports a board that cannot start under the same id, name and secret.
 */
import type { SecretPlace } from '../../../core/hub-client/session.ts';

export type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;

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

/** What keepIdOwn uses of a BroadcastChannel (one per origin, shared by the tabs). */
export interface TabChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/**
 * A duplicated tab (Duplicate tab, a board opened with window.open) starts with a copy of its tab's session storage,
 * so as the same screen: its rows would flip between the two. Each board tells the others the id it starts with;
 * a tab already holding that id answers, and the copy forgets the id and its secret and calls `renew` (the page
 * reloads as a new screen). Engines without BroadcastChannel keep the shared id.
 */
export function keepIdOwn(id: string, storage: TabStorage, renew: () => void, channel: TabChannel | null): void {
  if (channel === null) return;
  let renewed = false;
  channel.onmessage = (event) => {
    const message = event.data as { claim?: unknown; taken?: unknown } | null;
    if (message?.claim === id) channel.postMessage({ taken: id });
    else if (message?.taken === id && !renewed) {
      renewed = true;
      try {
        storage?.removeItem(ID_KEY);
        storage?.removeItem(SECRET_KEY);
      } catch {
        // no storage: the reload makes a new id anyway
      }
      renew();
    }
  };
  channel.postMessage({ claim: id });
}

/** The tabs' channel, or null where the engine has none. */
export function tabChannel(): TabChannel | null {
  try {
    return typeof BroadcastChannel === 'function' ? (new BroadcastChannel('foyer.screen-ids') as TabChannel) : null;
  } catch {
    return null;
  }
}
