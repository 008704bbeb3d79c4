/**
 * The board's choices, as pure selectors over the seed symposium and a small
 * program with three rooms: which view and room a screen shows, which day the
 * registration desk lists, the rows and pages of the all-rooms table, what the
 * hallway board lists during a break and between days, and the item texts.
 */
import { describe, expect, it } from 'vitest';
import { betweenDays, breakLayout, nextHeading, upNext } from '../../../core/engine/board.ts';
import { deskDay, deskVenues } from '../../../core/engine/desk.ts';
import { abstractStart, alsoNow, isTba, partLabel, titleOf } from '../../../core/engine/item-text.ts';
import { allRoomsRows } from '../../../core/engine/all-rooms-rows.ts';
import { balancedStarts, choosePages, pageInterval, pageStarts, roomsGrowth } from '../../../core/engine/room-pages.ts';
import { screenRooms } from '../../../core/engine/screen-rooms.ts';
import { screenRoom, screenView } from '../../../core/screen/view.ts';
import { snapshot } from '../../../core/engine/snapshot.ts';
import { spotlightRotation } from '../../../core/engine/speakers.ts';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import { DEFAULT_SCREEN_STATE } from '../../../core/screen/state.ts';
import { at, ids, loadProgram, seedTimeline } from './helpers.ts';

const seed = seedTimeline();
const seedAt = (local: string) => snapshot(seed, at(local));

/** Three rooms on 1 Feb: A and B have talks, lunch is for everyone, C is empty, B closes at 11:00. */
const rooms = compileTimeline(
  loadProgram(
    JSON.stringify({
      version: 1,
      event: { name: 'Three Rooms', timezone: 'Europe/Stockholm', startDate: '2026-02-01', endDate: '2026-02-02', venues: [] },
      rooms: [
        { id: 'b', name: 'Room B', order: 2 },
        { id: 'a', name: 'Room A', order: 1 },
        { id: 'c', name: 'Room C', order: 3 },
      ],
      groups: [
        { id: 'ba', name: 'B and A', rooms: ['b', 'a'] },
        { id: 'just-c', name: 'Just C', rooms: ['c'] },
      ],
      items: [
        { id: 'a-10', kind: 'talk', room: 'a', start: '2026-02-01T10:00', end: '2026-02-01T11:00', title: 'A at ten' },
        { id: 'a-11', kind: 'talk', room: 'a', start: '2026-02-01T11:00', end: '2026-02-01T12:00', title: 'A at eleven' },
        { id: 'b-10', kind: 'talk', room: 'b', start: '2026-02-01T10:00', end: '2026-02-01T11:00', title: 'B at ten' },
        { id: 'lunch', kind: 'meal', start: '2026-02-01T12:00', end: '2026-02-01T13:00', title: 'Lunch' },
        { id: 'a-d2', kind: 'talk', room: 'a', start: '2026-02-02T10:00', end: '2026-02-02T11:00', title: 'A on day two' },
      ],
    }),
  ),
);

