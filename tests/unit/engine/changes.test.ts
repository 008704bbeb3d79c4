/**
 * Changes people planned around, and sessions that run inside each other: a
 * small congress day in two halls, written as an organiser would, with a
 * cancelled talk, a moved one, an all-day workshop with sessions inside it and
 * a talk that will not be recorded. Run in three zones by npm test.
 */
import { describe, expect, it } from 'vitest';
import { changeLabel, recordingLabel } from '../../../core/engine/change-labels.ts';
import { programToIcs } from '../../../core/export/ics.ts';
import { adjustDelay } from '../../../core/engine/delays.ts';
import { timeOf } from '../../../core/engine/format.ts';
import { snapshot } from '../../../core/engine/snapshot.ts';
import { compileTimeline, type Slot } from '../../../core/engine/timeline.ts';
import { validateProgram } from '../../../core/program/validate.ts';
import type { Item, Program } from '../../../core/program/schema.ts';
import { at, ids } from './helpers.ts';

const ZONE = 'Europe/Stockholm';
const D1 = '2026-05-06';
const D2 = '2026-05-07';

const talk = (id: string, start: string, end: string, room: string, more: Partial<Item> = {}): Item => ({
  id,
  kind: 'talk',
  start: `${D1}T${start}`,
  end: `${D1}T${end}`,
  room,
  title: id,
  speakers: [{ name: `Speaker of ${id}` }],
  ...more,
});

const congress: Program = {
  version: 1,
  event: { name: 'Mini congress', timezone: ZONE, startDate: D1, endDate: D2, venues: [] },
  rooms: [
    { id: 'hall-1', name: 'Hall 1' },
    { id: 'hall-2', name: 'Hall 2' },
  ],
  items: [
    talk('opening', '09:00', '09:30', 'hall-1'),
    talk('cancelled', '10:00', '11:00', 'hall-1', { cancelled: true }),
    talk('moved', '11:00', '12:00', 'hall-1', { movedTo: { start: `${D1}T15:00`, room: 'hall-2' } }),
    talk('later', '12:00', '13:00', 'hall-1', { recorded: false }),
    { id: 'lunch', kind: 'meal', start: `${D1}T13:00`, end: `${D1}T14:00`, title: 'Lunch' },
    talk('solder', '09:00', '18:00', 'hall-2', { kind: 'other', title: 'Learn to solder', overlaps: true }),
    talk('ws-a', '10:00', '11:00', 'hall-2'),
    talk('ws-b', '11:00', '12:00', 'hall-2'),
    talk('tomorrow', '10:00', '11:00', 'hall-1', { start: `${D2}T10:00`, end: `${D2}T11:00`, movedTo: { start: `${D2}T16:00` } }),
  ],
};

function compiled(program = congress) {
  const result = validateProgram(program);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { timeline: compileTimeline(result.program), warnings: result.warnings };
}

const { timeline, warnings } = compiled();
const slotsOf = (id: string) => timeline.slots.filter((s) => s.item.id === id);
const range = (s: Slot) => `${timeOf(s.start, ZONE)}–${timeOf(s.end, ZONE)}`;

describe('a program with overlaps, a cancelled and a moved talk', () => {
  it('validates without a warning: the workshops sit inside an all-day slot marked "overlaps": true', () => {
    expect(warnings).toEqual([]);
  });

  it('without the mark, each session inside the workshop is warned about once, a cancelled talk never', () => {
    const unmarked = structuredClone(congress);
    delete unmarked.items.find((i) => i.id === 'solder')!.overlaps;
    // The replacement talk now sits in the cancelled one's slot: not an overlap, the cancelled one takes no place.
    unmarked.items.push(talk('stand-in', '10:00', '11:00', 'hall-1'));
    const result = validateProgram(unmarked);
    // ws-a, ws-b and the moved talk at its new place, all inside the workshop; not the stand-in.
    expect(result.warnings.map((w) => `${w.kind} ${w.path}`)).toEqual([
      'overlap items[6]',
      'overlap items[7]',
      'overlap items[2]',
    ]);
    expect(result.warnings[0]!.message).toBe(
      '"ws-a" (10:00–11:00) overlaps items[5] "Learn to solder" (09:00–18:00) in room "hall-2"',
    );
  });

  it('warns about a moved talk at its new place, not its old one', () => {
    const clash = structuredClone(congress);
    clash.items.push(talk('evening', '15:30', '16:00', 'hall-2', { overlaps: false }));
    const result = validateProgram(clash);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '"evening" (15:30–16:00) overlaps items[2] "moved" (15:00–16:00) in room "hall-2"',
    ]);
  });

  it('compiles a moved talk into its old place (a marker) and its new one, keeping its length', () => {
    const [away, here] = slotsOf('moved');
    expect([away!.room?.id, range(away!), away!.takesPlace]).toEqual(['hall-1', '11:00–12:00', false]);
    expect([here!.room?.id, range(here!), here!.takesPlace]).toEqual(['hall-2', '15:00–16:00', true]);
    expect(away!.change).toEqual({
      kind: 'moved-away',
      to: { start: here!.start, end: here!.end, day: D1, room: timeline.rooms[1] },
    });
    expect(changeLabel(away!, D1, ZONE)).toEqual({ kind: 'moved-away', text: 'Moved to Hall 2, 15:00', struck: true });
    expect(changeLabel(here!, D1, ZONE)).toEqual({
      kind: 'moved-here',
      text: 'Moved here from Hall 1, was 11:00',
      struck: false,
    });
  });

  it('names the day of a move when the screen shows another day', () => {
    const [away, here] = slotsOf('tomorrow');
    expect(changeLabel(away!, D2, ZONE)!.text).toBe('Moved to 16:00');
    expect(changeLabel(away!, D1, ZONE)!.text).toBe('Moved to Tomorrow 16:00');
    expect(changeLabel(here!, D2, ZONE)!.text).toBe('New time, was 10:00');
  });

  it('labels the cancelled talk and the unrecorded one', () => {
    const [cancelled] = slotsOf('cancelled');
    expect(changeLabel(cancelled!, D1, ZONE)).toEqual({ kind: 'cancelled', text: 'Cancelled', struck: true });
    expect(recordingLabel(slotsOf('later')[0]!)).toBe('Not recorded');
    expect(recordingLabel(slotsOf('opening')[0]!)).toBeUndefined();
  });
});

