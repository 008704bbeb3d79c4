/**
 * Entry: the board's stylesheets, the polyfills, and the board itself (start.tsx), a chunk of its own that runs once
 * the hub's first board (if the page has one) has been painted. Run at once, its start (React, the zones, the first
 * render and fit) held the first paint back by all of that (npm run bench, start-up); the first board is already
 * fitted (first-board/first-fit.ts), so the takeover after the paint changes nothing on screen.
 */
import './polyfills.ts';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './fonts/noto-sans-arabic/arabic.css';
import './styles/base.css';
import './styles/old-engines.css';
import { FIRST_BOARD } from '../../core/hub/api.ts';
import { signalFailed } from './boot/signals.ts';

/** After the next frame's paint (a timeout queued from its animation-frame callback), or 100 ms where none comes. */
function afterFirstPaint(): Promise<void> {
  if (document.getElementById(FIRST_BOARD.seedId) === null) return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
    // A frozen clock (a test's, or a player's throttled timers) must not hold the board back: a message is no timer.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    requestAnimationFrame(() => channel.port2.postMessage(null));
    // Under a frozen clock animation frames do not come either: the paint itself says when. A paint that came before
    // this script ran is already in the timeline (an observer would wait for the next one, which may never come), so
    // the observer asks for the buffered entries too: the timeline itself may be a stand-in that holds none (a faked
    // clock's `performance`). The contentful one: a first paint of the background alone (the hub's board hidden until
    // the first fit has run, first-board/until-fitted.css) came before the board was shown, and React's start would
    // hold the board back.
    if ('PerformanceObserver' in window) {
      try {
        const contentful = (entries: PerformanceEntryList): boolean =>
          entries.some((entry) => entry.name === 'first-contentful-paint');
        if (contentful(performance.getEntriesByType('paint'))) resolve();
        else {
          const observer = new PerformanceObserver((list) => contentful(list.getEntries()) && resolve());
          try {
            observer.observe({ type: 'paint', buffered: true });
          } catch {
            // Chromium before 81 knows only the list of types, with no buffered entries.
            observer.observe({ entryTypes: ['paint'] });
          }
        }
      } catch {
        /* no paint entries: the timers above */
      }
    }
  });
}

// A chunk that does not load is a board that cannot start: the boot guard says so and retries.
afterFirstPaint()
  .then(() => import('./start.tsx'))
  .catch(signalFailed);
