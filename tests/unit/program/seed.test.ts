/**
 * data/program.json is a transcription of the organisers' seed program
 * (tests/fixtures/seed/program.txt, a copy of the text they sent). These tests re-read the seed with a small parser
 * of their own and prove the transcription faithful: every slot, time, title,
 * speaker, biography and abstract, verbatim except for the glued-word fixes
 * listed in TEXT_FIXES below (and in docs/program-format.md).
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { Program, type Item } from '../../../core/program/schema.ts';
import { SEED_TEXT } from '../../fixture-paths.ts';

const PROGRAM_URL = new URL('../../../data/program.json', import.meta.url);
const FIXES_DOC_URL = new URL('../../../docs/program-format.md', import.meta.url);

type Field = 'speakers[0].biography' | 'abstract';

interface TextFix {
  id: string;
  field: Field;
  before: string;
  after: string;
}

/** The only edits made to the seed's text: a space restored between two glued words. */
const TEXT_FIXES: readonly TextFix[] = [
  { id: 'd1-0900-talk', field: 'speakers[0].biography', before: 'BroydenPrize', after: 'Broyden Prize' },
  { id: 'd1-0940-talk', field: 'abstract', before: 'predictedby', after: 'predicted by' },
  { id: 'd1-0940-talk', field: 'abstract', before: 'introducea', after: 'introduce a' },
  { id: 'd1-1130-talk', field: 'speakers[0].biography', before: 'indecentralized', after: 'in decentralized' },
  { id: 'd1-1130-talk', field: 'speakers[0].biography', before: 'andcompleted', after: 'and completed' },
  { id: 'd1-1545-talk', field: 'abstract', before: 'labeledexamples', after: 'labeled examples' },
  { id: 'd2-0900-talk', field: 'speakers[0].biography', before: 'ICTEAMinstitute', after: 'ICTEAM institute' },
  { id: 'd2-1545-talk', field: 'abstract', before: 'tractablesurrogate', after: 'tractable surrogate' },
  { id: 'd2-1545-talk', field: 'abstract', before: 'projection-freemethods', after: 'projection-free methods' },
  { id: 'd2-1625-talk', field: 'speakers[0].biography', before: 'Mathematicsat', after: 'Mathematics at' },
  { id: 'd3-0900-talk', field: 'abstract', before: 'online-to-batchconversion', after: 'online-to-batch conversion' },
  { id: 'd3-0900-talk', field: 'abstract', before: 'bettereval', after: 'better eval' },
  { id: 'd3-1340-talk', field: 'abstract', before: 'canaccelerate', after: 'can accelerate' },
  { id: 'd3-1340-talk', field: 'abstract', before: 'whichassumptions', after: 'which assumptions' },
  { id: 'd3-1545-talk', field: 'abstract', before: 'largersteps', after: 'larger steps' },
  { id: 'd3-1625-talk', field: 'abstract', before: 'largersteps', after: 'larger steps' },
];

/** Single-line slots of the seed and the item kind each becomes. */
const SIMPLE_KINDS: Readonly<Record<string, Item['kind']>> = {
  Registration: 'registration',
  Opening: 'opening',
  Closing: 'closing',
  Coffee: 'break',
  Lunch: 'meal',
  'Lightning Talks': 'lightning-talks',
  'Poster session & coffee': 'poster-session',
};

