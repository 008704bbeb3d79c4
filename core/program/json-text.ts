/** JSON.parse with an error a person can act on: line and column, not a byte offset. */

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** V8's parser messages, reworded for someone editing a program file by hand. */
const PLAIN: readonly [RegExp, string][] = [
  [
    /^Expected double-quoted property name$/,
    'expected a field name in double quotes (is there a comma too many before the closing }?)',
  ],
  [/^Expected property name or '}'$/, 'expected a field name in double quotes or }'],
  [/^Expected ',' or '}' after property value$/, 'expected a comma or } after the value (a comma missing?)'],
  [/^Expected ',' or ']' after array element$/, 'expected a comma or ] after the list element (a comma missing?)'],
  [/^Expected ':' after property name$/, 'expected a colon after the field name'],
  [/^Unexpected token '([\]}])'$/, 'unexpected $1 (is there a comma too many before it?)'],
  [/^Unexpected token '\/'$/, 'unexpected / (a program file cannot contain comments)'],
  [/^Unexpected token '(.)'$/, 'unexpected character $1 (text values need double quotes)'],
  [/^Unterminated string$/, 'a text value is not closed with a double quote'],
  [/^Bad control character in string literal$/, 'a line break or tab inside a text value (write \\n for a new line)'],
  [/^Bad escaped character$/, 'a backslash in a text value that is not a valid escape (write \\\\ for a backslash)'],
  [/^Unexpected number$/, 'unexpected number (a comma missing, or a number with a leading zero?)'],
  [/^Unexpected string$/, 'unexpected text (a comma missing?)'],
  [/^Unexpected non-whitespace character after JSON$/, 'unexpected text after the end of the program (a } or ] too many?)'],
  [/^Unexpected end of JSON input$/, 'the file ends too early (a bracket or text value is not closed)'],
];

function plain(message: string): string {
  for (const [pattern, replacement] of PLAIN) if (pattern.test(message)) return message.replace(pattern, replacement);
  return message;
}

function failure(text: string, error: unknown): { offset: number | null; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  // V8 quotes the input (or "...", an excerpt of it, for long files) after the message.
  const message = raw
    .replace(/ (?:in|after) JSON at position \d+.*$/s, (m) => (m.startsWith(' after') ? ' after JSON' : ''))
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '');
  const offset = position ? Number(position[1]) : raw.startsWith('Unexpected end') ? text.length : null;
  return { offset, message: plain(message) };
}

/** True when `prefix` is the start of some valid JSON document. */
function isValidPrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const { offset } = failure(prefix, error);
    return offset !== null && offset >= prefix.length;
  }
}

/**
 * Some V8 messages ("Unexpected token") carry no position. Validity of a prefix
 * is monotone, so a binary search finds the first character that breaks it.
 */
function locate(text: string): number {
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (isValidPrefix(text.slice(0, mid))) good = mid;
    else bad = mid;
  }
  return good;
}

export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (text.trim() === '') return { ok: false, line: 1, column: 1, message: 'the file is empty' };
    const { offset, message: raw } = failure(text, error);
    const at = offset ?? locate(text);
    const message = at >= text.length ? PLAIN.at(-1)![1] : raw;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return { ok: false, line, column, message };
  }
}
