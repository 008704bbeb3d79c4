/**
 * Inputs that once threw out of the importers (and took `npm run hub` down with
 * a stack trace), hung the detector, or fooled a screen: each is refused with
 * one message naming the file, through the one entry point every host loads by.
 */
import { describe, expect, it } from 'vitest';
import { loadProgramText } from '../../../core/import/load.ts';
import { markdownBomb, REFUSED } from '../../hostile.ts';

describe('hostile inputs are refused in one line naming the file, never thrown', () => {
  for (const input of REFUSED) {
    it(input.what, () => {
      const started = performance.now();
      const result = loadProgramText(input.text, input.file);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.startsWith(`${input.file}: `)).toBe(true);
      expect(result.errors[0]!.slice(input.file.length + 2)).toMatch(input.refusal);
    });
  }

  it('never reads what an external entity names (XXE)', () => {
    const result = loadProgramText(REFUSED.find((i) => i.file === 'external-entity.xml')!.text, 'x.xml');
    expect(JSON.stringify(result)).not.toMatch(/root:|\/bin\/(ba)?sh/);
  });
});

describe('hostile text that is still a schedule', () => {
  it('an abstract of "**a " × 100,000 is imported in seconds, not a minute', () => {
    const text = markdownBomb();
    const started = performance.now();
    const result = loadProgramText(text, 'bold.xml');
    // About 0.2 s (parsing and validating the 400 KB file included); it took a minute before.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.program.items[0]!.title).toBe('Emphatic');
  });
});

describe('bidirectional overrides never reach a screen; isolates stay in the texts people read', () => {
  const seed = JSON.parse(
    JSON.stringify(
      // Overrides and isolates in names, titles, notices and nested texts.
      {
        version: 1,
        event: {
          name: 'Sym\u202eposium',
          timezone: 'Europe/Stockholm',
          startDate: '2026-05-06',
          endDate: '2026-05-06',
          notice: '\u2066Subject\u2069 to change',
          venues: [],
        },
        rooms: [{ id: 'main', name: 'Main \u202droom' }],
        items: [
          {
            id: 'a',
            kind: 'talk',
            start: '2026-05-06T09:00',
            end: '2026-05-06T09:40',
            room: 'main',
            title: 'Photo\u202egnp.exe',
            speakers: [{ name: 'Ann \u202aSpeaker\u202c', biography: 'Bio\u2067 text\u2068' }],
          },
        ],
        announcements: [{ id: 'n', text: '\u202bWelcome' }],
      },
    ),
  ) as unknown;

  it('strips overrides from every text of a Foyer program at load, and keeps isolates in its texts', () => {
    const result = loadProgramText(JSON.stringify(seed), 'program.json');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const text = JSON.stringify(result.program);
    expect(text).not.toMatch(/[\u202a-\u202e]/);
    expect(result.program.event.notice).toBe('\u2066Subject\u2069 to change');
    expect(result.program.items[0]!.speakers![0]!.biography).toBe('Bio\u2067 text\u2068');
    expect(result.program.items[0]!.title).toBe('Photognp.exe');
    expect(result.program.event.name).toBe('Symposium');
    expect(result.program.items[0]!.speakers![0]!.name).toBe('Ann Speaker');
  });

  it('strips them from imported schedules too', () => {
    const ics = REFUSED.find((i) => i.file === 'dtstart-no-seconds.ics')!
      .text.replace('DTSTART:20260506T1000\r\n', 'DTSTART:20260506T100000\r\n')
      .replace('SUMMARY:The broken one', 'SUMMARY:Invoice\u202efdp.exe');
    const result = loadProgramText(ics, 'calendar.ics');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.program.items.map((i) => i.title)).toContain('Invoicefdp.exe');
  });

  it('ids that differ only by them are duplicates', () => {
    const program = seed as { items: { id: string }[] };
    const twice = {
      ...program,
      items: [program.items[0], { ...program.items[0], id: 'a\u2067', start: '2026-05-06T10:00', end: '2026-05-06T10:30' }],
    };
    const result = loadProgramText(JSON.stringify(twice), 'program.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain('program.json: items[1].id: duplicate id "a" (also items[0])');
  });
});
