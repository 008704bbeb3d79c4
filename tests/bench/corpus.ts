/**
 * The real conference exports the benchmarks run on (fosdem-2025, 38c3), from
 * FOYER_CORPUS or the shared corpus folder. A fresh clone has no corpus: then a
 * synthetic program of the same shape (rooms, days, item count, dates) stands
 * in, and the report says so.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { CORPUS, SEED_PROGRAM } from './hosts.ts';

export interface Shape {
  file: string;
  timezone: string;
  days: string[];
  rooms: number;
  /** Talks per room per day, from 09:00, each `minutes` long with a 10-minute changeover. */
  talksPerRoom: number;
  minutes: number;
}

export const FOSDEM_2025: Shape = {
  file: 'fosdem-2025.xml',
  timezone: 'Europe/Brussels',
  days: ['2025-02-01', '2025-02-02'],
  rooms: 40,
  talksPerRoom: 12,
  minutes: 30,
};
export const CCC_38C3: Shape = {
  file: '38c3-hub.xml',
  timezone: 'Europe/Berlin',
  days: ['2024-12-27', '2024-12-28', '2024-12-29', '2024-12-30'],
  rooms: 72,
  talksPerRoom: 4,
  minutes: 60,
};

function synthetic(shape: Shape): unknown {
  const seed = JSON.parse(readFileSync(SEED_PROGRAM, 'utf8')) as { version: number; event: Record<string, unknown> };
  const rooms = Array.from({ length: shape.rooms }, (_, r) => ({ id: `room-${r + 1}`, name: `Room ${r + 1}` }));
  const items = shape.days.flatMap((day) =>
    rooms.flatMap((room, r) =>
      Array.from({ length: shape.talksPerRoom }, (_, t) => {
        const start = DateTime.fromISO(`${day}T09:00`, { zone: shape.timezone }).plus({
          minutes: t * (shape.minutes + 10) + (r % 3) * 5,
        });
        return {
          id: `${day}-${room.id}-${t}`,
          kind: 'talk',
          title: `Synthetic talk ${t + 1} in ${room.name}`,
          start: start.toFormat("yyyy-MM-dd'T'HH:mm"),
          end: start.plus({ minutes: shape.minutes }).toFormat("yyyy-MM-dd'T'HH:mm"),
          room: room.id,
          speakers: [{ name: `Speaker ${r + 1}.${t + 1}` }],
        };
      }),
    ),
  );
  const event = {
    name: `Synthetic ${shape.file}`,
    timezone: shape.timezone,
    startDate: shape.days[0],
    endDate: shape.days.at(-1),
    venues: [],
  };
  return { version: seed.version, event, rooms, items };
}

/** The export's path, or a synthetic stand-in written into `scratchDir` (set FOYER_CORPUS to the corpus folder); `label` names what was used. */
export function corpusProgram(shape: Shape, scratchDir: string): { path: string; label: string } {
  const real = join(CORPUS, shape.file);
  if (existsSync(real)) return { path: real, label: shape.file.replace(/\.\w+$/, '') };
  const path = join(scratchDir, `synthetic-${shape.file}.json`);
  writeFileSync(path, JSON.stringify(synthetic(shape), null, 2));
  return { path, label: `synthetic ${shape.file.replace(/\.\w+$/, '')} stand-in` };
}
