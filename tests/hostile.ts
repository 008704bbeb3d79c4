/**
 * Inputs that once crashed, hung or fooled a host (issue #10), shared by the
 * loader's tests and by the loops that feed them to a running source, hub
 * and board. Small ones are files in tests/fixtures/hostile; large ones are made
 * here, the same every time.
 */
import { readFileSync } from 'node:fs';
import { FIXTURES } from './fixture-paths.ts';

export interface Hostile {
  /** What it is, for test names. */
  what: string;
  /** The file name it is written under (its extension is only for people: content decides the format). */
  file: string;
  text: string;
  /** The refusal, after "<file>: ". */
  refusal: RegExp;
}

const fixture = (name: string): string => readFileSync(`${FIXTURES}hostile/${name}`, 'utf8');

const FRAB_HEAD =
  '<?xml version="1.0"?>\n<schedule><conference><title>Deep</title><time_zone_name>Europe/Stockholm</time_zone_name></conference>';

/** Rejected: each must leave the last good program on screen with a message naming the file. */
export const REFUSED: readonly Hostile[] = [
  {
    what: 'an iCalendar DTSTART without seconds',
    file: 'dtstart-no-seconds.ics',
    text: fixture('dtstart-no-seconds.ics'),
    refusal: /^event bad@example \(field DTSTART\): not a date and time like 20260506T100000$/,
  },
  {
    what: 'an empty iCalendar DTSTART',
    file: 'dtstart-empty.ics',
    text: fixture('dtstart-empty.ics'),
    refusal: /^event bad@example \(field DTSTART\): not a date and time/,
  },
  {
    what: 'a dashed iCalendar DTSTART',
    file: 'dtstart-dashed.ics',
    text: fixture('dtstart-dashed.ics'),
    refusal: /^event bad@example \(field DTSTART\): not a date and time/,
  },
  {
    what: 'a garbage iCalendar DURATION',
    file: 'duration-garbage.ics',
    text: fixture('duration-garbage.ics'),
    refusal: /^event bad@example \(field DURATION\): not a duration like PT40M$/,
  },
  {
    what: 'XML with an external entity (XXE)',
    file: 'external-entity.xml',
    text: fixture('external-entity.xml'),
    refusal: /^the XML declares an external entity \(<!ENTITY … SYSTEM …>\); Foyer never reads the files or addresses/,
  },
  {
    what: 'XML with a parameter entity',
    file: 'parameter-entity.xml',
    text: fixture('parameter-entity.xml'),
    refusal: /^the XML declares a parameter entity/,
  },
  {
    what: 'XML nested 20,000 deep',
    file: 'deep.xml',
    text: `${FRAB_HEAD}${'<day>'.repeat(20_000)}${'</day>'.repeat(20_000)}</schedule>\n`,
    refusal: /^elements are nested more than 100 deep/,
  },
  {
    what: 'JSON nested 200,000 deep',
    file: 'deep.json',
    text: `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    refusal: /^JSON, but not a program or a schedule this reads/,
  },
  {
    what: 'a page of 40 empty comments (an exponential expression once)',
    file: 'comments.html',
    text: `${'<!---->'.repeat(40)}<schedule`,
    refusal: /^XML, but not a frab\/pentabarf schedule|not well-formed XML/,
  },
  { what: 'an empty file', file: 'empty.json', text: '', refusal: /^the file is empty$/ },
  {
    what: 'binary garbage',
    file: 'garbage.bin',
    text: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
    refusal: /^not a format Foyer reads/,
  },
  {
    what: 'half a program (a save caught mid-write)',
    file: 'half.json',
    text: readFileSync(new URL('../data/program.json', import.meta.url), 'utf8').slice(0, 3000),
    refusal: /^not valid JSON at line \d+, column \d+/,
  },
];

/**
 * A frab export whose abstract is "**a " × 100,000 (400 KB): the Markdown
 * cleaner once took about a minute on it, blocking the host. Accepted, and fast.
 */
export function markdownBomb(): string {
  return `${FRAB_HEAD.replace('Deep', 'Bold')}<day date="2026-05-06" index="1"><room name="Main room"><event id="1">
<date>2026-05-06T09:00:00+02:00</date><start>09:00</start><duration>00:40</duration><room>Main room</room>
<title>Emphatic</title><type>lecture</type><abstract>${'**a '.repeat(100_000)}</abstract>
<persons><person id="1">Ann Speaker</person></persons></event></room></day></schedule>
`;
}