describe('which room and view a screen shows', () => {
  it('names the room, or "All rooms" for none or one the program lacks', () => {
    expect(screenRoom(seed, 'main')).toEqual({ room: 'main', name: 'Main room', named: true });
    expect(screenRoom(seed, 'hall-z')).toEqual({ room: null, name: 'All rooms', named: false });
    expect(screenRoom(seed, null)).toEqual({ room: null, name: 'All rooms', named: false });
    // With several rooms the top bar says "All rooms".
    expect(screenRoom(rooms, null)).toEqual({ room: null, name: 'All rooms', named: true });
  });

  it("names a group by its name and a short list by its rooms' names; a one-room group is that room", () => {
    expect(screenRoom(rooms, null, screenRooms(rooms, { group: 'ba' }))).toEqual({ room: null, name: 'B and A', named: true });
    expect(screenRoom(rooms, null, screenRooms(rooms, { rooms: ['c', 'a'] })).name).toBe('Room C · Room A');
    expect(screenRoom(rooms, null, screenRooms(rooms, { group: 'just-c' }))).toEqual({ room: 'c', name: 'Room C', named: true });
    // A room staff chose wins over the group around it; a typo in the group shows every room.
    expect(screenRoom(rooms, 'a', screenRooms(rooms, { group: 'just-c' })).room).toBe('a');
    expect(screenRoom(rooms, null, screenRooms(rooms, { group: 'nope' })).name).toBe('All rooms');
    // The seed's one room stays "all rooms": its board has no room name to show.
    expect(screenRoom(seed, null, screenRooms(seed, { rooms: ['main'] }))).toEqual({
      room: null,
      name: 'All rooms',
      named: false,
    });
  });

  it('emergency first, then the chosen view; all rooms of several is the table while the day runs', () => {
    const board = DEFAULT_SCREEN_STATE;
    const during = snapshot(rooms, at('2026-02-01T10:30'));
    expect(screenView({ ...board, emergency: true, view: 'agenda' }, during, rooms, null)).toBe('emergency');
    expect(screenView({ ...board, view: 'agenda' }, during, rooms, null)).toBe('agenda');
    expect(screenView({ ...board, view: 'spotlight' }, during, rooms, 'a')).toBe('spotlight');
    expect(screenView(board, during, rooms, null)).toBe('rooms');
    expect(screenView(board, snapshot(rooms, at('2026-02-01T12:30')), rooms, null)).toBe('rooms');
    expect(screenView(board, during, rooms, 'a')).toBe('board');
    // Before, between and after the days the board's own moments say more than a table.
    expect(screenView(board, snapshot(rooms, at('2026-02-01T08:00')), rooms, null)).toBe('board');
    expect(screenView(board, snapshot(rooms, at('2026-02-01T20:00')), rooms, null)).toBe('board');
    expect(screenView(board, snapshot(rooms, at('2026-02-03T10:00')), rooms, null)).toBe('board');
    // One room: always the board.
    expect(screenView(board, seedAt('2026-05-06T09:10'), seed, null)).toBe('board');
  });
});

describe('the registration desk', () => {
  it('lists today while today has items, else the coming day, else the last', () => {
    const d1 = deskDay(seed, seedAt('2026-05-06T10:00'), null);
    expect(d1.heading).toBe('Wednesday 6 May');
    expect(d1.slots).toHaveLength(13);
    expect(d1.slots[0]!.item.id).toBe('d1-0830-registration');
    expect(deskDay(seed, seedAt('2026-05-06T07:30'), null).heading).toBe('Wednesday 6 May');
    expect(deskDay(seed, seedAt('2026-05-05T12:00'), null).heading).toBe('Tuesday 5 May');
    expect(deskDay(seed, seedAt('2026-05-09T10:00'), null).heading).toBe('Friday 8 May');
    // Day two of the three-room program, seen from the evening of day one (which has items: still day one).
    expect(deskDay(rooms, snapshot(rooms, at('2026-02-01T20:00')), 'a').day).toBe('2026-02-01');
    expect(ids(deskDay(rooms, snapshot(rooms, at('2026-02-01T20:00')), 'b').slots)).toEqual(['b-10', 'lunch']);
  });

  it('lists the venues that have an address', () => {
    expect(deskVenues(seed).map((v) => v.id)).toEqual(['historical-museum', 'turning-torso']);
  });
});

