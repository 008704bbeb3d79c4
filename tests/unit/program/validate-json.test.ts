/**
 * Malformed JSON in a real-sized program file: the organiser gets the line and
 * column of the mistake and a sentence, never V8's message or an excerpt of
 * the file. Plus validator behaviour that a one-mistake fixture cannot show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programJsonSchema } from '../../../core/program/json-schema.ts';
import { parseJsonText } from '../../../core/program/json-text.ts';
import { validateProgram, validateProgramText } from '../../../core/program/validate.ts';

const SEED = readFileSync(new URL('../../../data/program.json', import.meta.url), 'utf8');

/** Line and column (1-based) of the first occurrence of `needle` in `text`, plus `shift` characters. */
function position(text: string, needle: string, shift = 0): { line: number; column: number } {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

describe('malformed JSON in the 500-line seed program', () => {
  const cases: { name: string; text: string; at: { line: number; column: number }; message: RegExp }[] = [
    {
      name: 'a trailing comma inside a list',
      text: SEED.replace('"name": "Turning Torso",', '"name": "Turning Torso",,'),
      at: position(SEED, '"name": "Turning Torso",', '"name": "Turning Torso",'.length),
      message: /^expected a field name in double quotes/,
    },
    {
      name: 'a missing comma between two fields',
      text: SEED.replace('"kind": "registration",', '"kind": "registration"'),
      at: position(SEED, '"start": "2026-05-06T08:30"'),
      message: /^expected a comma or } after the value/,
    },
    {
      name: 'a single-quoted value deep in the file',
      text: SEED.replace('"title": "Lunch"', '"title": \'Lunch\''),
      at: position(SEED, '"title": "Lunch"', '"title": '.length),
      message: /^unexpected character ' \(text values need double quotes\)$/,
    },
    {
      name: 'a trailing comma before ]',
      text: SEED.replace(/\}\n {2}\]\n\}\n$/, '},\n  ]\n}\n'),
      at: { line: SEED.split('\n').length - 2, column: 3 },
      message: /^unexpected \] \(is there a comma too many before it\?\)$/,
    },
    {
      name: 'the file cut off in the middle',
      text: SEED.slice(0, 2000),
      at: position(SEED, SEED.slice(0, 2000), 2000),
      message: /^the file ends too early/,
    },
    {
      name: 'a second closing brace at the end',
      text: `${SEED.trimEnd()}}\n`,
      at: { line: SEED.trimEnd().split('\n').length, column: 2 },
      message: /^unexpected text after the end of the program/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: line ${c.at.line}, column ${c.at.column}`, () => {
      const result = parseJsonText(c.text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect({ line: result.line, column: result.column }).toEqual(c.at);
      expect(result.message).toMatch(c.message);
      // Long files made V8 append an excerpt ("...\"title\": 'Lunch'... is not valid JSON").
      expect(result.message).not.toMatch(/is not valid JSON|position|\.\.\./);
    });
  }

  it('a byte-order mark is not a mistake', () => {
    expect(validateProgramText(`\uFEFF${SEED}`).ok).toBe(true);
  });
});

describe('the validator on whole programs', () => {
  const base = JSON.parse(SEED) as { items: Record<string, unknown>[]; rooms: unknown[]; event: Record<string, unknown> };

  it('accepts the seed with no warnings', () => {
    expect(validateProgramText(SEED)).toMatchObject({ ok: true, warnings: [] });
  });

  it('reports every problem of a file at once, in file order, not only the first', () => {
    const broken = structuredClone(base);
    broken.items[3]!.room = 'aula';
    broken.items[7]!.kind = 'keynote';
    broken.items[20]!.titel = 'x';
    const result = validateProgram(broken);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['items[7].kind', 'items[20]']);
  });

  it('warns (but loads) when a multi-part talk lacks a part', () => {
    const broken = structuredClone(base);
    broken.items = broken.items.filter((i) => i.id !== 'd3-1625-talk');
    const result = validateProgram(broken);
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        {
          kind: 'parts',
          path: 'items[36].part',
          message: 'multi-part talk "central-flows" says 2 parts but the program has 1',
        },
      ],
    });
  });

  it('rejects a day start that is not a time of day and a date that does not exist', () => {
    const broken = structuredClone(base);
    broken.event.dayStartsAt = '25:00';
    broken.event.endDate = '2026-05-32';
    const result = validateProgram(broken);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'event.dayStartsAt', message: 'dayStartsAt 25:00 is not a time of day (00:00 to 23:59)' },
      { path: 'event.endDate', message: 'endDate 2026-05-32 is not a real date' },
    ]);
  });

  it('checks overlaps in one room only: the reception at a venue may overlap nothing but its own place', () => {
    const two = structuredClone(base);
    two.rooms.push({ id: 'side', name: 'Side room' });
    two.items.push({
      id: 'side-talk',
      kind: 'talk',
      start: '2026-05-06T09:00',
      end: '2026-05-06T09:40',
      room: 'side',
      title: 'Parallel',
    });
    expect(validateProgram(two).ok).toBe(true);
  });
});

describe('the JSON Schema editors use', () => {
  it('is the one generated from the TypeScript schema (run npm run schema after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../data/program.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(programJsonSchema());
  });
});
