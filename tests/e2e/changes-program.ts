/**
 * A small program in the program format with what changes people planned
 * around: a cancelled talk, a talk moved to another room and time, one moved
 * to tomorrow, an unrecorded one, and a workshop inside an all-day session
 * (marked "overlaps": true). Written for the tests; not a real event.
 */
const talk = (id: string, room: string, start: string, end: string, title: string, extra: object = {}) => ({
  id,
  kind: 'talk',
  room,
  start: `2026-03-10T${start}`,
  end: `2026-03-10T${end}`,
  title,
  speakers: [{ name: `Speaker of ${title}`, affiliation: 'Somewhere', biography: `A biography for ${title}.` }],
  ...extra,
});

export const CHANGES_PROGRAM = {
  version: 1,
  event: { name: 'Changes Day', timezone: 'Europe/Berlin', startDate: '2026-03-10', endDate: '2026-03-11', venues: [] },
  rooms: [
    { id: 'hall-1', name: 'Hall 1' },
    { id: 'hall-2', name: 'Hall 2' },
  ],
  items: [
    talk('keynote', 'hall-1', '09:00', '09:45', 'Opening keynote'),
    talk('gone', 'hall-1', '10:00', '10:45', 'The talk that was cancelled', { cancelled: true }),
    talk('moved', 'hall-1', '11:00', '11:45', 'The talk that moved', { movedTo: { start: '2026-03-10T15:00', room: 'hall-2' } }),
    talk('private', 'hall-1', '12:00', '12:45', 'Off the record', { recorded: false }),
    { id: 'lunch', kind: 'meal', room: 'hall-1', start: '2026-03-10T12:45', end: '2026-03-10T13:45', title: 'Lunch' },
    talk('afternoon', 'hall-1', '14:00', '14:45', 'Afternoon talk'),
    {
      id: 'solder',
      kind: 'other',
      room: 'hall-2',
      start: '2026-03-10T09:00',
      end: '2026-03-10T17:00',
      title: 'Learn to solder',
      overlaps: true,
    },
    talk('inside', 'hall-2', '10:00', '10:45', 'Soldering a badge'),
    talk('tomorrow', 'hall-2', '13:00', '13:45', 'Wait for tomorrow', { movedTo: { start: '2026-03-11T10:00' } }),
    talk('day-2', 'hall-1', '09:00', '09:45', 'Day two', { start: '2026-03-11T09:00', end: '2026-03-11T09:45' }),
  ],
};
