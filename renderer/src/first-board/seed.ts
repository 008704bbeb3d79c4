/**
 * The page's side of the first board: the hub rendered the board into the page and put what it rendered from in a
 * JSON block (core/hub/api.ts FIRST_BOARD); the script starts from the same program and live state, so its first
 * render is the board already on screen, not "Loading…". Read like everything the hub sends: checked, or ignored.
 */
import { FIRST_BOARD, type FirstBoardSeed } from '../../../core/hub/api.ts';
import type { KeptState } from '../../../core/hub-client/session.ts';
import { readProgramUpdate } from '../../../core/hub-client/program-update.ts';
import { readLiveState } from '../../../core/hub/rules/wire.ts';

/** The seed in the page as the hub session's starting state (fresh: not offline), or null when there is none. */
export function firstBoardSeed(doc: Pick<Document, 'getElementById'>, log: (line: string) => void): KeptState | null {
  const text = doc.getElementById(FIRST_BOARD.seedId)?.textContent;
  if (!text) return null;
  let seed: Partial<FirstBoardSeed>;
  try {
    seed = JSON.parse(text) as Partial<FirstBoardSeed>;
  } catch {
    log('the first board in the page came with state that is not JSON; waiting for the hub');
    return null;
  }
  const update = readProgramUpdate(seed.update);
  const live = seed.live == null ? null : readLiveState(seed.live);
  if (!update.ok || (live !== null && !live.ok)) {
    log(
      `the first board in the page came with state the board cannot read (${update.ok ? live?.ok === false && live.error : update.error}); waiting for the hub`,
    );
    return null;
  }
  return { update: update.value, live: live?.ok ? live.value : null, savedAt: Date.now(), fresh: true };
}
