/**
 * The facts `reduceScreen` needs (room order, the screen's clock, the
 * conference day, the next change), computed from the program with the
 * screen's own delays and rehearsal offset, exactly as the board sees them.
 */
import { DateTime } from 'luxon';
import { snapshot } from '../core/engine/snapshot.ts';
import { compileTimeline, type Timeline } from '../core/engine/timeline.ts';
import type { Program } from '../core/program/schema.ts';
import type { CommandContext, ScreenState } from '../core/screen/state.ts';

export function commandContextOf(timeline: Timeline | null, state: ScreenState, liveNow: number): CommandContext {
  const now = liveNow + state.clockOffset;
  if (timeline === null) {
    // No program yet: nothing to cycle through and no boundary; a day is still needed for the type.
    return { rooms: [], now, liveNow, day: DateTime.fromMillis(now, { zone: 'UTC' }).toISODate()!, nextBoundary: null };
  }
  const snap = snapshot(timeline, now, state.room);
  return { rooms: timeline.rooms.map((r) => r.id), now, liveNow, day: snap.day, nextBoundary: snap.changesAt };
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
