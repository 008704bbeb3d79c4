/**
 * When a room is full, which talk starting now elsewhere to suggest
 * (core/engine/room-suggestion.ts), and the room status it reads.
 */
import { describe, expect, it } from 'vitest';
import { cycleRoomStatus, roomStatusOf } from '../../../core/engine/room-status.ts';
import { suggestionFor } from '../../../core/engine/room-suggestion.ts';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import type { Program } from '../../../core/program/schema.ts';
import { at, seed } from './helpers.ts';

/** Three rooms, a talk starting at 10:00 in each, a break in the hall at 10:00, and talks later. */
function threeRooms(): Program {
  const program = structuredClone(seed);
  program.rooms = [
    { id: 'a', name: 'Hall A' },
    { id: 'b', name: 'Hall B' },
    { id: 'c', name: 'Hall C' },
    { id: 'd', name: 'Hall D' },
  ];
  program.event.venues = [];
  program.items = [
    { id: 'a1', kind: 'talk', start: '2026-05-06T10:00', end: '2026-05-06T10:40', room: 'a', title: 'A at ten' },
    { id: 'b1', kind: 'talk', start: '2026-05-06T10:05', end: '2026-05-06T10:45', room: 'b', title: 'B at five past' },
    { id: 'c1', kind: 'talk', start: '2026-05-06T09:58', end: '2026-05-06T10:40', room: 'c', title: 'C just started' },
    { id: 'd1', kind: 'break', start: '2026-05-06T10:00', end: '2026-05-06T10:30', room: 'd', title: 'Coffee' },
    { id: 'd2', kind: 'talk', start: '2026-05-06T10:30', end: '2026-05-06T11:00', room: 'd', title: 'D later' },
  ];
  program.announcements = [];
  return program;
}

describe('room full: where else to go', () => {
  const timeline = compileTimeline(threeRooms());
  const now = at('2026-05-06T10:00');

  it('the talk starting nearest to now in another open room; never a break, never a talk half an hour away', () => {
    const full = cycleRoomStatus([], 'a', '2026-05-06', now);
    expect(roomStatusOf(full, 'a', '2026-05-06')).toBe('full');
    expect(suggestionFor(timeline, 'a', '2026-05-06', now, full)?.item.id).toBe('c1');
    const cFull = cycleRoomStatus(full, 'c', '2026-05-06', now);
    expect(suggestionFor(timeline, 'a', '2026-05-06', now, cFull)?.item.id).toBe('b1');
    const bClosed = cycleRoomStatus(cycleRoomStatus(cFull, 'b', '2026-05-06', now), 'b', '2026-05-06', now);
    expect(roomStatusOf(bClosed, 'b', '2026-05-06')).toBe('closed');
    expect(suggestionFor(timeline, 'a', '2026-05-06', now, bClosed)).toBeNull();
  });

  it('a cancelled talk is never suggested; the status is for its day only, and F comes back round to open', () => {
    const program = threeRooms();
    program.items = program.items.map((i) => (i.id === 'c1' ? { ...i, cancelled: true } : i));
    expect(suggestionFor(compileTimeline(program), 'a', '2026-05-06', now, [])?.item.id).toBe('b1');
    const full = cycleRoomStatus([], 'a', '2026-05-06', now);
    expect(roomStatusOf(full, 'a', '2026-05-07')).toBe('open');
    const again = cycleRoomStatus(cycleRoomStatus(full, 'a', '2026-05-06', now), 'a', '2026-05-06', now);
    expect(again).toEqual([]);
  });
});
