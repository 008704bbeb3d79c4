/**
 * The text cleaner takes time linear in its input: hostile or broken abstracts
 * (an opener with no closer, repeated 100,000 times) are cleaned in well under
 * a second, and the scanners give what the regular expressions they replaced
 * gave on any short text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrapEmphasis, unwrapLinks } from '../../../core/import/markdown-inline.ts';
import { htmlToText, lineText, plainText } from '../../../core/import/text.ts';

/** The expressions the scanners replace: right on short text, quadratic on long hostile text. */
const reference = {
  inline: (line: string): string =>
    line
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/(^|[\s(])(\*\*|__)(?=\S)(.*?\S)\2(?=$|[\s).,:;!?])/g, '$1$3')
      .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s).,:;!?])/g, '$1$2')
      .replace(/(^|[\s(])_(?=\S)([^_\n]*?\S)_(?=$|[\s).,:;!?])/g, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/`([^`]+)`/g, '$1'),
  html: (html: string): string =>
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/\s+/g, ' ')
      .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (tag, name: string) => {
        if (/^(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|hr|dd|dt)$/i.test(name))
          return name.toLowerCase() === 'li' && !tag.startsWith('</') ? '\n• ' : '\n\n';
        return '';
      }),
};

/** Short text made mostly of the characters the marks are made of. */
const markup = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
const INLINE = [
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '[',
  ']',
  '(',
  ')',
  '!',
  '<',
  '>',
  'http://',
  'https://',
  'a',
  'b',
  ' ',
  '.',
  '\u2028',
  '\t',
];
const HTML = ['<', '>', '/', '!--', '--', 'p', 'script', 'STYLE', 'b', 'a', ' ', '\n', 'x', '_', '<p>', '</p>', '<li>', '-->'];

describe('the Markdown and HTML cleaners', () => {
  it('give the same text as the regular expressions they replace', () => {
    fc.assert(
      fc.property(markup(INLINE), (line) => {
        expect(unwrapEmphasis(unwrapLinks(line))).toBe(reference.inline(line));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(markup(HTML), (html) => {
        // No piece holds an `&`, so htmlToText's decoding of entities changes nothing here.
        expect(htmlToText(html)).toBe(reference.html(html));
      }),
      { numRuns: 5_000 },
    );
  });

  it('still read the Markdown and HTML of real abstracts', () => {
    expect(
      plainText('**Bold** and *em* and [a link](https://x.test/a_(b)) in `code`, ~~gone~~ ![logo](l.png) <https://x.test>'),
    ).toBe('Bold and em and a link in code, gone logo https://x.test');
    expect(plainText('<p>One<!-- note --> <b>two</b></p><script>alert(1)</script><ul><li>three</li></ul>')).toBe(
      'One two\n• three',
    );
  });
});

describe('hostile text is cleaned in well under a second', () => {
  const PUMPS: [string, string][] = [
    ['bold openers without closers', '**a '],
    ['underscore bold openers', '__a '],
    ['strikethrough openers', '~~a '],
    ['link openers', '[a]('],
    ['image openers', '![a]('],
    ['brackets without a closer', '[a'],
    ['nested parentheses in a link destination', '[a](b(c'],
    ['reference link openers', '[a]['],
    ['autolink openers', '<http://a'],
    ['single emphasis openers', '*a '],
    ['code openers', '`a '],
    ['thematic-break look-alikes', '- '],
    ['wide spaces in a title', 'a\u2002'],
    ['HTML comments without an end', '<p><!--'],
    ['HTML script without an end', '<p><script '],
    ['HTML tags without a >', '<p <a '],
    ['entities without a ;', '&#x1&amp'],
  ];
  for (const [what, pump] of PUMPS) {
    // 400 KB each, as "**a " × 100,000.
    const times = Math.ceil(400_000 / pump.length);
    it(`${what}: ${JSON.stringify(pump)} × ${times.toLocaleString('en')}`, () => {
      const text = pump.repeat(times);
      // The expressions these replaced took about a minute on each; this allows for a loaded machine.
      for (const clean of [() => plainText(text), () => lineText(text), () => plainText(text, { markdown: false })]) {
        const started = performance.now();
        clean();
        expect(performance.now() - started).toBeLessThan(750);
      }
    });
  }
});