describe('the board during the day', () => {
  it('keeps the cancelled talk in place until its end, but the room is not busy: a gap, not a session', () => {
    const snap = snapshot(timeline, at(`${D1}T10:15`, ZONE), 'hall-1');
    expect(ids(snap.now)).toEqual(['cancelled']);
    expect(snap.phase).toBe('gap');
    expect(snap.changesAt).toBe(at(`${D1}T11:00`, ZONE));
  });

  it('shows the moved talk\'s old place "Moved to Hall 2, 15:00" until its old end, and the talk in Hall 2 at 15:00', () => {
    const old = snapshot(timeline, at(`${D1}T11:30`, ZONE), 'hall-1');
    expect(ids(old.now)).toEqual(['moved']);
    expect(old.now[0]!.takesPlace).toBe(false);
    const hall2 = snapshot(timeline, at(`${D1}T15:10`, ZONE), 'hall-2');
    expect(hall2.now.map((s) => `${s.item.id}@${s.room?.id}`)).toEqual(['moved@hall-2', 'solder@hall-2']);
    expect(hall2.phase).toBe('session');
  });

  it('lists concurrent sessions the specific one first, the all-day workshop last', () => {
    const snap = snapshot(timeline, at(`${D1}T10:45`, ZONE), 'hall-2');
    expect(ids(snap.now)).toEqual(['ws-a', 'solder']);
    const everywhere = snapshot(timeline, at(`${D1}T10:45`, ZONE));
    expect(ids(everywhere.now)).toEqual(['ws-a', 'solder', 'cancelled']);
  });

  it("puts the room's own item before the lunch for everyone", () => {
    const snap = snapshot(timeline, at(`${D1}T13:30`, ZONE), 'hall-2');
    expect(ids(snap.now)).toEqual(['solder', 'lunch']);
  });

  it('never spotlights the speaker of a cancelled or moved-away talk', () => {
    const program = structuredClone(congress);
    program.items.push({ id: 'coffee', kind: 'break', start: `${D1}T09:30`, end: `${D1}T10:00`, room: 'hall-1' });
    const snap = snapshot(compiled(program).timeline, at(`${D1}T09:45`, ZONE), 'hall-1');
    expect(snap.phase).toBe('break');
    expect(snap.spotlight.map((e) => e.slot.item.id)).toEqual(['later']);
  });

  it('does not move a cancelled talk when staff set a delay: it keeps its printed time', () => {
    const delays = adjustDelay([], 'hall-1', D1, 10, at(`${D1}T09:15`, ZONE));
    const late = compileTimeline(congress, delays);
    const find = (id: string) => late.slots.find((s) => s.item.id === id)!;
    expect(range(find('cancelled'))).toBe('10:00–11:00');
    expect(range(find('later'))).toBe('12:10–13:10');
  });

  it('does not let a cancelled item end an open-ended one', () => {
    const program = structuredClone(congress);
    program.items.push({ id: 'party', kind: 'other', start: `${D1}T19:00`, room: 'hall-1' });
    program.items.push(talk('karaoke', '21:00', '22:00', 'hall-1', { cancelled: true }));
    const party = compiled(program).timeline.slots.find((s) => s.item.id === 'party')!;
    expect(timeOf(party.end, ZONE)).toBe('00:00');
  });
});

describe('the calendar export', () => {
  it('puts a moved talk at its new place and marks a cancelled one CANCELLED', () => {
    const ics = programToIcs(congress).split('\r\n');
    const event = (uid: string) => {
      const from = ics.findIndex((l) => l.startsWith(`UID:${uid}@`));
      return ics.slice(from, ics.indexOf('END:VEVENT', from));
    };
    expect(event('moved')).toContain(`DTSTART;TZID=${ZONE}:20260506T150000`);
    expect(event('moved')).toContain(`DTEND;TZID=${ZONE}:20260506T160000`);
    expect(event('moved')).toContain('LOCATION:Hall 2');
    expect(event('cancelled')).toContain('STATUS:CANCELLED');
    expect(event('opening').some((l) => l.startsWith('STATUS:'))).toBe(false);
  });
});
