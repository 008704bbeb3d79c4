/**
 * A screen made of the hub session and one transport, the same code in Node
 * and in Chromium (bundled into the page by chromium-screen.ts): what the
 * shared suite reads of it is a plain snapshot, so both are asked alike.
 */
import type { ScreenRef } from '../../../core/hub/api.ts';
import type { LiveState } from '../../../core/hub/api.ts';
import { HubSession, type HubTransport, type ScreenFacts } from '../../../core/hub-client/session.ts';
import type { SharedContext } from '../../../core/screen/reducers.ts';
import type { Command } from '../../../core/screen/state.ts';
import { noticeText } from '../../../core/screen/notice.ts';

export interface ScreenSetup {
  host: 'web' | 'electron';
  screen: ScreenRef;
  token: string | null;
  staleAfterMs?: number;
}

export interface Snapshot {
  /** The event name of the program on screen, or null before one. */
  program: string | null;
  /** How many new programs reached the screen (not counting status changes). */
  programs: number;
  offlineSince: number | null;
  /** Every offline mark the screen showed, in order (epoch ms). */
  offlineMarks: number[];
  live: LiveState | null;
  logs: string[];
}

export interface Screen {
  snapshot(): Snapshot;
  send(command: Command, at: SharedContext): Promise<string | null>;
  reportHeartbeats(facts: ScreenFacts): void;
  stop(): void;
}

export function startScreen(transport: HubTransport, setup: ScreenSetup): Screen {
  const logs: string[] = [];
  const offlineMarks: number[] = [];
  let programs = 0;
  const stops: (() => void)[] = [];
  const session = new HubSession(transport, {
    host: setup.host,
    screen: () => setup.screen,
    token: setup.token,
    log: (line) => logs.push(line),
    // The shortest waits, so that a reconnection comes within a second.
    random: () => 0,
    ...(setup.staleAfterMs ? { staleAfterMs: setup.staleAfterMs } : {}),
  });
  session.onUpdate((update, kind) => {
    if (kind === 'program') programs++;
    const mark = update.status.offlineSince;
    if (mark !== null && offlineMarks.at(-1) !== mark) offlineMarks.push(mark);
  });
  session.start();
  return {
    snapshot: () => {
      const update = session.current();
      return {
        program: update?.program.event.name ?? null,
        programs,
        offlineSince: session.offlineSince,
        offlineMarks: [...offlineMarks],
        live: session.live,
        logs: [...logs],
      };
    },
    // What the screen would say of the answer (in English: tests set no language).
    send: async (command, at) => {
      const notice = await session.send(command, at);
      return notice && noticeText(notice);
    },
    reportHeartbeats: (facts) => void stops.push(session.reportHeartbeats(() => facts)),
    stop: () => {
      for (const stop of stops) stop();
      session.stop();
    },
  };
}
