/**
 * Sessions for everyone, read from real exports (no format has the field): a
 * keynote, plenary, opening or closing with nothing else on at the time in
 * another room. The oracles are worked out here from the raw files, not by
 * the importer's own rule.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../../core/engine/snapshot.ts';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import type { Program } from '../../../core/program/schema.ts';
import { CORPUS } from '../../fixture-paths.ts';

function imported(file: string): Program {
  const result = loadProgramText(readFileSync(CORPUS + file, 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.program;
}

const everyone = (program: Program) => program.items.filter((i) => i.everyone).map((i) => i.id);

interface CampEvent {
  id: number;
  title: string;
  date: string;
  duration: string;
  room: string;
}

describe('camp2019-frab.json: two rooms, an opening and a closing ceremony', () => {
  const raw = JSON.parse(readFileSync(CORPUS + 'camp2019-frab.json', 'utf8')) as {
    schedule: { conference: { days: { rooms: Record<string, CampEvent[]> }[] } };
  };
  const events = raw.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
  const span = (e: CampEvent) => {
    const start = DateTime.fromISO(e.date).toMillis();
    const [h, m] = e.duration.split(':').map(Number);
    return { start, end: start + (h! * 60 + m!) * 60_000 };
  };
  const program = imported('camp2019-frab.json');

  it('marks exactly the ceremonies that run with nothing beside them', () => {
    const ceremonies = events.filter((e) => /\b(opening|closing)\b/i.test(e.title));
    const alone = ceremonies.filter((c) => {
      const a = span(c);
      return !events.some((o) => o.room !== c.room && span(o).start < a.end && span(o).end > a.start);
    });
    expect(alone.map((e) => e.title)).toEqual(['Opening Ceremony', 'Closing ceremony']);
    expect(everyone(program).sort()).toEqual(alone.map((e) => String(e.id)).sort());
  });

  it("puts the opening on the other room's screen while it is on, named with its room", () => {
    const timeline = compileTimeline(program);
    const opening = program.items.find((i) => i.title === 'Opening Ceremony')!;
    const during = DateTime.fromISO(opening.start, { zone: program.event.timezone }).plus({ minutes: 10 }).toMillis();
    const other = program.rooms.find((r) => r.id !== opening.room)!;
    const snap = snapshot(timeline, during, other.id);
    expect(snap.now.map((s) => s.item.id)).toEqual([opening.id]);
    expect(snap.now[0]!.room?.name).toBe('Curie');
    expect(snap.phase).toBe('session');
  });
});

describe('real exports where "opening" and "keynote" do not mean everyone', () => {
  it('fosdem-2025.xml: every devroom "welcome" and "opening" runs beside other rooms, none is marked', () => {
    const program = imported('fosdem-2025.xml');
    const openings = program.items.filter((i) => /\b(opening|keynote|closing)\b/i.test(i.title ?? ''));
    expect(openings.length).toBeGreaterThan(3);
    expect(everyone(program)).toEqual([]);
  });

  it('38c3-hub.xml: the Opening Ceremony is relayed in a second room at the same time, so it is not marked', () => {
    const program = imported('38c3-hub.xml');
    const opening = program.items.find((i) => i.title === '38C3: Opening Ceremony')!;
    const relay = program.items.filter((i) => i.start === opening.start && i.id !== opening.id);
    expect(relay.map((i) => i.title)).toContain('Opening (Stream aus Saal 1)');
    expect(opening.everyone).toBeUndefined();
  });

  it('lca2020.ics: the morning keynotes in the Arena are marked, a talk titled "Opening a treasure trove" beside others is not', () => {
    const program = imported('lca2020.ics');
    const keynotes = program.items.filter((i) => /^Keynote:/.test(i.title ?? ''));
    expect(keynotes).toHaveLength(4);
    for (const k of keynotes) expect(k.everyone).toBe(true);
    const treasure = program.items.find((i) => i.title?.startsWith('Opening a treasure trove'))!;
    expect(treasure.everyone).toBeUndefined();
  });
});
