/**
 * The kiosk's screen state: what staff last chose (saved at once, atomically,
 * in the user data folder) under the technician's flags, steered through the
 * shared controller.
 */
import type { ClockSpec } from '../core/screen/clock.ts';
import { StateStore } from '../core/node/state-store.ts';
import { ScreenController, type SharedChannel } from '../core/screen/controller.ts';
import type { SleepHours } from '../core/screen/sleep.ts';
import { DEFAULT_SCREEN_STATE, type ScreenState } from '../core/screen/state.ts';
import type { Log } from './log.ts';
import type { KioskOptions } from './options.ts';

export interface KioskScreenDeps {
  clock: ClockSpec;
  changed(state: ScreenState): void;
  log: Log;
  /** The hub's command channel (--hub); absent: shared keys change this screen's own copy. */
  shared?: SharedChannel;
  sleep?: SleepHours | null;
}

export function openKioskScreen(
  options: Pick<KioskOptions, 'screenName' | 'room' | 'group' | 'rooms' | 'view'>,
  stateFile: string,
  deps: KioskScreenDeps,
): ScreenController {
  const store = new StateStore(stateFile, deps.log);
  const saved = store.load(DEFAULT_SCREEN_STATE);
  // Flags are the technician's standing configuration: they win over what staff last chose.
  // --group and --rooms together say which rooms the screen shows; given either, the
  // screen starts on all of them (unless --room names one), whatever staff last chose.
  const selection = options.group !== null || options.rooms !== null;
  const initial: ScreenState = {
    ...saved,
    ...(options.screenName !== null ? { name: options.screenName } : {}),
    ...(selection ? { group: options.group, rooms: options.rooms, room: null } : {}),
    ...(options.room !== null ? { room: options.room } : {}),
    ...(options.view !== null ? { view: options.view } : {}),
  };
  return new ScreenController(initial, { ...deps, save: (state) => store.save(state) });
}
