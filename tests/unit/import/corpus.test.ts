/**
 * Every real export in tests/fixtures/corpus imported: counts checked against
 * numbers computed here from the raw files (regex / JSON walking, not the
 * importer), and a few events checked field by field against values read by
 * hand from the raw files. Instants are compared as UTC epoch ms so the
 * assertions hold whatever the machine's zone.
 */
import { readFileSync } from 'node:fs';
import { CORPUS } from '../../fixture-paths.ts';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { detectAndImport } from '../../../core/import/index.ts';
import { loadProgramText } from '../../../core/import/load.ts';
import type { Item, Program } from '../../../core/program/schema.ts';

const read = (file: string) => readFileSync(CORPUS + file, 'utf8');

function imported(file: string, timezone?: string): Program {
  const result = detectAndImport(read(file), timezone);
  if (result.kind !== 'import') throw new Error(`${file} was not imported: ${JSON.stringify(result).slice(0, 300)}`);
  return result.built.program;
}

function loaded(file: string, timezone?: string) {
  const result = loadProgramText(read(file), file, timezone ? { timezone } : {});
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

function item(program: Program, id: string): Item {
  const found = program.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** Instant of a Foyer local wall time in the program's zone. */
function at(program: Program, local: string | undefined): number {
  return DateTime.fromISO(local!, { zone: program.event.timezone }).toMillis();
}

function roomName(program: Program, i: Item): string | undefined {
  return program.rooms.find((r) => r.id === i.room)?.name;
}

/** Conference days with sessions, honouring dayStartsAt (sessions after midnight belong to the day before). */
function conferenceDays(program: Program): string[] {
  const [h = 0, m = 0] = (program.event.dayStartsAt ?? '00:00').split(':').map(Number);
  return [
    ...new Set(
      program.items.map((i) =>
        DateTime.fromISO(i.start, { zone: program.event.timezone }).minus({ hours: h, minutes: m }).toISODate(),
      ),
    ),
  ].sort() as string[];
}

function xmlCounts(text: string) {
  const days = [...text.matchAll(/<day\s[^>]*date="([^"]+)"/g)].map((m) => m[1]);
  const daysWithEvents = text
    .split(/<day\s/)
    .slice(1)
    .filter((chunk) => chunk.includes('<event '))
    .map((chunk) => /date="([^"]+)"/.exec(chunk)![1]);
  // Container rooms carry a name attribute; an event's own <room> is plain text.
  const rooms = new Set([...text.matchAll(/<room\s[^>]*name="([^"]+)"/g)].map((m) => m[1]));
  return {
    days: days.length,
    daysWithEvents: daysWithEvents.length,
    rooms: rooms.size,
    events: text.split('<event ').length - 1,
  };
}

function jsonCounts(text: string) {
  const days = JSON.parse(text).schedule.conference.days as { date: string; rooms: Record<string, unknown[]> }[];
  const rooms = new Set(days.flatMap((d) => Object.keys(d.rooms)));
  const events = days.reduce((n, d) => n + Object.values(d.rooms).reduce((k, list) => k + list.length, 0), 0);
  const daysWithEvents = days.filter((d) => Object.values(d.rooms).some((list) => list.length)).length;
  return { days: days.length, daysWithEvents, rooms: rooms.size, events };
}

describe('fosdem-2025.xml (pentabarf XML, escaped HTML abstracts)', () => {
  const raw = xmlCounts(read('fosdem-2025.xml'));
  const program = imported('fosdem-2025.xml');

  it('keeps every day, room and event of the file', () => {
    expect(raw).toEqual({ days: 2, daysWithEvents: 2, rooms: 40, events: 943 });
    expect(program.items).toHaveLength(raw.events);
    expect(program.rooms).toHaveLength(raw.rooms);
    expect(conferenceDays(program)).toHaveLength(raw.daysWithEvents);
    expect(program.event).toMatchObject({
      name: 'FOSDEM 2025',
      timezone: 'Europe/Brussels',
      startDate: '2025-02-01',
      endDate: '2025-02-02',
    });
  });

  it('lists rooms in the order of the file', () => {
    expect(program.rooms.slice(0, 3).map((r) => r.name)).toEqual(['J.1.106', 'K.1.105 (La Fontaine)', 'K.3.201']);
  });

  it('reads event 6210 field by field', () => {
    // Raw: <date>2025-02-01T10:35:00+01:00</date> <start>10:35</start> <duration>00:25</duration> <room>K.3.201</room>
    const e = item(program, '6210');
    expect(e.title).toBe('A New Approach to Callee-Saved Registers in LLVM');
    expect(roomName(program, e)).toBe('K.3.201');
    expect(e.start).toBe('2025-02-01T10:35');
    expect(e.end).toBe('2025-02-01T11:00');
    expect(at(program, e.start)).toBe(Date.UTC(2025, 1, 1, 9, 35));
    expect(at(program, e.end)).toBe(Date.UTC(2025, 1, 1, 10, 0));
    expect(e.speakers).toEqual([{ name: 'Mikhail Gudim' }]);
    expect(e.track).toBe('LLVM');
    expect(e.kind).toBe('talk');
  });

  it('turns the escaped HTML abstract into plain text paragraphs', () => {
    // Raw: three <p> paragraphs, the third "[0] https://github.com/…", and &lt;code&gt;__builtin_object_size&lt;/code&gt;
    const e = item(program, '5201');
    expect(e.abstract).not.toMatch(/<|&lt;|&gt;|&amp;/);
    const paragraphs = e.abstract!.split('\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^The compiler intrinsic __builtin_object_size and the LLVM intrinsic/);
    expect(paragraphs[1]).toContain('the folding of __builtin_object_size and they were');
    expect(paragraphs[2]).toBe('[0] https://github.com/serge-sans-paille/builtin_object_size-test-suite');
    expect(e.speakers).toEqual([{ name: 'Serge « sans paille » Guelton' }]);
  });

  it('takes the event title, not the text of its links or attachments', () => {
    // Event 5083 has an <attachment> and a <link> with their own text.
    const e = item(program, '5083');
    expect(e.title).toBe('A Formal Specification of the NOVA Microhypervisor');
  });

  it('passes the validator with no warnings, and needs no day start (no session after midnight)', () => {
    const result = loaded('fosdem-2025.xml');
    expect(result.warnings).toEqual([]);
    expect(result.program.event.dayStartsAt).toBeUndefined();
  });
});

describe('38c3-hub.xml (frab XML from the CCC hub, days past midnight)', () => {
  const text = read('38c3-hub.xml');
  const raw = xmlCounts(text);
  const program = imported('38c3-hub.xml');

  it('keeps every day, room and event of the file', () => {
    expect(raw).toEqual({ days: 4, daysWithEvents: 4, rooms: 72, events: 1007 });
    expect(program.items).toHaveLength(raw.events);
    expect(program.rooms).toHaveLength(raw.rooms);
    expect(conferenceDays(program)).toHaveLength(raw.daysWithEvents);
    expect(program.event.timezone).toBe('Europe/Berlin');
  });

  it('puts sessions after midnight on the next calendar date and sets dayStartsAt from the days', () => {
    // Raw: id 248, <date>2024-12-28T00:15:00+01:00</date> <start>00:15</start> <duration>00:40</duration>, in the day dated 2024-12-27
    const e = item(program, '248');
    expect(e.title).toBe('Desiring Technology. Über Porno, Abhängigkeit und Fortschritt');
    expect(roomName(program, e)).toBe('Saal 1');
    expect(e.start).toBe('2024-12-28T00:15');
    expect(e.end).toBe('2024-12-28T00:55');
    expect(at(program, e.start)).toBe(Date.UTC(2024, 11, 27, 23, 15));
    expect(e.speakers).toEqual([{ name: 'Arne Vogelgesang' }]);
    // Raw day starts: 2024-12-28T06:00:00+01:00 and later.
    expect(program.event.dayStartsAt).toBe('06:00');
  });

  it('reads persons given as element text, several per event', () => {
    const e = item(program, '2');
    expect(e.title).toBe('38C3: Opening Ceremony');
    expect(e.start).toBe('2024-12-27T10:30');
    expect(e.end).toBe('2024-12-27T11:00');
    expect(e.speakers?.map((s) => s.name)).toEqual(['Gabriela Bogk', 'Senficon', 'Aline Blankertz']);
    expect(e.track).toBe('CCC');
  });

  it('loads with a warning for each of the two real overlaps in one room, naming both events', () => {
    // Real data: "Gregoa" 12:30–14:30 lies inside "Eine kleine Nerdmusique / Gregoa" 12:30–15:30 (Chill Floor, 28 Dec).
    const result = loadProgramText(text, '38c3-hub.xml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const overlaps = result.warnings.filter((w) => w.includes('overlaps'));
    expect(overlaps).toHaveLength(2);
    expect(overlaps[0]).toMatch(
      /^38c3-hub\.xml: event 926: "Gregoa" \(12:30–14:30\) overlaps event 1147 .* in room "chill-floor"$/,
    );
    expect(overlaps[1]).toMatch(/^38c3-hub\.xml: event 1150: .* overlaps event 1149 /);
    expect(result.program.items).toHaveLength(1007);
  });
});

describe('rc3-channels-2020-pretalx.json (pretalx schedule.json v1 without a time zone)', () => {
  const raw = jsonCounts(read('rc3-channels-2020-pretalx.json'));

  it('infers the zone from the single offset the file uses and says so', () => {
    const result = loaded('rc3-channels-2020-pretalx.json');
    expect(result.program.event.timezone).toBe('Etc/GMT-1');
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^rc3-channels-2020-pretalx\.json: the file \(field time zone\): no time zone given; every time carries UTC\+1.*--timezone/,
      ),
    ]);
  });

  it('keeps every day, room and event of the file', () => {
    const program = imported('rc3-channels-2020-pretalx.json', 'Europe/Berlin');
    expect(raw).toEqual({ days: 4, daysWithEvents: 4, rooms: 5, events: 48 });
    expect(program.items).toHaveLength(raw.events);
    expect(program.rooms).toHaveLength(raw.rooms);
    expect(conferenceDays(program)).toHaveLength(raw.daysWithEvents);
  });

  it('reads event 15 field by field, with --timezone naming the zone, Markdown reduced to text', () => {
    // Raw: "date": "2020-12-27T11:30:00+01:00", "start": "11:30", "duration": "00:40", persons public_name Chris Fiege, Kasa
    const result = loaded('rc3-channels-2020-pretalx.json', 'Europe/Berlin');
    expect(result.warnings).toEqual([]);
    const program = result.program;
    const e = item(program, '15');
    expect(e.title).toBe('Der faule Admin automatisiert: Gluon auf echter Hardware testen');
    expect(roomName(program, e)).toBe('r3s - Monheim/Rhein');
    expect(e.start).toBe('2020-12-27T11:30');
    expect(e.end).toBe('2020-12-27T12:10');
    expect(at(program, e.start)).toBe(Date.UTC(2020, 11, 27, 10, 30));
    expect(e.speakers).toEqual([{ name: 'Chris Fiege' }, { name: 'Kasa' }]);
    expect(e.track).toBe('MON r3s Rhein VHS');
    // Raw abstract: "…basiert bei vielen Communities auf [Gluon](https://gluon.readthedocs.io/).\r\n…"
    expect(e.abstract).toContain('basiert bei vielen Communities auf Gluon. Ein wichtiger Schritt');
    expect(e.abstract).toContain('Diese haben wir in pytest geschrieben und führen sie mit Labgrid auf echter Hardware aus.');
    expect(e.abstract).not.toMatch(/\]\(|\r/);
  });
});

describe('camp2019-frab.json (frab schedule.json v1)', () => {
  const raw = jsonCounts(read('camp2019-frab.json'));
  const result = loaded('camp2019-frab.json');
  const program = result.program;

  it('keeps every day, room and event of the file', () => {
    expect(raw).toEqual({ days: 5, daysWithEvents: 5, rooms: 2, events: 79 });
    expect(program.items).toHaveLength(raw.events);
    expect(program.rooms.map((r) => r.name)).toEqual(['Curie', 'Meitner']);
    expect(conferenceDays(program)).toHaveLength(raw.daysWithEvents);
    expect(result.warnings).toEqual([]);
  });

  it('reads event 10386 field by field (persons as {id, public_name})', () => {
    // Raw: "date": "2019-08-21T11:00:00+02:00", "start": "11:00", "duration": "00:30", "room": "Curie", type lecture
    const e = item(program, '10386');
    expect(e).toMatchObject({
      title: 'Opening Ceremony',
      kind: 'talk',
      start: '2019-08-21T11:00',
      end: '2019-08-21T11:30',
      track: 'CCC',
    });
    expect(roomName(program, e)).toBe('Curie');
    expect(at(program, e.start)).toBe(Date.UTC(2019, 7, 21, 9, 0));
    expect(e.speakers).toEqual([{ name: 'jinxx' }, { name: 'smtw' }]);
    expect(e.abstract).toBe('A hearty welcome me lasses and lads!');
  });
});

describe('lca2020.ics (iCalendar, TZID without VTIMEZONE, HTML descriptions)', () => {
  const text = read('lca2020.ics');
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  const events = unfolded.split('BEGIN:VEVENT').slice(1);
  const locations = new Set(events.map((e) => /\nLOCATION:(.*)\r?\n/.exec(e)?.[1]).filter(Boolean));
  const dates = new Set(events.map((e) => /\nDTSTART[^:]*:(\d{8})/.exec(e)![1]));
  const result = loaded('lca2020.ics');
  const program = result.program;

  it('keeps every event, location and day', () => {
    expect([events.length, locations.size, dates.size]).toEqual([262, 7, 6]);
    expect(program.items).toHaveLength(events.length);
    expect(program.rooms).toHaveLength(locations.size);
    expect(conferenceDays(program)).toHaveLength(dates.size);
    expect(program.event).toMatchObject({ name: 'linux.conf.au 2020', timezone: 'Australia/Brisbane' });
    expect(result.warnings).toEqual([
      'lca2020.ics: the file (field TZID): Australia/Brisbane has no VTIMEZONE; read as the IANA zone of that name',
    ]);
  });

  it('reads UID 94 field by field, the speaker taken from the description', () => {
    // Raw: DTSTART;TZID=Australia/Brisbane:20200115T090000, DTEND …T091000, LOCATION:Arena, DESCRIPTION:Speaker: Joel Addison\nOpening Remarks…
    const e = item(program, '94@lca2020.linux.org.au');
    expect(e).toMatchObject({ title: 'Wednesday Welcome', start: '2020-01-15T09:00', end: '2020-01-15T09:10' });
    expect(roomName(program, e)).toBe('Arena');
    expect(at(program, e.start)).toBe(Date.UTC(2020, 0, 14, 23, 0)); // Brisbane is UTC+10, no DST
    expect(e.speakers).toEqual([{ name: 'Joel Addison' }]);
    expect(e.abstract).toBe('Opening Remarks and Housekeeping');
  });

  it('turns an HTML description folded over several lines into clean text', () => {
    const e = item(program, '201@lca2020.linux.org.au');
    expect(e.abstract).toBe(
      'Women of Open Technology Breakfast, Presented by ThoughtWorks\nOnly for attendees with a ticket.\nGold Coast Convention and Exhibition Centre, Room 5',
    );
    expect(roomName(program, e)).toBe('Room 5');
  });

  it('leaves events without LOCATION in no room (shown in every room) and reads breaks and meals from their titles', () => {
    const noLocation = events.filter((e) => !/\nLOCATION:/.test(e)).length;
    const roomless = program.items.filter((i) => i.room === undefined);
    expect(roomless).toHaveLength(noLocation);
    const tea = program.items.find((i) => i.title === 'Main Conference: morning tea' && i.start === '2020-01-15T10:10');
    expect(tea).toMatchObject({ kind: 'break', end: '2020-01-15T10:45' });
    expect(tea?.room).toBeUndefined();
    expect(program.items.find((i) => i.title === 'Main Conference: lunch')?.kind).toBe('meal');
  });
});

describe('talk languages', () => {
  /** "de" for each `<language>` of a frab XML file, read with a regex, the first tag of "de, en". */
  function languagesInXml(file: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const m of read(file).matchAll(/<language>([^<,]*)[^<]*<\/language>/g)) {
      const tag = m[1]!.trim();
      if (tag) counts[tag] = (counts[tag] ?? 0) + 1;
    }
    return counts;
  }

  function languagesOf(program: Program): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const i of program.items) if (i.language) counts[i.language] = (counts[i.language] ?? 0) + 1;
    return counts;
  }

  it('frab XML <language> becomes each item language (FOSDEM in English, 38C3 in German and English)', () => {
    const fosdem = loaded('fosdem-2025.xml').program;
    expect(languagesOf(fosdem)).toEqual(languagesInXml('fosdem-2025.xml'));
    const congress = loaded('38c3-hub.xml').program;
    const raw = languagesInXml('38c3-hub.xml');
    expect(Object.keys(raw).sort()).toEqual(['de', 'en']);
    expect(languagesOf(congress)).toEqual(raw);
  });

  it('schedule.json language becomes the item language', () => {
    const program = loaded('camp2019-frab.json').program;
    const counts = languagesOf(program);
    expect(counts.de).toBeGreaterThan(0);
    expect(counts.en).toBeGreaterThan(0);
  });
});
