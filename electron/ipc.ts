/**
 * The main process's side of the typed contract (core/host-contract.ts), and the
 * only importer of ipcMain (a lint rule holds everyone else to that). Checklist
 * #17 (validate the sender of all IPC messages): a request is answered only
 * for the kiosk window's own top frame showing the app, and a push goes only
 * to that window while it shows the app.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { InvokeChannel, InvokeChannels, PushChannel, PushChannels } from '../core/host-contract.ts';
import type { Log } from './log.ts';
import { isAppUrl, isTrustedSender } from './request-policy.ts';

export class KioskIpc {
  private readonly board: () => WebContents | null;
  private readonly log: Log;

  /** `board` is the kiosk window's webContents, or null while there is none. */
  constructor(board: () => WebContents | null, log: Log) {
    this.board = board;
    this.log = log;
  }

  /** Answers `channel`; whatever else asks gets an error and a line in the log, and `answer` never runs. */
  handle<C extends InvokeChannel>(channel: C, answer: () => InvokeChannels[C] | Promise<InvokeChannels[C]>): void {
    ipcMain.handle(channel, (event) => {
      if (!this.trusted(event)) {
        this.log(`ignored ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        throw new Error('not allowed');
      }
      return answer();
    });
  }

  push<C extends PushChannel>(channel: C, payload: PushChannels[C]): void {
    const board = this.board();
    if (board === null || board.isDestroyed() || !isAppUrl(board.getURL())) return;
    board.send(channel, payload);
  }

  private trusted(event: IpcMainInvokeEvent): boolean {
    const board = this.board();
    return isTrustedSender(
      {
        frameUrl: event.senderFrame?.url ?? null,
        isMainFrame: event.senderFrame?.parent === null,
        webContentsId: event.sender.id,
      },
      board !== null && !board.isDestroyed() ? board.id : null,
    );
  }
}
