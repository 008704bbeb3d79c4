/**
 * What a program may put on a public screen: `event.url` (shown as a QR code)
 * is an http(s) address of at most 500 characters, every one of which the QR
 * encoder can draw; `event.notice` is a line, not a page.
 */
import { readFileSync } from 'node:fs';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { loadProgramText } from '../../../core/import/load.ts';
import { NOTICE_MAX, URL_MAX } from '../../../core/program/schema.ts';

const seed = JSON.parse(readFileSync(new URL('../../../data/program.json', import.meta.url), 'utf8')) as {
  event: Record<string, unknown>;
};
const withEvent = (changes: Record<string, unknown>) =>
  loadProgramText(JSON.stringify({ ...seed, event: { ...seed.event, ...changes } }), 'program.json');

describe('event.url', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://example.org/'])(
    '%s is refused: it must be an http(s) URL',
    (url) => {
      expect(withEvent({ url })).toEqual({ ok: false, errors: ['program.json: event.url: url must be an http(s) URL'] });
    },
  );

  it('a 4,000-character URL is refused before it reaches the QR encoder (which would throw)', () => {
    const url = `https://example.org/${'a'.repeat(4000)}`;
    expect(() => create(url, { errorCorrectionLevel: 'M' })).toThrow();
    expect(withEvent({ url })).toEqual({
      ok: false,
      errors: ['program.json: event.url: url must be at most 500 characters long (longer does not fit a QR code)'],
    });
  });

  it('the longest URL accepted still encodes, even in four-byte characters', () => {
    const url = `https://example.org/${'𝄞'.repeat((URL_MAX - 20) / 2)}`;
    expect(url.length).toBe(URL_MAX);
    expect(withEvent({ url }).ok).toBe(true);
    expect(create(url, { errorCorrectionLevel: 'M' }).modules.size).toBeGreaterThan(0);
  });
});

describe('event.notice', () => {
  it(`is at most ${NOTICE_MAX} characters`, () => {
    expect(withEvent({ notice: 'n'.repeat(NOTICE_MAX) }).ok).toBe(true);
    expect(withEvent({ notice: 'n'.repeat(2000) })).toEqual({
      ok: false,
      errors: [`program.json: event.notice: notice must be at most ${NOTICE_MAX} characters long`],
    });
  });
});
