/**
 * The open live feed, read the way others will: the hub's /api/live, and the
 * program with the day's delays as frab schedule.xml and iCalendar, read back
 * with Foyer's own importer (the same one that reads FOSDEM's and pretalx's
 * exports). Attendee apps polling these show the real times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programToFrabXml } from '../../../core/export/frab-xml.ts';
import type { LiveFeed } from '../../../core/hub/rules/feed.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import type { Program } from '../../../core/program/schema.ts';
import { ROOT, startHub, TOKEN, type TestHub } from '../../hub-screens.ts';

const ZONE = 'Europe/Stockholm';
const at = (local: string): number => DateTime.fromISO(local, { zone: ZONE }).toMillis();

function seed(): Program {
  const loaded = loadProgramText(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8'), 'program.json');
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.program;
}

/** Start times by title (first occurrence), as wall times in the event zone. */
function starts(program: Program): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of program.items) if (item.title && !out.has(item.title)) out.set(item.title, item.start);
  return out;
}

describe('frab schedule.xml', () => {
  it('round trips the seed through our importer: every item, its time, its room or venue, its speakers', () => {
    const program = seed();
    const xml = programToFrabXml(program, { version: 'v1' });
    const back = loadProgramText(xml, 'schedule.xml');
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.program.event.timezone).toBe(ZONE);
    expect(back.program.items).toHaveLength(program.items.length);
    const byTitle = new Map(back.program.items.map((i) => [`${i.start} ${i.title ?? ''}`, i]));
    for (const item of program.items) {
      const twin = byTitle.get(`${item.start} ${item.title ?? 'To be announced'}`.replace(/ To be announced$/, ' '));
      expect(twin, `${item.id} at ${item.start}`).toBeDefined();
      expect(twin!.end).toBe(item.end);
      const place = (p: Program, i: Program['items'][number]) =>
        p.rooms.find((r) => r.id === i.room)?.name ?? p.event.venues.find((v) => v.id === i.venue)?.name;
      // A venue becomes a room of that name in frab; an item for every room stays without one.
      expect(back.program.rooms.find((r) => r.id === twin!.room)?.name).toBe(place(program, item));
      expect((twin!.speakers ?? []).map((s) => s.name)).toEqual((item.speakers ?? []).map((s) => s.name));
    }
  });

  it('escapes what XML cannot carry as text, and gives each item a stable guid', () => {
    const program = seed();
    program.items[1] = { ...program.items[1]!, title: 'Ampersands & <angle> "brackets"\u0007' };
    const xml = programToFrabXml(program, { version: 'v1' });
    expect(xml).toContain('<title>Ampersands &amp; &lt;angle&gt; &quot;brackets&quot;</title>');
    const guids = [...xml.matchAll(/guid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(guids).size).toBe(program.items.length);
    expect(programToFrabXml(program, { version: 'v2' }).match(/guid="([^"]+)"/g)).toEqual(xml.match(/guid="([^"]+)"/g));
  });
});

describe('the hub’s live feed and delayed exports', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
    // Staff at the main room's door: 15 minutes late at 09:10 on day 1.
    for (const minutes of [10, 5]) {
      const response = await fetch(`${hub.base}/api/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({
          command: { type: 'delay', minutes },
          at: { room: 'main', day: '2026-05-06', now: at('2026-05-06T09:10') },
          screen: { id: 'web-door', name: 'Door' },
        }),
      });
      expect(response.status).toBe(200);
    }
  });
  afterAll(() => hub.close());

  it('GET /api/live: per room the delay, status, the item on now and the next one’s real start', async () => {
    const feed = (await (await fetch(`${hub.base}/api/live?at=2026-05-06T09:30`)).json()) as LiveFeed;
    expect(feed).toMatchObject({ timezone: ZONE, day: '2026-05-06', liveVersion: 2, emergency: false, announcements: [] });
    const main = feed.rooms[0]!;
    expect(main).toMatchObject({ id: 'main', name: 'Main room', status: 'open', delayMinutes: 15 });
    // The 09:00 talk started on time and runs 15 minutes longer; the 09:40 one starts 09:55.
    expect(main.current).toMatchObject({
      id: 'd1-0900-talk',
      start: '2026-05-06T09:00:00+02:00',
      end: '2026-05-06T09:55:00+02:00',
    });
    expect(main.next).toMatchObject({
      id: 'd1-0940-talk',
      start: '2026-05-06T09:55:00+02:00',
      scheduledStart: '2026-05-06T09:40:00+02:00',
      delayMinutes: 15,
    });
  });

  it('schedule.xml carries the delayed times, read back by our importer; unchanged days keep theirs', async () => {
    const response = await fetch(`${hub.base}/schedule.xml`);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const etag = response.headers.get('etag')!;
    const back = loadProgramText(await response.text(), 'schedule.xml');
    if (!back.ok) throw new Error(back.errors.join('\n'));
    const times = starts(back.program);
    const printed = starts(seed());
    expect(printed.get('Exploiting Similarity in Federated Learning')).toBe('2026-05-06T09:40');
    expect(times.get('Exploiting Similarity in Federated Learning')).toBe('2026-05-06T09:55');
    // Day 2 was not delayed.
    const day2 = [...printed].filter(([, start]) => start.startsWith('2026-05-07'));
    expect(day2.length).toBeGreaterThanOrEqual(5);
    for (const [title, start] of day2) expect(times.get(title), title).toBe(start);
    // Apps that poll politely get a 304 until something changes.
    expect((await fetch(`${hub.base}/schedule.xml`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('schedule.ics carries the same delayed times, read back by our importer', async () => {
    const back = loadProgramText(await (await fetch(`${hub.base}/schedule.ics`)).text(), 'schedule.ics');
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(starts(back.program).get('Exploiting Similarity in Federated Learning')).toBe('2026-05-06T09:55');
  });
});
