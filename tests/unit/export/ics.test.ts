/**
 * The iCalendar export: read back by our importer (round trip of the seed
 * program) and, independently, by ical.js with the VTIMEZONE we wrote, so a
 * calendar app without an IANA database would place every talk at the same
 * instant as the board does.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { programToIcs } from '../../../core/export/ics.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import type { Item, Program } from '../../../core/program/schema.ts';

const ROOT = new URL('../../../', import.meta.url);
const seedText = readFileSync(new URL('data/program.json', ROOT), 'utf8');
const seedLoad = loadProgramText(seedText, 'data/program.json');
if (!seedLoad.ok) throw new Error(seedLoad.errors.join('\n'));
const seed = seedLoad.program;
const NOW = DateTime.fromISO('2026-04-01T12:00:00Z');

function instant(program: Program, local: string | undefined): number | undefined {
  return local === undefined ? undefined : DateTime.fromISO(local, { zone: program.event.timezone }).toMillis();
}

function placeName(program: Program, item: Item): string | undefined {
  if (item.room !== undefined) return program.rooms.find((r) => r.id === item.room)?.name;
  if (item.venue !== undefined) return program.event.venues.find((v) => v.id === item.venue)?.name;
  return undefined;
}

/** DTSTART/DTEND as epoch ms computed by ical.js from the file's own VTIMEZONE. */
function icalInstants(ics: string): { summary: string; start: number; end: number | undefined }[] {
  const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const zones = new Map(
    root.getAllSubcomponents('vtimezone').map((c) => [c.getFirstPropertyValue('tzid') as string, new ICAL.Timezone(c)]),
  );
  const toMs = (prop: ReturnType<typeof root.getFirstProperty>) => {
    if (!prop) return undefined;
    const time = (prop.getFirstValue() as InstanceType<typeof ICAL.Time>).clone();
    const zone = zones.get(prop.getParameter('tzid') as string);
    if (!zone) throw new Error(`no VTIMEZONE for ${String(prop.getParameter('tzid'))}`);
    time.zone = zone;
    return time.toUnixTime() * 1000;
  };
  return root.getAllSubcomponents('vevent').map((ev) => ({
    summary: ev.getFirstPropertyValue('summary') as string,
    start: toMs(ev.getFirstProperty('dtstart'))!,
    end: toMs(ev.getFirstProperty('dtend')),
  }));
}

describe('programToIcs on the seed program', () => {
  const ics = programToIcs(seed, { now: NOW });

  it('round trips through the importer: same titles, instants and places, in order', () => {
    const back = loadProgramText(ics, 'seed.ics');
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.warnings).toEqual([]);
    const again = back.program;
    expect(again.event.timezone).toBe('Europe/Stockholm');
    expect(again.event.name).toBe(seed.event.name);
    expect(again.items).toHaveLength(seed.items.length);
    seed.items.forEach((item, i) => {
      const copy = again.items[i]!;
      expect([copy.title, instant(again, copy.start), instant(again, copy.end), placeName(again, copy)]).toEqual([
        item.title,
        instant(seed, item.start),
        instant(seed, item.end),
        placeName(seed, item),
      ]);
      expect(copy.kind).toBe(item.kind);
      expect(copy.speakers?.map((s) => s.name)).toEqual(item.speakers?.map((s) => s.name));
    });
  });

  it('gives ical.js, using only the VTIMEZONE in the file, the same instants as the board', () => {
    const events = icalInstants(ics);
    expect(events).toHaveLength(seed.items.length);
    seed.items.forEach((item, i) => {
      expect(events[i]!.start).toBe(instant(seed, item.start));
      expect(events[i]!.end).toBe(instant(seed, item.end));
    });
    // 6 May 2026 09:00 in Stockholm is summer time, UTC+2.
    const first = seed.items.find((i) => i.start === '2026-05-06T09:00')!;
    expect(events[seed.items.indexOf(first)]!.start).toBe(Date.UTC(2026, 4, 6, 7, 0));
  });

  it('has the properties RFC 5545 requires, CRLF line ends and lines of at most 75 octets', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    const events = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(seed.items.length);
    const uids = new Set<string>();
    for (const ev of events) {
      uids.add(/\r\nUID:(.+)\r\n/.exec(ev)![1]!);
      expect(ev).toMatch(/\r\nDTSTAMP:20260401T120000Z\r\n/);
      expect(ev).toMatch(/\r\nDTSTART;TZID=Europe\/Stockholm:\d{8}T\d{6}\r\n/);
      expect(ev).toMatch(/\r\nSUMMARY:/);
    }
    expect(uids.size).toBe(events.length);
    expect(unfolded).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Stockholm\r\n/);
  });

  it('gives LOCATION with the venue address and DESCRIPTION with speakers and abstract', () => {
    const dinner = icalRead(ics).find((e) => e.summary === 'Symposium dinner')!;
    expect(dinner.location).toBe('Turning Torso, Lilla Varvsgatan 14, 211 15 Malmö');
    const talk = seed.items.find((i) => i.kind === 'talk' && i.speakers?.length && i.abstract)!;
    const exported = icalRead(ics).find((e) => e.summary === talk.title)!;
    expect(exported.description).toContain(`Speaker: ${talk.speakers![0]!.name}`);
    expect(exported.description).toContain(talk.abstract!);
  });
});

