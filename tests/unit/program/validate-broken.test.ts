/**
 * Every file in tests/fixtures/broken/ is tests/fixtures/valid-small.json with
 * one mistake an organiser makes by hand. The validator must refuse each with
 * exactly the sentence below: file name, JSON path, and what is wrong in words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProgramText } from '../../../core/import/load.ts';
import { formatProblem } from '../../../core/program/problem.ts';
import { validateProgramText } from '../../../core/program/validate.ts';

const DIR = 'tests/fixtures/broken';
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'malformed-trailing-comma': [
    'not valid JSON at line 58, column 5: expected a field name in double quotes (is there a comma too many before the closing }?)',
  ],
  'malformed-missing-comma': ['not valid JSON at line 37, column 7: expected a comma or } after the value (a comma missing?)'],
  'malformed-single-quotes': ["not valid JSON at line 18, column 15: unexpected character ' (text values need double quotes)"],
  'malformed-unclosed': ['not valid JSON at line 15, column 3: the file ends too early (a bracket or text value is not closed)'],
  'empty-file': ['not valid JSON at line 1, column 1: the file is empty'],
  'not-an-object': ['the file must be an object {...}, not a list'],
  'wrong-type-title': ['items[1].title: title must be text in double quotes, not the number 42'],
  'wrong-type-speakers': ['items[1].speakers: speakers must be a list [...], not the text "Ada Lovelace"'],
  'room-order-fraction': ['rooms[0].order: order must be a whole number, not the number 1.5'],
  'missing-start': ['items[2].start: start is missing'],
  'missing-event': ['event: event is missing'],
  'unknown-field-typo': ['items[1]: unknown field "titel" (check the spelling)'],
  'unknown-room': ['items[2].room: unknown room "aula" (rooms: "main")'],
  'unknown-venue': ['items[4].venue: unknown venue "town-hall" (venues: "museum")'],
  'unknown-timezone': ['event.timezone: unknown time zone "Europe/Stokholm" (use an IANA name such as Europe/Stockholm)'],
  'duplicate-ids': ['items[2].id: duplicate id "t1" (also items[1])'],
  'end-before-start': ['items[2]: end 09:30 is before start 09:40'],
  'end-equals-start': ['items[2]: end 09:40 is the same as start 09:40'],
  'group-unknown-room': ['groups[0].rooms[1]: unknown room "aula" (rooms: "main")'],
  'group-duplicate-id': ['groups[1].id: duplicate id "floor-1" (also groups[0])'],
  'moved-unknown-room': ['items[2].movedTo.room: unknown room "aula" (rooms: "main")'],
  'cancelled-and-moved': ['items[2].movedTo: an item is either cancelled or moved, not both (remove "cancelled" or "movedTo")'],
  'moved-nowhere': ['items[2].movedTo: movedTo needs a new start or a new room (it names where the item already is)'],
  'outside-event-dates': ['items[3].start: start 2026-05-09T10:20 is outside the event dates 2026-05-06 to 2026-05-07'],
  'end-date-before-start-date': ['event.endDate: endDate 2026-05-05 is before startDate 2026-05-06'],
  'dst-nonexistent-time': [
    'items[5].start: start 2026-03-29T02:30 does not exist in Europe/Stockholm (the clocks skip it for daylight saving time)',
  ],
  'impossible-date': ['items[3].end: end 2026-05-06T24:00 is not a real date and time'],
  'start-with-offset': [
    'items[1].start: start must be a local wall time like 2026-05-06T09:00 (no offset; the zone is event.timezone)',
  ],
  'bad-colour': ['event.accentColor: accentColor must be a colour like #1d4ed8'],
  'bad-date-format': ['event.startDate: startDate must be a date like 2026-05-06'],
  'bad-url': ['event.url: url must be an http(s) URL'],
  'bad-kind': [
    'items[2].kind: kind is the text "keynote"; it must be one of "talk", "break", "meal", "registration", "opening", "closing", "lightning-talks", "poster-session", "reception", "dinner", "transport", "other"',
  ],
  'empty-title': ['items[3].title: title must not be empty'],
  'part-index-over-count': ['items[2].part.index: part 3 of 2 does not exist'],
  'part-count-one': ['items[1].part.count: count is the number 1; it must be at least 2'],
  'rooms-empty': ['rooms: rooms must list at least one room'],
  'version-2': ['version: version is the number 2; it must be 1'],
};

/** Files the format detector of loadProgramText answers before the validator (not Foyer JSON at all). */
const DETECTED_BEFORE_VALIDATION = new Set(['empty-file', 'not-an-object']);

/** Zod's and V8's own wording, which an organiser should never see. */
const JARGON =
  /Invalid input|Too (small|big)|expected \w+, received|[<>]=|at position|Unexpected token|JSON input|undefined|NaN|\bint\b|\bstring\b|\bnumber to\b/;

const fixtures = readdirSync(new URL(`../../../${DIR}`, import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

describe('broken program files', () => {
  it('the clean base file they are made from passes', () => {
    const result = loadProgramText(read('tests/fixtures/valid-small.json'), 'valid-small.json');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('every fixture on disk has an expected message here, and every message a fixture', () => {
    expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of Object.keys(EXPECTED)) {
    const file = `${DIR}/${name}.json`;
    const expected = EXPECTED[name]!.map((line) => `${file}: ${line}`);

    it(`${name}: refused with "${EXPECTED[name]![0]}"`, () => {
      const result = validateProgramText(read(file));
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.errors.map((p) => formatProblem(file, p))).toEqual(expected);
      for (const line of expected) expect(line).not.toMatch(JARGON);
    });

    it(`${name}: refused the same way by loadProgramText, the path every screen loads through`, () => {
      const result = loadProgramText(read(file), file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      if (DETECTED_BEFORE_VALIDATION.has(name)) {
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]!.startsWith(`${file}: `)).toBe(true);
      } else {
        expect(result.errors).toEqual(expected);
      }
    });
  }
});
