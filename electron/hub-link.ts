/**
 * The kiosk and the venue's hub (`--hub`): who this screen is to the hub, and
 * the wiring once the feed has a hub client: its live state shown here, the
 * fleet page's messages obeyed, heartbeats sent.
 */
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import type { HubClient } from '../core/hub-client/node-transport.ts';
import type { ScreenController } from '../core/screen/controller.ts';
import { readOrCreateScreenId } from '../core/node/places.ts';
import { readToken } from '../core/node/staff-token.ts';
import { reportToFleet } from './fleet-report.ts';
import { lastProblem, type Log } from './log.ts';
import type { KioskOptions } from './options.ts';

/** A lasting id for this screen (kept in userData) and the staff token, when the technician gave one that reads. */
export function hubIdentity(options: Pick<KioskOptions, 'tokenFile'>, userData: string, log: Log) {
  const screenId = readOrCreateScreenId(join(userData, 'screen-id'));
  let token: string | null = null;
  if (options.tokenFile !== null) {
    try {
      token = readToken(options.tokenFile);
    } catch (error) {
      log(`${(error as Error).message}; shared keys will be refused`);
    }
  }
  return { screenId, token };
}

/** Shows the hub's live state on this screen, obeys the fleet page and reports to it; returns stop. */
export function linkToHub(
  hub: HubClient,
  kiosk: ScreenController,
  deps: { screenId: string; appVersion: string; win: BrowserWindow; log: Log },
): () => void {
  const { win, log } = deps;
  hub.onLive((live) => kiosk.applyShared(live));
  hub.onMessage((message) => {
    log(`fleet page: ${message.type}`);
    if (kiosk.obey(message) === 'reload' && !win.isDestroyed()) win.webContents.reload();
  });
  return reportToFleet({
    appVersion: deps.appVersion,
    screen: kiosk,
    hub,
    window: () => {
      const [width = 0, height = 0] = win.isDestroyed() ? [] : win.getContentSize();
      return { width, height };
    },
    lastError: lastProblem,
  });
}