describe('all rooms', () => {
  it('one row per room in the screen’s order: now, and next today only', () => {
    const view = allRoomsRows(rooms, at('2026-02-01T10:30'));
    expect(view.rows.map((r) => [r.room.name, ids(r.now), r.next?.item.id])).toEqual([
      ['Room A', ['a-10'], 'a-11'],
      ['Room B', ['b-10'], 'lunch'],
      ['Room C', [], 'lunch'],
    ]);
    const lunch = allRoomsRows(rooms, at('2026-02-01T12:30'));
    // Lunch is for everyone: on in every room; nothing follows it today (day two's talk is not "next").
    expect(lunch.rows.map((r) => [ids(r.now), r.next?.item.id])).toEqual([
      [['lunch'], undefined],
      [['lunch'], undefined],
      [['lunch'], undefined],
    ]);
    const group = screenRooms(rooms, { group: 'ba' }).rooms;
    expect(allRoomsRows(rooms, at('2026-02-01T10:30'), group).rows.map((r) => r.room.name)).toEqual(['Room B', 'Room A']);
  });

  it('leaves out the rooms with nothing now and nothing more today, and counts them', () => {
    const evening = allRoomsRows(rooms, at('2026-02-01T13:30'));
    expect(evening.rows).toEqual([]);
    expect(evening.quietLabel).toBe('3 rooms quiet until tomorrow');
  });

  it('pages hold whole rows; a row taller than a page gets a page of its own', () => {
    expect(pageStarts([100, 100, 100], 250, 10)).toEqual([0, 2]);
    expect(pageStarts([100, 100, 100], 320, 10)).toEqual([0]);
    expect(pageStarts([50, 300, 50], 250, 10)).toEqual([0, 1, 2]);
    expect(pageStarts([], 250, 10)).toEqual([0]);
  });

  it('spreads the rows evenly over as many pages as they need, so the last page is not left nearly empty', () => {
    // Greedy: 5 rows on the first page, 1 on the second.
    const six = [40, 40, 40, 40, 40, 40];
    expect(pageStarts(six, 240, 10)).toEqual([0, 5]);
    expect(balancedStarts(six, 240, 10)).toEqual([0, 3]);
    // Uneven rows: as many pages as greedy ones, none taller than the screen, their heights closer together.
    const mixed = [30, 90, 30, 30, 120, 30, 30, 30, 60, 30];
    const pageHeights = (starts: number[]) =>
      starts.map((start, i) => {
        const rows = mixed.slice(start, starts[i + 1] ?? mixed.length);
        return rows.reduce((a, b) => a + b, 0) + 10 * (rows.length - 1);
      });
    const spread = (heights: number[]) => Math.max(...heights) - Math.min(...heights);
    const greedy = pageHeights(pageStarts(mixed, 250, 10));
    const balanced = pageHeights(balancedStarts(mixed, 250, 10));
    expect(balanced).toHaveLength(greedy.length);
    expect(Math.max(...balanced)).toBeLessThanOrEqual(250);
    expect(spread(balanced)).toBeLessThan(spread(greedy));
    // One page, or a row taller than a page: as greedy.
    expect(balancedStarts([100, 100, 100], 320, 10)).toEqual([0]);
    expect(balancedStarts([50, 300, 50], 250, 10)).toEqual([0, 1, 2]);
  });

  it('shows the roomiest row layout among those needing the fewest pages', () => {
    const roomy = { density: 'roomy', heights: [100, 100, 100, 100], gap: 10 };
    const compact = { density: 'compact', heights: [60, 60, 60, 60], gap: 5 };
    const dense = { density: 'dense', heights: [40, 40, 40, 40], gap: 5 };
    // 250 px: roomy needs 4 pages, compact 2 and dense 1.
    expect(choosePages([roomy, compact, dense], 250)).toEqual({ density: 'dense', starts: [0] });
    // 300 px: compact and dense both fit one page; compact is roomier.
    expect(choosePages([roomy, compact, dense], 300)).toEqual({ density: 'compact', starts: [0] });
    expect(choosePages([roomy, compact, dense], 500)).toEqual({ density: 'roomy', starts: [0] });
  });

  it('grows a table of one page toward the screen, at most 2.5 times its size, and never one of more pages', () => {
    // Three rows of 80 px with 10 px between them: 260 px.
    expect(roomsGrowth([80, 80, 80], 10, 390)).toBeCloseTo(1.5);
    expect(roomsGrowth([80, 80, 80], 10, 900)).toBe(2.5);
    expect(roomsGrowth([80, 80, 80], 10, 200)).toBe(1);
    expect(roomsGrowth([], 10, 900)).toBe(1);
  });

  it('never turns a page sooner than 7 s', () => {
    expect(pageInterval(2_000)).toBe(7_000);
    expect(pageInterval(12_000)).toBe(12_000);
  });
});

