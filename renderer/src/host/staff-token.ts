/**
 * The staff token in a browser: handed over once in the address's fragment
 * (`#staff=TOKEN`, never sent to any server by the browser), kept in the
 * browser's storage for this origin, and removed from the address bar at once
 * so it is not left on screen, in a screenshot or in the history. `#staff=`
 * with nothing after it forgets the token.
 */
const KEY = 'foyer.staff-token';

export interface TokenPlace {
  /** location.hash */
  hash: string;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Replaces the address without the fragment (history.replaceState). */
  clearFragment(): void;
}

export function takeStaffToken(place: TokenPlace): string | null {
  const fragment = new URLSearchParams(place.hash.replace(/^#/, ''));
  if (fragment.has('staff')) {
    const token = fragment.get('staff')!.trim();
    try {
      if (token === '') place.storage?.removeItem(KEY);
      else place.storage?.setItem(KEY, token);
    } catch {
      // Storage refused (private mode): the token still works until the page reloads.
      place.clearFragment();
      return token || null;
    }
    place.clearFragment();
  }
  try {
    return place.storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

/** After the hub refused it: the token is wrong or was replaced, so it is forgotten. */
export function forgetStaffToken(storage: TokenPlace['storage']): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}
