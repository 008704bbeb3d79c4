/**
 * The rooms a screen shows at congress scale, on the real 38C3 hub export
 * (72 rooms, 1007 events): groups made on import, explicit room lists, the
 * all-rooms rows with quiet rooms left out and counted, and where long room
 * names may break. Oracles are computed here from the raw XML, not the engine.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { allRoomsRows } from '../../../core/engine/all-rooms-rows.ts';
import { roomNameParts } from '../../../core/engine/room-name-breaks.ts';
import { cycleGroup, roomsProblemText, screenRooms, type RoomsProblem } from '../../../core/engine/screen-rooms.ts';
import { snapshot } from '../../../core/engine/snapshot.ts';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import { CORPUS } from '../../fixture-paths.ts';

const RAW = readFileSync(CORPUS + '38c3-hub.xml', 'utf8');
const loaded = loadProgramText(RAW, '38c3-hub.xml', { groupBy: 'prefix' });
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const program = loaded.program;
const timeline = compileTimeline(program);
const ZONE = 'Europe/Berlin';
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();

/** Every event of the raw file: room name, instant range, and the conference day (days start at 06:00). */
const rawEvents = RAW.split(/<room [^>]*name="/)
  .slice(1)
  .flatMap((chunk) => {
    const room = chunk
      .slice(0, chunk.indexOf('"'))
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"');
    return [...chunk.matchAll(/<date>([^<]+)<\/date>[\s\S]*?<duration>(\d+):(\d+)<\/duration>/g)].map((m) => {
      const start = DateTime.fromISO(m[1]!);
      return {
        room,
        start: start.toMillis(),
        end: start.plus({ hours: Number(m[2]), minutes: Number(m[3]) }).toMillis(),
        day: start.setZone(ZONE).minus({ hours: 6 }).toISODate()!,
      };
    });
  });

describe('room groups made on import with --group-by prefix', () => {
  it('puts every room in exactly one group, and the rooms sharing a prefix together', () => {
    const groups = program.groups!;
    const all = groups.flatMap((g) => g.rooms);
    expect(all.sort()).toEqual(program.rooms.map((r) => r.id).sort());
    const names = (id: string) => groups.find((g) => g.id === id)!.rooms.map((r) => program.rooms.find((x) => x.id === r)!.name);
    const kids = [...RAW.matchAll(/<room [^>]*name="(Kidspace - [^"]+)"/g)].map((m) => m[1]);
    expect(names('kidspace')).toEqual([...new Set(kids)]);
    expect(names('stage')).toEqual(['Stage HUFF', 'Stage YELL']);
    expect(groups.at(-1)!.name).toBe('Other rooms');
  });

  it("shows a group on a screen in the group's order, and cycles through groups then every room", () => {
    const shown = screenRooms(timeline, { group: 'kidspace' });
    expect(shown.group?.name).toBe('Kidspace');
    expect(shown.rooms.map((r) => r.name)).toHaveLength(6);
    expect(shown.problem).toBeUndefined();
    const ids = program.groups!.map((g) => g.id);
    expect(cycleGroup(ids, null, 1)).toBe(ids[0]);
    expect(cycleGroup(ids, ids[0]!, 1)).toBe(ids[1]);
    expect(cycleGroup(ids, ids.at(-1)!, 1)).toBeNull();
    expect(cycleGroup(ids, null, -1)).toBe(ids.at(-1));
    // A group the program lacks counts as none: the next is the first.
    expect(cycleGroup(ids, 'gone', 1)).toBe(ids[0]);
  });

  it('names an unknown group or room and falls back to every room rather than a blank screen', () => {
    const typo = screenRooms(timeline, { group: 'kidspce' });
    expect(typo.rooms).toHaveLength(72);
    const plain = (problem: RoomsProblem | undefined) => roomsProblemText(problem!).replace(/[\u2068\u2069]/g, '');
    expect(plain(typo.problem)).toMatch(
      /^unknown group "kidspce" \(groups: "saal", "stage", .*, … \d+ more\); showing every room$/,
    );
    const list = screenRooms(timeline, { rooms: ['saal-1', 'nope', 'stage-huff'] });
    expect(list.rooms.map((r) => r.name)).toEqual(['Saal 1', 'Stage HUFF']);
    expect(plain(list.problem)).toMatch(/^unknown room "nope" \(rooms: .*\); showing the others$/);
    const none = screenRooms(timeline, { rooms: ['nope', 'gone'] });
    expect(none.rooms).toHaveLength(72);
    expect(plain(none.problem)).toMatch(/^unknown rooms "nope", "gone" \(rooms: .*\); showing every room$/);
  });
});

describe('the all-rooms view at the busiest moment of 38C3 (Sun 29 Dec, 15:00)', () => {
  const moment = at('2024-12-29T15:00');
  const view = allRoomsRows(timeline, moment);
  // Oracle from the raw file: rooms with an event running now, or starting later on this conference day.
  const busy = new Set(
    rawEvents
      .filter((e) => (e.start <= moment && moment < e.end) || (e.start > moment && e.day === '2024-12-29'))
      .map((e) => e.room),
  );

  it('leaves out exactly the rooms with nothing now and nothing more today, and says how many', () => {
    expect(view.rows.map((r) => r.room.name).sort()).toEqual([...busy].sort());
    expect(view.quiet).toHaveLength(72 - busy.size);
    expect(view.quietLabel).toBe(`${72 - busy.size} rooms quiet until tomorrow`);
  });

  it('shows the nested Chill Floor sets specific first: Gregoa inside "Eine kleine Nerdmusique"', () => {
    const chill = allRoomsRows(timeline, at('2024-12-28T13:00')).rows.find((r) => r.room.name === 'Chill Floor')!;
    expect(chill.now.map((s) => s.item.id)).toEqual(['926', '1147']);
    expect(snapshot(timeline, at('2024-12-28T13:00'), chill.room.id).now.map((s) => s.item.id)).toEqual(['926', '1147']);
  });

  it('on the last evening counts the quiet rooms as quiet for the rest of the event', () => {
    const last = allRoomsRows(timeline, at('2024-12-30T18:00'));
    expect(last.quietLabel).toMatch(/^\d+ rooms quiet for the rest of the event$/);
  });
});

describe('room names break at sensible points', () => {
  it.each([
    ['Assembly:Foodhackingbase2', ['Assembly:', 'Foodhackingbase2']],
    ['Saal A - Bastel/Hackspace', ['Saal A - Bastel/', 'Hackspace']],
    ['Self-organized Sessions', ['Self-', 'organized Sessions']],
    ['Hardware Hacking Area -- Lower', ['Hardware Hacking Area -- Lower']],
    ['K.1.105 (La Fontaine)', ['K.1.105 (La Fontaine)']],
    ['Erwachsenen-Bällebad 1. Stock', ['Erwachsenen-', 'Bällebad 1. Stock']],
  ])('%s', (name, parts) => {
    expect(roomNameParts(name)).toEqual(parts);
    expect(roomNameParts(name).join('')).toBe(name);
  });
});
