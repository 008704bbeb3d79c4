/**
 * Abstracts arrive as escaped HTML (FOSDEM), Markdown (pretalx) or plain text
 * with CRLF; a board shows plain text, paragraphs separated by one newline.
 * The result is only ever rendered as text, so this is about readability,
 * not sanitising.
 */
import { unwrapEmphasis, unwrapLinks } from './markdown-inline.ts';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  shy: '',
  zwsp: '',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ccedil: 'ç',
  times: '×',
  deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

const BLOCK_TAGS = /^(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|hr|dd|dt)$/i;

/**
 * Text up to its last `>`: a tag must close with one, and an expression like
 * `<p\b[^>]*>` tried at every `<p` of a text without a `>` scans to the end
 * each time (quadratic); cut there, every tag tried before the cut finds its `>`.
 */
function throughLastTag(text: string): [string, string] {
  const cut = text.lastIndexOf('>') + 1;
  return [text.slice(0, cut), text.slice(cut)];
}

function looksLikeHtml(text: string): boolean {
  return /<\/?(p|br|a|em|strong|b|i|ul|ol|li|div|span|code|h[1-6]|blockquote|pre)\b[^>]*>/i.test(throughLastTag(text)[0]);
}

/** Everything from `open` to the first `close` after it removed; nothing after an opener left unclosed. */
function removeBetween(text: string, open: RegExp, close: (name: string) => RegExp): string {
  let out = '';
  let last = 0;
  const opener = new RegExp(open.source, 'gi');
  const unclosed = new Set<string>();
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const name = (m[1] ?? '').toLowerCase();
    if (m.index < last || unclosed.has(name)) continue;
    const closer = new RegExp(close(name).source, 'gi');
    closer.lastIndex = m.index + m[0].length;
    const end = closer.exec(text);
    // No closer after this opener means none after any later one either.
    if (!end) {
      unclosed.add(name);
      continue;
    }
    out += text.slice(last, m.index);
    last = end.index + end[0].length;
    opener.lastIndex = last;
  }
  return out + text.slice(last);
}

export function htmlToText(html: string): string {
  const [tagged, rest] = throughLastTag(
    removeBetween(
      removeBetween(html, /<!--()/, () => /-->/),
      /<(script|style)\b/,
      (name) => new RegExp(`</${name}>`),
    )
      // Inside HTML a line break is just a space; blocks make the paragraphs.
      .replace(/\s+/g, ' '),
  );
  const withBreaks =
    tagged.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (tag, name: string) => {
      if (BLOCK_TAGS.test(name)) return name.toLowerCase() === 'li' && !tag.startsWith('</') ? '\n• ' : '\n\n';
      return '';
    }) + rest;
  return decodeEntities(withBreaks);
}

function markdownInline(line: string): string {
  return unwrapEmphasis(unwrapLinks(line));
}

const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s+/;

/** Blank lines separate paragraphs; single newlines inside one are soft in Markdown, hard in plain text. */
function paragraphsToText(text: string, markdown: boolean): string {
  const paragraphs: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines: string[] = [];
    for (const raw of block.split('\n')) {
      let line = raw.trim();
      if (line === '' || /^(```|~~~)/.test(line) || /^([-*_]\s*){3,}$/.test(line)) continue;
      if (markdown) line = line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, '');
      const isItem = LIST_ITEM.test(line);
      if (isItem) line = '• ' + line.replace(LIST_ITEM, '');
      if (markdown) line = markdownInline(line);
      if (markdown && lines.length && !isItem) lines[lines.length - 1] += ' ' + line;
      else lines.push(line);
    }
    if (lines.length) paragraphs.push(lines.join('\n'));
  }
  return paragraphs.join('\n');
}

export interface TextOptions {
  /**
   * Read non-HTML text as Markdown (pretalx, frab): emphasis and links reduced
   * to their text, single newlines joined. False for text whose newlines are
   * meant (iCalendar DESCRIPTION). Default true.
   */
  markdown?: boolean;
}

/** Clean plain text, or undefined when nothing is left (Foyer's text fields must not be empty). */
export function plainText(value: unknown, options: TextOptions = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value.replace(/\r\n?/g, '\n');
  // HTML is not also read as Markdown: its text is full of __identifiers__ and *globs*.
  const html = looksLikeHtml(text);
  text = html ? htmlToText(text) : decodeEntities(text);
  text = paragraphsToText(text.replace(/\u00a0/g, ' '), !html && options.markdown !== false);
  text = text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  return text === '' ? undefined : text;
}

/** A one-line field (title, name, room): whitespace collapsed, entities and tags gone. */
export function lineText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  // plainText's lines are trimmed already.
  return plainText(value)?.replaceAll('\n', ' ');
}