describe('the hallway board', () => {
  it('during the first coffee: the speakers after the break, the rest of today under Next', () => {
    const snap = seedAt('2026-05-06T10:25');
    expect(upNext(snap).next?.item.id).toBe('d1-1050-talk');
    const layout = breakLayout(snap);
    expect(layout.spotlight).toBe(true);
    expect(layout.list).toBeNull();
    expect(ids(layout.later ?? []).slice(0, 2)).toEqual(['d1-1130-talk', 'd1-1210-meal']);
    expect(nextHeading(upNext(snap).next!, snap, seed.zone)).toBe('Next');
  });

  it('a break with nobody to put in the spotlight lists the day instead', () => {
    const snap = snapshot(rooms, at('2026-02-01T12:30'), 'b');
    expect(breakLayout(snap)).toEqual({ spotlight: false, later: null, list: { slots: snap.today, heading: 'Today' } });
  });

  it('between days: the morning names the day’s start, the evening the next day', () => {
    const morning = betweenDays(seedAt('2026-05-06T07:30'), seed.zone);
    expect(morning.kind === 'morning' && morning.first.item.id).toBe('d1-0830-registration');
    expect(betweenDays(seedAt('2026-05-06T19:30'), seed.zone)).toMatchObject({
      kind: 'evening',
      title: 'See you tomorrow',
      label: 'Tomorrow starts with',
    });
    const evening = snapshot(rooms, at('2026-02-01T20:00'), 'a');
    expect(nextHeading(evening.next[0]!, evening, rooms.zone)).toBe('Tomorrow');
  });

  it('the full-screen spotlight: today’s speakers still to come, then the next day’s, then nothing', () => {
    const lunch = spotlightRotation(seed, null, at('2026-05-06T13:00'), '2026-05-06')!;
    expect(lunch.heading).toBe('Speakers today');
    expect(lunch.entries.map((e) => e.speaker.name)).toEqual(['Radu I. Boţ', 'Jelena Diakonikolas', 'Nicolas Loizou']);
    const evening = spotlightRotation(seed, null, at('2026-05-06T19:30'), '2026-05-06')!;
    expect(evening.heading).toBe('Speakers next');
    expect(evening.entries[0]!.speaker.name).toBe('Adrien Taylor');
    expect(spotlightRotation(seed, null, at('2026-05-09T10:00'), '2026-05-09')).toBeNull();
  });
});

describe('item texts', () => {
  const slot = (id: string) => seed.slots.find((s) => s.item.id === id)!;

  it('titles: the program’s, "Title to be announced", or the kind', () => {
    expect(titleOf(slot('d1-0940-talk'))).toBe('Exploiting Similarity in Federated Learning');
    expect(titleOf(slot('d1-0900-talk'))).toBe('Title to be announced');
    expect(isTba(slot('d1-0900-talk'))).toBe(true);
    expect(isTba(slot('d1-1020-break'))).toBe(false);
    expect(partLabel(slot('d3-1545-talk'))).toBe('Part 1 of 2');
    expect(partLabel(slot('d1-0900-talk'))).toBeNull();
  });

  it('also now: the other items on at once, by title or room', () => {
    const now = snapshot(rooms, at('2026-02-01T10:30')).now;
    expect(alsoNow(now).map((o) => o.text)).toEqual(['B at ten']);
    expect(alsoNow(now.slice(0, 1))).toEqual([]);
  });

  it('an abstract’s opening is whole sentences; "e.g." ends none', () => {
    const text = 'We study flows, e.g. smoothed ones. They converge fast. A third sentence follows here.';
    expect(abstractStart(text, 60)).toBe('We study flows, e.g. smoothed ones. They converge fast.');
    expect(abstractStart(text, 1000)).toBe(text);
    expect(abstractStart(undefined, 100)).toBeNull();
  });
});
