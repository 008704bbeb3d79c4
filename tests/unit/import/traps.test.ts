/**
 * The traps of real exports, each in a small fixture (tests/fixtures/import)
 * or inline text, through the same entry point the hosts use.
 */
import { readFileSync } from 'node:fs';
import { CORPUS } from '../../fixture-paths.ts';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../core/import/duration.ts';
import { plainText } from '../../../core/import/text.ts';
import { loadProgramText, type LoadResult } from '../../../core/import/load.ts';
import type { Program } from '../../../core/program/schema.ts';

const FIXTURES = new URL('../../fixtures/import/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

function ok(result: LoadResult): { program: Program; warnings: string[] } {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

function utc(program: Program, local: string | undefined): string {
  return DateTime.fromISO(local!, { zone: program.event.timezone }).toUTC().toISO({ suppressMilliseconds: true })!;
}

describe('frab XML traps (traps.xml)', () => {
  const { program, warnings } = ok(loadProgramText(fixture('traps.xml'), 'traps.xml'));

  it('takes the title of the event, not of its <link> or <attachment>', () => {
    expect(program.items[0]!.title).toBe('The real title');
    expect(JSON.stringify(program)).not.toContain('not the event');
  });

  it('keeps both events that share an id, renaming the second, and warns', () => {
    expect(program.items.map((i) => i.id)).toEqual(['7', '7-2', '8']);
    expect(warnings).toContain(
      'traps.xml: event 7 (field id): id also used by the 1st event in the file; this one is kept as "7-2"',
    );
  });

  it('reads a local <start> against a <date> written in UTC as local time, and says so', () => {
    // <date>2025-02-01T11:00:00+00:00</date> <start>11:00</start>: 11:00Z would be 12:00 in Brussels.
    expect(program.items[1]!.start).toBe('2025-02-01T11:00');
    expect(utc(program, program.items[1]!.start)).toBe('2025-02-01T10:00:00Z');
    expect(
      warnings.some((w) =>
        w.startsWith(
          'traps.xml: event 7 (field date): "2025-02-01T11:00:00+00:00" is 12:00 in Europe/Brussels but <start> says 11:00',
        ),
      ),
    ).toBe(true);
  });

  it('reads durations in pentabarf forms without a warning: 0:40 is a normal way to write them', () => {
    expect(program.items[0]!.end).toBe('2025-02-01T10:30'); // 00:30:00
    expect(program.items[1]!.end).toBe('2025-02-01T11:40'); // 0:40
    expect(warnings.filter((w) => w.includes('(field duration)'))).toEqual([]);
  });

  it('maps types and titles to kinds: lecture → talk, "Lightning Talks" → lightning-talks, speakerless "Lunch" → meal', () => {
    expect(program.items.map((i) => i.kind)).toEqual(['talk', 'lightning-talks', 'meal']);
  });

  it('turns the escaped HTML abstract into paragraphs of text with entities decoded', () => {
    expect(program.items[0]!.abstract).toBe('First paragraph & more.\nSecond one – with an inline link.');
  });

  it('decodes entities in the conference title', () => {
    expect(program.event.name).toBe('Traps & Pitfalls');
  });
});

describe('a file without a time zone', () => {
  it('old pentabarf (no <date>, no time_zone_name): fails asking for --timezone', () => {
    const result = loadProgramText(fixture('old-pentabarf-no-zone.xml'), 'old.xml');
    expect(result).toEqual({
      ok: false,
      errors: [
        "old.xml: no time zone given in the file; pass --timezone with the venue's IANA zone, e.g. --timezone Europe/Berlin",
      ],
    });
  });

  it('old pentabarf with --timezone: a start before day_change is after midnight of that conference day', () => {
    const { program, warnings } = ok(
      loadProgramText(fixture('old-pentabarf-no-zone.xml'), 'old.xml', { timezone: 'Europe/Brussels' }),
    );
    expect(program.items.map((i) => [i.start, i.end])).toEqual([
      ['2014-02-01T22:30', '2014-02-01T23:30'], // 1:00:00
      ['2014-02-02T01:30', '2014-02-02T02:10'],
    ]);
    expect(program.event.dayStartsAt).toBe('06:00');
    expect(warnings).toContain(
      'old.xml: the file (field day_change): days run past midnight: 1 session between 00:00 and 06:00 belongs to the day before (event.dayStartsAt 06:00)',
    );
  });

  it('an iCalendar file with only UTC times: fails asking for --timezone, then shows times in that zone', () => {
    const text = fixture('utc-no-zone.ics');
    const refused = loadProgramText(text, 'utc.ics');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]).toMatch(/^utc\.ics: no time zone given in the file; pass --timezone/);
    const { program } = ok(loadProgramText(text, 'utc.ics', { timezone: 'Europe/Berlin' }));
    expect(program.items[0]).toMatchObject({
      start: '2025-03-01T09:00', // 08:00Z
      end: '2025-03-01T10:00',
      title: 'Keynote with a very long title that goes on and on so that the line has to be folded by the producer',
      speakers: [{ name: 'Zoe Z' }],
      abstract: 'Hello & welcome',
    });
    expect(program.items[1]).toMatchObject({ kind: 'break', start: '2025-03-01T11:00', title: 'Coffee break' });
    expect(program.items[1]!.room).toBeUndefined();
  });

  it('an unknown --timezone is refused with the name', () => {
    const result = loadProgramText(fixture('utc-no-zone.ics'), 'utc.ics', { timezone: 'Europe/Lund' });
    expect(result).toEqual({
      ok: false,
      errors: ['utc.ics: --timezone "Europe/Lund" is not an IANA time zone (e.g. Europe/Berlin)'],
    });
  });
});