function readSeed(): string[] {
  const path = SEED_TEXT;
  if (!existsSync(path)) {
    throw new Error(
      `Seed program not found at ${path}. These tests compare data/program.json with the organisers' seed ` +
        `text and cannot pass without it (see tests/fixtures/README.md).`,
    );
  }
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function readProgram(): Program {
  return Program.parse(JSON.parse(readFileSync(PROGRAM_URL, 'utf8')));
}

/** A time slot of the seed: its date, times and the lines under it. */
interface SeedBlock {
  date: string;
  start: string;
  end?: string;
  lines: string[];
}

const MONTHS: Readonly<Record<string, string>> = { May: '05' };
const DATE_LINE = /^(?:Day (\d+) – )?(May) (\d{1,2}), (\d{4})$/;
const SLOT_LINE = /^(\d{2}:\d{2}) - (\d{2}:\d{2})$/;
const TIME_LINE = /^(\d{2}:\d{2})$/;

function parseSeed(lines: readonly string[]): { header: string[]; blocks: SeedBlock[]; footer: string[] } {
  const header: string[] = [];
  const blocks: SeedBlock[] = [];
  let date: string | undefined;
  let current: SeedBlock | undefined;
  for (const line of lines) {
    const day = DATE_LINE.exec(line);
    const slot = SLOT_LINE.exec(line);
    const time = TIME_LINE.exec(line);
    if (day) {
      date = `${day[4]}-${MONTHS[day[2]!]}-${day[3]!.padStart(2, '0')}`;
      current = undefined;
    } else if (slot || time) {
      if (!date) throw new Error(`time slot before any date: ${line}`);
      current = slot ? { date, start: slot[1]!, end: slot[2]!, lines: [] } : { date, start: time![1]!, lines: [] };
      blocks.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      header.push(line);
    }
  }
  // The seed ends with a bare "Map" heading (a link to a map image in the original page).
  const last = blocks.at(-1)!;
  const footer = last.lines.at(-1) === 'Map' ? last.lines.splice(-1) : [];
  return { header, blocks, footer };
}

function applyFixes(text: string, id: string, field: Field): string {
  let out = text;
  for (const fix of TEXT_FIXES.filter((f) => f.id === id && f.field === field)) {
    expect(out.split(fix.before).length - 1, `${id} ${field}: "${fix.before}" occurs once in the seed`).toBe(1);
    out = out.replace(fix.before, fix.after);
  }
  return out;
}

interface ExpectedItem {
  kind: Item['kind'];
  start: string;
  end?: string;
  title?: string;
  subtitle?: string;
  venue?: { name: string; address?: string };
  destination?: { name: string; address?: string };
  notes?: string;
  speaker?: { name: string; affiliation: string; biography: string };
  abstract?: string;
}

/** What the seed says, slot by slot, as the items program.json must hold (ids attached when matched). */
function expectedItems(blocks: readonly SeedBlock[]): ExpectedItem[] {
  const out: ExpectedItem[] = [];
  for (const block of blocks) {
    const at = (hhmm: string) => `${block.date}T${hhmm}`;
    const [first, ...rest] = block.lines;
    if (first === undefined) throw new Error(`empty slot at ${block.date} ${block.start}`);
    const simple = SIMPLE_KINDS[first];
    if (simple && rest.length === 0) {
      out.push({ kind: simple, start: at(block.start), end: at(block.end!), title: first });
    } else if (block.lines.includes('Biography')) {
      const bio = block.lines.indexOf('Biography');
      const abs = block.lines.indexOf('Abstract');
      const speakerLine = block.lines[bio - 1]!;
      const comma = speakerLine.indexOf(', ');
      const heading = block.lines.slice(0, bio - 1);
      expect(heading.length, `${block.date} ${block.start}: title and optional subtitle`).toBeLessThanOrEqual(2);
      const item: ExpectedItem = {
        kind: 'talk',
        start: at(block.start),
        end: at(block.end!),
        speaker: {
          name: speakerLine.slice(0, comma),
          affiliation: speakerLine.slice(comma + 2),
          biography: block.lines.slice(bio + 1, abs === -1 ? undefined : abs).join('\n'),
        },
      };
      if (heading[0] !== 'TBA') item.title = heading[0];
      if (heading[1] !== undefined) item.subtitle = heading[1];
      if (abs !== -1) item.abstract = block.lines.slice(abs + 1).join('\n');
      out.push(item);
    } else if (block.end === undefined) {
      // 19:00 / "Turning Torso, <address>" / "Symposium dinner" / "Bus transport ... departs from X at HH:MM."
      const [place, title, sentence] = block.lines as [string, string, string];
      expect(block.lines).toHaveLength(3);
      const comma = place.indexOf(', ');
      const dinnerVenue = { name: place.slice(0, comma), address: place.slice(comma + 2) };
      const bus = /^(Bus transport to dinner venue .+) departs from (.+) at (\d{2}:\d{2})\.$/.exec(sentence);
      expect(bus, `bus sentence: ${sentence}`).not.toBeNull();
      out.push({
        kind: 'transport',
        start: at(bus![3]!),
        title: bus![1]!,
        venue: { name: bus![2]! },
        destination: dinnerVenue,
        notes: sentence,
      });
      out.push({ kind: 'dinner', start: at(block.start), title, venue: dinnerVenue });
    } else {
      // Reception: venue name / address (with a sentence period) / title / notes.
      const [name, address, title, notes] = block.lines as [string, string, string, string];
      expect(block.lines).toHaveLength(4);
      out.push({
        kind: 'reception',
        start: at(block.start),
        end: at(block.end),
        title,
        notes,
        venue: { name, address: address.replace(/\.$/, '') },
      });
    }
  }
  return out;
}

function findVenue(program: Program, id: string | undefined) {
  const venue = program.event.venues.find((v) => v.id === id);
  expect(venue, `venue "${id}" is declared`).toBeDefined();
  return venue!;
}

describe('data/program.json', () => {
  it('parses with the program schema', () => {
    const result = Program.safeParse(JSON.parse(readFileSync(PROGRAM_URL, 'utf8')));
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });

  it('has unique ids, chronological items and no overlap in a room', () => {
    const { items } = readProgram();
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (let n = 1; n < items.length; n++) expect(items[n]!.start >= items[n - 1]!.start, items[n]!.id).toBe(true);
    const inRoom = items.filter((i) => i.room === 'main');
    for (const a of inRoom)
      for (const b of inRoom) if (a !== b) expect(a.start < b.end! && b.start < a.end!, `${a.id} overlaps ${b.id}`).toBe(false);
  });
});

describe('data/program.json against the seed program', () => {
  it('keeps the notice and has one item per seed slot, in order, with the same times and titles', () => {
    const { header, blocks, footer } = parseSeed(readSeed());
    const program = readProgram();
    expect(header).toEqual(['Detailed program', program.event.notice]);
    expect(footer).toEqual(['Map']);
    expect(program.event.map).toBeUndefined();
    const expected = expectedItems(blocks);
    expect(program.items.map((i) => [i.kind, i.start, i.end, i.title, i.subtitle])).toEqual(
      expected.map((e) => [e.kind, e.start, e.end, e.title, e.subtitle]),
    );
    const dates = blocks.map((b) => b.date).sort();
    expect([program.event.startDate, program.event.endDate]).toEqual([dates[0], dates.at(-1)]);
  });

  it('has every speaker, biography and abstract verbatim except the listed glued-word fixes', () => {
    const program = readProgram();
    const expected = expectedItems(parseSeed(readSeed()).blocks);
    let speakers = 0;
    expected.forEach((e, n) => {
      const item = program.items[n]!;
      expect(item.kind, item.id).toBe(e.kind);
      if (!e.speaker) {
        expect(item.speakers, item.id).toBeUndefined();
        expect(item.abstract, item.id).toBeUndefined();
        return;
      }
      speakers++;
      expect(item.speakers, item.id).toHaveLength(1);
      const speaker = item.speakers![0]!;
      expect(speaker.name, item.id).toBe(e.speaker.name);
      expect(speaker.affiliation, item.id).toBe(e.speaker.affiliation);
      expect(speaker.biography, `${item.id} biography`).toBe(applyFixes(e.speaker.biography, item.id, 'speakers[0].biography'));
      expect(item.abstract, `${item.id} abstract`).toBe(
        e.abstract === undefined ? undefined : applyFixes(e.abstract, item.id, 'abstract'),
      );
    });
    expect(speakers).toBe(21);
  });

  it('has the venues, notes and bus exactly as the seed gives them', () => {
    const program = readProgram();
    const expected = expectedItems(parseSeed(readSeed()).blocks);
    expected.forEach((e, n) => {
      const item = program.items[n]!;
      expect(item.notes, item.id).toBe(e.notes);
      if (e.venue) {
        expect(item.room, item.id).toBeUndefined();
        const venue = findVenue(program, item.venue);
        expect(venue.name, item.id).toBe(e.venue.name);
        expect(venue.address, item.id).toBe(e.venue.address);
      } else {
        expect(item.venue, item.id).toBeUndefined();
        expect(item.room, item.id).toBe('main');
      }
      if (e.destination) {
        const destination = findVenue(program, item.destination);
        expect(destination.name, item.id).toBe(e.destination.name);
        expect(destination.address, item.id).toBe(e.destination.address);
      } else {
        expect(item.destination, item.id).toBeUndefined();
      }
    });
  });

  it('lists only fixes that restore one space, each applied where listed and documented in docs/program-format.md', () => {
    const seed = readSeed().join('\n');
    const program = readProgram();
    const doc = readFileSync(FIXES_DOC_URL, 'utf8');
    const rows = doc
      .split('\n')
      .map((line) => /^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*→\s*`([^`]+)`\s*\|$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ id: m[1]!, field: m[2]!, before: m[3]!, after: m[4]! }));
    expect(rows).toEqual(TEXT_FIXES);
    for (const fix of TEXT_FIXES) {
      expect(fix.after.replace(' ', ''), `${fix.before}: only a space is added`).toBe(fix.before);
      expect(fix.after.split(' ').length - fix.before.split(' ').length).toBe(1);
      expect(seed.includes(fix.before), `"${fix.before}" is in the seed`).toBe(true);
      const item = program.items.find((i) => i.id === fix.id);
      const text = fix.field === 'abstract' ? item?.abstract : item?.speakers?.[0]?.biography;
      expect(text, `${fix.id} ${fix.field}`).toContain(fix.after);
    }
    const json = readFileSync(PROGRAM_URL, 'utf8');
    for (const fix of TEXT_FIXES) expect(json.includes(fix.before), `"${fix.before}" left in program.json`).toBe(false);
  });
});

describe('data/program.json: facts from the seed', () => {
  it('opens with the welcome reception at the Historical Museum', () => {
    const program = readProgram();
    const reception = program.items[0]!;
    expect(reception).toMatchObject({
      kind: 'reception',
      start: '2026-05-05T17:00',
      end: '2026-05-05T19:00',
      venue: 'historical-museum',
      title: 'Welcome reception at the Historical Museum',
      notes: 'A welcome drink and some hors d’oeuvres will be served.',
    });
    expect(findVenue(program, 'historical-museum')).toEqual({
      id: 'historical-museum',
      name: 'Historical Museum at Lund University',
      address: 'Krafts Torg 1, 223 50 Lund',
    });
  });

  it("gives Adrien Taylor's talk its title and subtitle", () => {
    const taylor = readProgram().items.find((i) => i.speakers?.[0]?.name === 'Adrien Taylor');
    expect(taylor).toMatchObject({
      start: '2026-05-07T09:00',
      title: 'Recent advances on the systematic analysis and design of first-order optimization algorithms',
      subtitle: 'Convex optimization as a proof assistant for algorithm analysis and design',
      speakers: [{ name: 'Adrien Taylor', affiliation: 'Inria Paris' }],
    });
  });

  it('links the two parts of the central flows talk', () => {
    const { items } = readProgram();
    const parts = items.filter((i) => i.part?.group === 'central-flows');
    expect(parts.map((i) => [i.start, i.speakers?.[0]?.name, i.subtitle, i.part])).toEqual([
      ['2026-05-08T15:45', 'Jeremy Cohen', 'A two-part talk with Alex Damian', { group: 'central-flows', index: 1, count: 2 }],
      ['2026-05-08T16:25', 'Alex Damian', 'A two-part talk with Jeremy Cohen', { group: 'central-flows', index: 2, count: 2 }],
    ]);
    for (const part of parts) expect(part.title).toBe('Understanding Optimization in Deep Learning with Central Flows');
    expect(items.indexOf(parts[1]!)).toBe(items.indexOf(parts[0]!) + 1);
  });

  it('has the bus from Lund Cathedral at 18:00, then the open-ended dinner at Turning Torso at 19:00', () => {
    const program = readProgram();
    const bus = program.items.find((i) => i.kind === 'transport');
    const dinner = program.items.find((i) => i.kind === 'dinner');
    expect(bus).toMatchObject({ start: '2026-05-07T18:00', venue: 'lund-cathedral', destination: 'turning-torso' });
    expect(bus?.end).toBeUndefined();
    expect(dinner).toMatchObject({ start: '2026-05-07T19:00', venue: 'turning-torso', title: 'Symposium dinner' });
    expect(dinner?.end).toBeUndefined();
    expect(program.items.indexOf(bus!)).toBe(program.items.indexOf(dinner!) - 1);
    expect(findVenue(program, 'lund-cathedral')).toEqual({ id: 'lund-cathedral', name: 'Lund Cathedral' });
    expect(findVenue(program, 'turning-torso')).toEqual({
      id: 'turning-torso',
      name: 'Turning Torso',
      address: 'Lilla Varvsgatan 14, 211 15 Malmö',
    });
  });
});
