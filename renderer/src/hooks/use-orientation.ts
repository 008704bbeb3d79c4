/** Portrait or landscape: each view arranges itself for the screen it is on, and again when the window turns. */
import { useSyncExternalStore } from 'react';

const PORTRAIT = '(orientation: portrait)';

function subscribe(listener: () => void): () => void {
  const query = matchMedia(PORTRAIT);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** The hub renders the first board without a window (first-board/render.tsx): landscape, as most screens are. */
const landscapeOnServer = (): boolean => false;

export function usePortrait(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(PORTRAIT).matches, landscapeOnServer);
}