describe('pretalx widget JSON', () => {
  const { program, warnings } = ok(loadProgramText(fixture('pretalx-widget.json'), 'widget.json'));

  it('resolves rooms, tracks and speakers by id and code, translated names in English', () => {
    expect(program.rooms.map((r) => r.name)).toEqual(['Main Hall', 'Workshop Room']);
    expect(program.items[0]).toMatchObject({
      id: 'XYZ789',
      kind: 'talk',
      title: 'Hardening everything',
      start: '2025-06-10T09:30',
      end: '2025-06-10T10:15',
      track: 'Security',
      abstract: 'An introduction to hardening.',
      speakers: [{ name: 'Jane Doe', biography: 'Jane builds things.\nSecond paragraph.' }, { name: 'John Roe' }],
    });
    expect(program.items[1]).toMatchObject({ id: '502', kind: 'meal', title: 'Lunch break' });
  });

  it('a talk at 01:00 belongs to the day before (pretalx days start at 04:00)', () => {
    expect(program.items[2]!.start).toBe('2025-06-11T01:00');
    expect(program.event.dayStartsAt).toBe('04:00');
    expect(warnings).toHaveLength(1);
  });
});

describe('schedule.json v2 (c3voc)', () => {
  const { program } = ok(loadProgramText(fixture('schedule-v2.json'), 'v2.json'));

  it('reads events with absolute start and end, rooms in conference order, persons with biographies', () => {
    expect(program.rooms.map((r) => r.name)).toEqual(['Saal 1', 'Saal 2']);
    expect(program.items[0]).toMatchObject({
      id: 'e1',
      title: 'Opening talk',
      start: '2025-12-27T11:00',
      end: '2025-12-27T11:40',
      room: 'saal-2',
      track: 'Science & Art',
      speakers: [{ name: 'Pat Speaker', biography: 'Pat talks.' }],
      abstract: 'Short.\nLonger text.\nWith two paragraphs.',
    });
    expect(program.items[1]).toMatchObject({ start: '2025-12-28T00:30', kind: 'other' });
    expect(program.event.dayStartsAt).toBe('06:00');
  });
});

