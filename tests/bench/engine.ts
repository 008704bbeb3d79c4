/**
 * 5. Engine: now/next for every room (and all rooms) at every minute of an
 * event, in Node, as the board asks it. Timelines are compiled once, as the
 * board compiles them once per program change.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { detectAndImport } from '../../core/import/index.ts';
import { compileTimeline, dayEndInstant, dayOf } from '../../core/engine/timeline.ts';
import { snapshot } from '../../core/engine/snapshot.ts';
import type { Program } from '../../core/program/schema.ts';
import { loadProgramText } from '../../core/import/load.ts';
import type { Row } from './report.ts';
import { median, round } from './stats.ts';

export interface EngineOptions {
  programs: { path: string; label: string }[];
  /** Query every `stepMinutes` minutes (1 in the full run). */
  stepMinutes: number;
  rounds: number;
}

const MINUTE = 60_000;

/** CPU µs per call of `fn`: the luxon zone helpers, timed alone, show what a query must not repeat. */
function cpuPerCall(fn: (i: number) => unknown, calls = 2000): number {
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn(i);
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / calls;
}

/** The program as the board would get it; an export the validator refuses is still timed (and said so). */
export function programOf(file: string): { program: Program; note: string } {
  const text = readFileSync(file, 'utf8');
  const loaded = loadProgramText(text, basename(file));
  if (loaded.ok) return { program: loaded.program, note: '' };
  const detected = detectAndImport(text, undefined);
  if (detected.kind !== 'import') throw new Error(loaded.errors.join('\n'));
  return {
    program: detected.built.program as Program,
    note: `; the validator refuses this export (${loaded.errors.length} problems, first: ${loaded.errors[0]}), so the importer's program was timed unvalidated`,
  };
}

export function engine(options: EngineOptions): Row[] {
  const rows: Row[] = [];
  for (const { path: file, label } of options.programs) {
    const { program, note } = programOf(file);
    const compileStart = performance.now();
    const timeline = compileTimeline(program);
    const compileMs = performance.now() - compileStart;
    const first = Math.floor(timeline.slots[0]!.start / MINUTE) * MINUTE;
    const last = Math.max(...timeline.slots.map((s) => s.end));
    const rooms: (string | null)[] = [null, ...timeline.rooms.map((r) => r.id)];
    const perQuery: number[] = [];
    const wallPerQuery: number[] = [];
    let queries = 0;
    let sink = 0;
    for (let r = 0; r < options.rounds; r++) {
      queries = 0;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      for (let at = first; at <= last; at += options.stepMinutes * MINUTE) {
        for (const room of rooms) {
          // Read the result so the work cannot be optimised away.
          sink += snapshot(timeline, at, room).now.length;
          queries++;
        }
      }
      // CPU time, not wall time: on a shared machine the wall clock also counts other processes' turns.
      const cpu = process.cpuUsage(cpu0);
      perQuery.push((cpu.user + cpu.system) / queries);
      wallPerQuery.push(((performance.now() - t0) * 1000) / queries);
    }
    const minutes = Math.round((last - first) / MINUTE);
    const day = timeline.days[0]!;
    const dayEndCost = cpuPerCall(() => dayEndInstant(day, timeline.zone, timeline.dayStart));
    const dayOfCost = cpuPerCall((i) => dayOf(first + i * MINUTE, timeline.zone, timeline.dayStart));
    rows.push({
      section: '5. Engine',
      name: `snapshot() per query, ${label} (${timeline.rooms.length} rooms, ${timeline.slots.length} items)`,
      value: median(perQuery),
      unit: 'µs CPU',
      detail:
        `${queries} queries per round (${rooms.length} room choices × every ${options.stepMinutes === 1 ? '' : `${options.stepMinutes}th `}minute of ${minutes}), ` +
        `${options.rounds} rounds: ${perQuery.map((v) => round(v, 1)).join(', ')} µs of CPU time (wall clock ${wallPerQuery.map((v) => round(v, 1)).join(', ')} µs); compileTimeline ${round(compileMs, 1)} ms; ` +
        `for scale, one call of the zone helpers costs: dayEndInstant() ${round(dayEndCost, 1)} µs, dayOf() ${round(dayOfCost, 1)} µs of CPU; ` +
        `${sink > 0 ? 'items found' : 'no items found'}${note}`,
    });
  }
  return rows;
}
