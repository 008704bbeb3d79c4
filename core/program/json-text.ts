/** JSON.parse with an error a person can act on: line and column, not a byte offset. */

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

function failure(text: string, error: unknown): { offset: number | null; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const message = raw
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/^Unexpected end of JSON input$/, 'the file ends too early (unclosed bracket or string)');
  return { offset: position ? Number(position[1]) : raw.startsWith('Unexpected end') ? text.length : null, message };
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
    const { offset, message } = failure(text, error);
    const at = offset ?? locate(text);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return { ok: false, line, column, message };
  }
}
