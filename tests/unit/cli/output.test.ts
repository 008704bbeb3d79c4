/**
 * What the command-line tools print: escaped, capped, and quick however many
 * problems or warnings a file has.
 */
import { describe, expect, it } from 'vitest';
import { printable } from '../../../core/cli/output.ts';
import { capLines } from '../../../core/lines.ts';
import { warningSummary } from '../../../core/cli/warning-summary.ts';

describe('printable', () => {
  it('shows control characters and bidirectional overrides as escapes, and leaves text and tabs alone', () => {
    expect(printable('title \u001b[2J\u001b]0;pwned\u0007 end')).toBe('title \\x1b[2J\\x1b]0;pwned\\x07 end');
    expect(printable('a\nb\rc\u009bd\u202ee\u2066f')).toBe('a\\nb\\rc\\x9bd\\u202ee\\u2066f');
    expect(printable('Café – “Lund”\tMalmö 🚌')).toBe('Café – “Lund”\tMalmö 🚌');
  });
});

describe('capLines', () => {
  it('keeps a short list, and cuts a long one after N with the count of the rest', () => {
    expect(capLines(['a', 'b'], 10)).toEqual(['a', 'b']);
    const lines = Array.from({ length: 300_000 }, (_, i) => `problem ${i}`);
    const started = performance.now();
    const capped = capLines(lines, 10);
    expect(performance.now() - started).toBeLessThan(100);
    expect(capped).toHaveLength(11);
    expect(capped[10]).toBe('… and 299,990 more');
  });
});

describe('warningSummary', () => {
  it('summarises 300,000 warnings of one kind in well under a second', () => {
    const notes = Array.from({ length: 300_000 }, (_, i) => ({
      kind: 'duration',
      line: `f.xml: event ${i} (field duration): missing`,
    }));
    const started = performance.now();
    const lines = warningSummary(notes, false);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lines.at(-1)).toBe('    … and 299998 more');
  });
});
