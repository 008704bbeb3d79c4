/** The page side of chromium-screen.ts: the harness over the browser's own transport (EventSource, fetch). */
import { eventSourceTransport } from '../../../renderer/src/host/hub-transport.ts';
import { startScreen, type Screen, type ScreenSetup } from './screen-harness.ts';

declare global {
  interface Window {
    hubScreen: { start(setup: ScreenSetup): void; screen: Screen | null };
  }
}

window.hubScreen = {
  screen: null,
  start(setup) {
    this.screen = startScreen(eventSourceTransport(), setup);
  },
};
