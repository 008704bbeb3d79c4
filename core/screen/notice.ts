/**
 * What a screen says for a few seconds when a staff key changed nothing: kept as data in the screen's state and put
 * into words where it is drawn, so a kiosk's main process (which has no language) and a browser board alike show it
 * in the screen's language (core/i18n), and logs and the hub's tests read the same sentence in English.
 */
import { clockTime, t } from '../i18n/index.ts';

export type Notice =
  /** The screen holds no staff token. */
  | { reason: 'no-token'; host: 'web' | 'electron' }
  /** The hub said 401: the token is wrong (or was replaced). */
  | { reason: 'wrong-token' }
  /** The hub said 429. */
  | { reason: 'too-many' }
  /** The hub cannot be reached; since when (epoch ms), in the event zone. */
  | { reason: 'offline'; since: number; zone: string }
  /** The hub takes no changes at all: it was started without a staff token. */
  | { reason: 'hub-no-token' }
  /** The hub has no program yet. */
  | { reason: 'hub-no-program' }
  /** The hub could not save the change (its disk). */
  | { reason: 'hub-not-saved' }
  /** Any other answer: the hub's own words, in English (core/hub/rules/refusal.ts lists the ones said in words). */
  | { reason: 'hub'; status: number; error: string }
  /** A key that acts on one room, pressed on a screen of several. */
  | { reason: 'choose-room' }
  /** A key pressed before the screen has a program: there is no day or room it could act on yet. */
  | { reason: 'not-ready' }
  /** The command could not be sent at all (a fault of the screen's own, not the hub's answer). */
  | { reason: 'not-sent'; error: string };

export function noticeText(notice: Notice): string {
  switch (notice.reason) {
    case 'no-token':
      return t(notice.host === 'web' ? 'notice.noTokenWeb' : 'notice.noTokenKiosk');
    case 'wrong-token':
      return t('notice.wrongToken');
    case 'too-many':
      return t('notice.tooMany');
    case 'offline':
      return t('notice.offline', { time: clockTime(notice.since, notice.zone) });
    case 'hub-no-token':
      return t('notice.hubNoToken');
    case 'hub-no-program':
      return t('notice.hubNoProgram');
    case 'hub-not-saved':
      return t('notice.hubNotSaved');
    case 'hub':
      return t('notice.hubRefused', { status: String(notice.status), error: notice.error });
    case 'choose-room':
      return t('notice.chooseRoom');
    case 'not-ready':
      return t('notice.notReady');
    case 'not-sent':
      return t('notice.notSent', { error: notice.error });
  }
}
