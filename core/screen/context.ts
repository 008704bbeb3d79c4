/**
 * The one place the reducer's context is built, for the kiosk's main process
 * and the browser host alike: the rooms the screen shows in order, the
 * program's room groups, and the screen's
 * clock read exactly as the board reads it (ScreenClock with the state's
 * rehearsal offset), the conference day and the next change.
 */
import { groupsOf, screenRooms, selectionOf } from '../engine/screen-rooms.ts';
import { screenRoom } from './view.ts';
import { snapshot } from '../engine/snapshot.ts';
import { compileTimeline, type Timeline } from '../engine/timeline.ts';
import type { Program } from '../program/schema.ts';
import type { ScreenClock } from './clock.ts';
import type { CommandContext, ScreenState } from './state.ts';

export function commandContext(
  timeline: Timeline | null,
  clock: ScreenClock,
  state: ScreenState,
  realNow: number,
): CommandContext {
  const now = clock.read(realNow, state.clockOffset);
  const liveNow = clock.live(realNow);
  // No program yet: nothing to cycle through, no day a delay could belong to, no boundary.
  if (timeline === null) return { room: state.room, rooms: [], groups: [], now, liveNow, day: null, nextBoundary: null };
  const shown = screenRooms(timeline, selectionOf(state));
  const { room } = screenRoom(timeline, state.room, shown);
  const snap = snapshot(timeline, now, room);
  return {
    room,
    rooms: shown.rooms.map((r) => r.id),
    groups: groupsOf(timeline).map((g) => g.id),
    now,
    liveNow,
    day: snap.day,
    nextBoundary: snap.changesAt,
  };
}

/** Compiles once per (program, delays) pair: a hotkey should not recompile an unchanged timeline. */
export class TimelineCache {
  private program: Program | null = null;
  private delays: ScreenState['delays'] | null = null;
  private timeline: Timeline | null = null;

  get(program: Program | null, delays: ScreenState['delays']): Timeline | null {
    if (program === null) return null;
    if (program !== this.program || delays !== this.delays) {
      this.program = program;
      this.delays = delays;
      this.timeline = compileTimeline(program, delays);
    }
    return this.timeline;
  }
}