function icalRead(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return root.getAllSubcomponents('vevent').map((ev) => ({
    summary: String(ev.getFirstPropertyValue('summary')),
    location: ev.getFirstPropertyValue('location') as string | null,
    description: String(ev.getFirstPropertyValue('description') ?? ''),
  }));
}

describe('programToIcs on awkward programs', () => {
  const program: Program = {
    version: 1,
    event: {
      name: 'Pacific; Conf, 2026',
      timezone: 'America/Los_Angeles',
      startDate: '2026-03-07',
      endDate: '2026-03-09',
      venues: [],
    },
    rooms: [{ id: 'hall', name: 'Hall ✦ Å' }],
    items: [
      {
        id: 'a',
        kind: 'talk',
        start: '2026-03-07T10:00',
        end: '2026-03-07T11:00',
        room: 'hall',
        title: 'Commas, semicolons; back\\slashes and a very long title: ' + 'ååå ✦ '.repeat(20),
        abstract: 'Line one\nLine two',
      },
      // After the clocks go forward on 8 March: UTC−7 instead of UTC−8.
      { id: 'b', kind: 'talk', start: '2026-03-09T10:00', end: '2026-03-09T11:00', room: 'hall', title: 'After DST' },
      { id: 'c', kind: 'dinner', start: '2026-03-09T19:00', title: 'Open-ended dinner' },
    ],
  };
  const ics = programToIcs(program, { now: NOW });

  it('escapes and folds text so that a parser gets it back exactly, never splitting a character', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    const [a] = icalRead(ics);
    expect(a!.summary).toBe(program.items[0]!.title);
    expect(a!.description).toBe('Line one\nLine two');
    expect(a!.location).toBe('Hall ✦ Å');
  });

  it('writes a VTIMEZONE that moves the offset at the DST change', () => {
    const [a, b, c] = icalInstants(ics);
    expect(a!.start).toBe(Date.UTC(2026, 2, 7, 18, 0)); // UTC−8
    expect(b!.start).toBe(Date.UTC(2026, 2, 9, 17, 0)); // UTC−7
    expect(c!.end).toBeUndefined(); // open-ended stays open-ended
  });

  it('an item without room or venue has no LOCATION and comes back in every room', () => {
    const back = loadProgramText(ics, 'pacific.ics');
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.program.items[2]).toMatchObject({ kind: 'dinner', start: '2026-03-09T19:00' });
    expect(back.program.items[2]!.room).toBeUndefined();
    expect(back.program.items[2]!.end).toBeUndefined();
  });
});

describe('npm run export-ics', { timeout: 60_000 }, () => {
  it('writes the seed program as a calendar file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'foyer-ics-')), 'program.ics');
    const { stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'core/cli/export-ics.ts', '-o', out], {
      cwd: new URL('.', ROOT).pathname,
    });
    expect(stderr).toContain(`wrote ${out}: ${seed.items.length} events in Europe/Stockholm`);
    const ics = readFileSync(out, 'utf8');
    expect(ics.split('BEGIN:VEVENT').length - 1).toBe(seed.items.length);
    expect(loadProgramText(ics, out).ok).toBe(true);
  });
});
