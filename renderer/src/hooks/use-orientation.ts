/** Portrait or landscape: each view arranges itself for the screen it is on, and again when the window turns. */
import { createContext, useContext, useSyncExternalStore } from 'react';

const PORTRAIT = '(orientation: portrait)';

function subscribe(listener: () => void): () => void {
  const query = matchMedia(PORTRAIT);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/**
 * The hub renders the first board without a window (first-board/render.tsx), once for each shape of screen: this
 * says which. Landscape unless told.
 */
export const PortraitOnServer = createContext(false);

export function usePortrait(): boolean {
  const onServer = useContext(PortraitOnServer);
  return useSyncExternalStore(
    subscribe,
    () => matchMedia(PORTRAIT).matches,
    () => onServer,
  );
}