describe('broken input gets one clear error naming the file', () => {
  const FOSDEM = readFileSync(CORPUS + 'fosdem-2025.xml', 'utf8');
  const cases: [string, string, RegExp][] = [
    ['truncated XML', FOSDEM.slice(0, 50_000), /^cut\.xml: not well-formed XML at line \d+, column \d+: /],
    [
      'XML cut off right after an element (the parser alone would return part of the schedule)',
      FOSDEM.slice(0, FOSDEM.indexOf('</event>', 50_000) + '</event>'.length),
      /^cut\.xml: not well-formed XML at line \d+, column \d+: /,
    ],
    [
      'JSON that is not a schedule',
      fixture('not-a-schedule.json'),
      /^cut\.xml: JSON, but not a program or a schedule this reads \(expected Foyer's program JSON, a frab/,
    ],
    [
      'truncated JSON',
      readFileSync(CORPUS + 'camp2019-frab.json', 'utf8').slice(0, 3000),
      /^cut\.xml: not valid JSON at line \d+, column \d+/,
    ],
    ['an .ics without events', fixture('no-events.ics'), /^cut\.xml: the calendar has no events \(no VEVENT\)$/],
    [
      'a truncated .ics',
      readFileSync(CORPUS + 'lca2020.ics', 'utf8').slice(0, 2000),
      /^cut\.xml: (not a valid iCalendar file|the calendar is cut off)/,
    ],
    ['an HTML page', fixture('login-page.html'), /^cut\.xml: is a web page \(HTML\), not a schedule: use the export itself/],
    [
      'XML that is not a schedule',
      '<?xml version="1.0"?><rss><channel/></rss>',
      /^cut\.xml: XML, but not a frab\/pentabarf schedule/,
    ],
    ['an empty file', '  \n', /^cut\.xml: the file is empty$/],
    ['plain text', 'Day 1: talks all day', /^cut\.xml: not a format Foyer reads/],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => {
      const result = loadProgramText(text, 'cut.xml');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]).toMatch(message);
      }
    });
  }

  it("Foyer's own JSON still goes through the validator unchanged", () => {
    const seed = readFileSync(new URL('../../../data/program.json', import.meta.url), 'utf8');
    const result = loadProgramText(seed, 'data/program.json');
    expect(result.ok).toBe(true);
    const broken = loadProgramText(seed.replace('"version": 1', '"version": 2'), 'data/program.json');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toMatch(/^data\/program\.json: version: /);
  });
});

describe('durations and text as real exports write them', () => {
  it.each([
    ['00:40', 40, undefined],
    ['0:40', 40, undefined],
    ['1:30', 90, undefined],
    ['00:40:00', 40, undefined],
    ['01:30:00', 90, undefined],
    ['1:02:30', 1590, undefined], // pretalx D:HH:MM
    ['90', 90, '"90" read as 1 hour 30 minutes'],
    ['PT1H15M', 75, undefined],
    [45, 45, undefined],
  ] as const)('%s is %i minutes', (text, minutes, note) => {
    const result = parseDuration(text);
    expect(result).toEqual(note ? { ok: true, minutes, note } : { ok: true, minutes });
  });

  it('refuses what is not a duration', () => {
    expect(parseDuration('forty')).toEqual({ ok: false, message: '"forty" is not a duration (expected HH:MM)' });
  });

  it('reduces Markdown to its text but leaves identifiers and arithmetic alone', () => {
    expect(plainText('**Bold** and *em* and [a link](https://x.test/a_(b)) in `code`.\r\n\r\n- one\r\n- two')).toBe(
      'Bold and em and a link in code.\n• one\n• two',
    );
    expect(plainText('use snake_case_names and 2*3*4 here')).toBe('use snake_case_names and 2*3*4 here');
  });

  it('decodes entities and drops tags; whitespace-only text is nothing', () => {
    expect(plainText('<p>caf&eacute; &#x2013; &quot;q&quot;</p><ul><li>a</li><li>b</li></ul>')).toBe('café – "q"\n• a\n• b');
    expect(plainText('<p> </p>')).toBeUndefined();
  });
});
