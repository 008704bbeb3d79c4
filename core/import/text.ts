/**
 * Abstracts arrive as escaped HTML (FOSDEM), Markdown (pretalx) or plain text
 * with CRLF; a board shows plain text, paragraphs separated by one newline.
 * The result is only ever rendered as text, so this is about readability,
 * not sanitising.
 */

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

function looksLikeHtml(text: string): boolean {
  return /<\/?(p|br|a|em|strong|b|i|ul|ol|li|div|span|code|h[1-6]|blockquote|pre)\b[^>]*>/i.test(text);
}

function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    // Inside HTML a line break is just a space; blocks make the paragraphs.
    .replace(/\s+/g, ' ')
    .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) => {
      if (BLOCK_TAGS.test(name)) return name.toLowerCase() === 'li' && !_tag.startsWith('</') ? '\n• ' : '\n\n';
      return '';
    });
  return decodeEntities(withBreaks);
}

function markdownInline(line: string): string {
  return (
    line
      // images before links: ![alt](src) → alt
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/(^|[\s(])(\*\*|__)(?=\S)(.*?\S)\2(?=$|[\s).,:;!?])/g, '$1$3')
      // Single * or _ only around words, so snake_case_names and 2*3*4 survive.
      .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s).,:;!?])/g, '$1$2')
      .replace(/(^|[\s(])_(?=\S)([^_\n]*?\S)_(?=$|[\s).,:;!?])/g, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
  );
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
  const text = plainText(value);
  return text?.replace(/\s*\n\s*/g, ' ');
}
