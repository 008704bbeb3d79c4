/**
 * Shared by the engine tests: the seed program compiled, instants written as
 * Stockholm wall times (built with luxon directly, not with core/time.ts, so a
 * bug there cannot hide itself), and a comparable projection of a snapshot.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { startLabel } from '../../../core/engine/format.ts';
import type { Snapshot } from '../../../core/engine/snapshot.ts';
import { compileTimeline, type Timeline } from '../../../core/engine/timeline.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import type { Program } from '../../../core/program/schema.ts';
import type { Delay } from '../../../core/engine/delays.ts';

export const ZONE = 'Europe/Stockholm';
export const SEED_PATH = 'data/program.json';

export function loadProgram(text: string, name = 'test.json'): Program {
  const result = loadProgramText(text, name);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.program;
}

export const seed: Program = loadProgram(readFileSync(new URL('../../../data/program.json', import.meta.url), 'utf8'), SEED_PATH);

export function seedTimeline(delays: readonly Delay[] = []): Timeline {
  return compileTimeline(seed, delays);
}

/** "2026-05-06T10:20" (or with seconds/millis) in `zone` → epoch ms. */
export function at(local: string, zone = ZONE): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toMillis();
}

export const ids = (slots: readonly { item: { id: string } }[]): string[] => slots.map((s) => s.item.id);

/** Everything a board shows, without `at`: two equal views mean the same screen. */
export function view(snap: Snapshot, timeline: Timeline) {
  return {
    phase: snap.phase,
    day: snap.day,
    now: ids(snap.now),
    next: ids(snap.next),
    nextLabel: snap.next.map((s) => startLabel(s.start, s.day, snap.day, timeline.zone)),
    later: ids(snap.later),
    today: ids(snap.today),
    spotlight: snap.spotlight.map((e) => `${e.speaker.name}@${e.slot.item.id}`),
    changesAt: snap.changesAt,
  };
}
