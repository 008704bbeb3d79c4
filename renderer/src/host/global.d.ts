import type { FoyerHost } from '../../../core/host-contract.ts';

declare global {
  interface Window {
    /** The Electron preload's host; absent in a browser. */
    foyer?: FoyerHost;
  }
}
