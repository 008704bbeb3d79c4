/**
 * Staff hotkeys in the kiosk: read by the main process before the page sees
 * them (so they work whatever has focus), then the shared command path
 * (core/screen/controller.ts) — the same one the browser host drives. Reload
 * and quit are the effects only this shell can perform.
 */
import type { WebContents } from 'electron';
import type { ScreenController } from '../core/screen/controller.ts';
import type { Log } from './log.ts';

export interface HotkeyShell {
  reload(): void;
  quit(): void;
  log: Log;
}

export function attachHotkeys(contents: Pick<WebContents, 'on'>, controller: ScreenController, shell: HotkeyShell): void {
  contents.on('before-input-event', (event, input) => {
    const { handled, effect } = controller.handleKey(input);
    // A hotkey never reaches the page, so nothing on it can act on the key a second time.
    if (handled) event.preventDefault();
    if (effect === 'reload') {
      shell.log('reload requested by staff');
      shell.reload();
    } else if (effect === 'quit') {
      shell.log('quit confirmed by staff');
      shell.quit();
    }
  });
}
