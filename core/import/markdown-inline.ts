/**
 * Markdown's inline marks reduced to their text, in time linear in the line.
 *
 * The obvious regular expressions (`\*\*(.*?)\*\*`, `\[(.+?)\]\((.*?)\)`) are
 * quadratic when an opener has no closer: each opener scans to the end of the
 * line, so `"**a "` × 40,000 in one abstract took 10 s and a 240 KB frab file 20 s
 * to validate, blocking the host. These scanners give the same results (a test
 * compares them with those expressions on random text) but find every closer
 * through a table of "next position of", built once per line, so no character
 * is scanned more than a constant number of times.
 */

/** `next[i]` = the first index ≥ i where `matches` holds, or `text.length`. */
function nextWhere(text: string, matches: (code: number) => boolean): Int32Array {
  const next = new Int32Array(text.length + 1);
  next[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) next[i] = matches(text.charCodeAt(i)) ? i : next[i + 1]!;
  return next;
}

const code = (ch: string): number => ch.charCodeAt(0);

/** JavaScript's `\s`. */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** What `.` does not match. */
function isLineEnd(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

const OPEN_PAREN = code('(');
const CLOSE_PAREN = code(')');
const CLOSE_BRACKET = code(']');
const GT = code('>');

/**
 * `![alt](src)` → alt, `[text](dest)` → text (dest may hold one level of
 * parentheses), `[text][ref]` → text, `<https://…>` → the URL; in that order,
 * as the expressions they replace ran one after the other.
 */
export function unwrapLinks(line: string): string {
  return autolinks(referenceLinks(inlineLinks(images(line))));
}

/** A match at some position: the text it keeps (`keep` = [from, to)) and where it ends. */
interface Match {
  from: number;
  to: number;
  end: number;
}

/**
 * Every match, tried left to right at each `opener` and going on after the
 * last one, replaced by the text it keeps: what a global `replace` does, with
 * `matchAt` answering in constant time from the tables.
 */
function replaceMatches(text: string, opener: string, matchAt: (p: number) => Match | null): string {
  let out = '';
  let last = 0;
  for (let p = text.indexOf(opener); p >= 0; p = text.indexOf(opener, Math.max(p + 1, last))) {
    const match = matchAt(p);
    if (!match) continue;
    out += text.slice(last, p) + text.slice(match.from, match.to);
    last = match.end;
  }
  return out + text.slice(last);
}

function images(text: string): string {
  if (!text.includes('![')) return text;
  const n = text.length;
  const bracket = nextWhere(text, (c) => c === CLOSE_BRACKET);
  const paren = nextWhere(text, (c) => c === CLOSE_PAREN);
  return replaceMatches(text, '![', (p) => {
    const close = bracket[p + 2]!;
    if (close >= n || text[close + 1] !== '(') return null;
    const end = paren[close + 2]!;
    return end < n ? { from: p + 2, to: close, end: end + 1 } : null;
  });
}

function inlineLinks(text: string): string {
  if (!text.includes('](')) return text;
  const n = text.length;
  const bracket = nextWhere(text, (c) => c === CLOSE_BRACKET);
  const paren = nextWhere(text, (c) => c === CLOSE_PAREN);
  // Positions a failed destination scan passed through outside parentheses: a later scan
  // reaching one would fail the same way, so it stops there instead of rescanning.
  const dead = new Uint8Array(n + 1);
  /** The end (after `)`) of a destination starting at `start`, or -1. */
  const destination = (start: number): number => {
    const visited: number[] = [];
    let k = start;
    while (k < n && !dead[k]) {
      visited.push(k);
      const c = text.charCodeAt(k);
      if (c === CLOSE_PAREN) return k + 1;
      if (c === OPEN_PAREN) {
        const inner = paren[k + 1]!;
        if (inner >= n) break;
        k = inner + 1;
      } else k++;
    }
    for (const v of visited) dead[v] = 1;
    return -1;
  };
  return replaceMatches(text, '[', (p) => {
    const close = bracket[p + 1]!;
    if (close >= n || close === p + 1 || text[close + 1] !== '(') return null;
    const end = destination(close + 2);
    return end >= 0 ? { from: p + 1, to: close, end } : null;
  });
}

function referenceLinks(text: string): string {
  if (!text.includes('][')) return text;
  const n = text.length;
  const bracket = nextWhere(text, (c) => c === CLOSE_BRACKET);
  return replaceMatches(text, '[', (p) => {
    const close = bracket[p + 1]!;
    if (close >= n || close === p + 1 || text[close + 1] !== '[') return null;
    const end = bracket[close + 2]!;
    return end < n ? { from: p + 1, to: close, end: end + 1 } : null;
  });
}

function autolinks(text: string): string {
  if (!text.includes('<http')) return text;
  const n = text.length;
  const stop = nextWhere(text, (c) => c === GT || isSpaceCode(c));
  return replaceMatches(text, '<', (p) => {
    const scheme = text.startsWith('http://', p + 1) ? 8 : text.startsWith('https://', p + 1) ? 9 : 0;
    if (scheme === 0) return null;
    const end = stop[p + scheme]!;
    return end > p + scheme && end < n && text.charCodeAt(end) === GT ? { from: p + 1, to: end, end: end + 1 } : null;
  });
}

interface SpanRule {
  /** The mark's characters: `**` and `__` (either, closed by the same), or `~~`. */
  marks: string;
  /** Opens only at the start or after a space or `(`, and closes only before the end, a space or `).,:;!?`. */
  flanked: boolean;
  /** Whether the text between may hold a line end (`.` versus `[\s\S]`). */
  acrossLines: boolean;
}

const CLOSES_BEFORE = new Set([...').,:;!?'].map(code));

/**
 * Strong emphasis (`**a**`, `__a__`) or strikethrough (`~~a~~`): the text
 * between two doubled marks, starting and ending with a non-space. The first
 * closer after an opener wins, as with a lazy `.*?`; the search goes on after it.
 */
function unwrapDoubled(text: string, rule: SpanRule): string {
  const n = text.length;
  const isMark = (i: number): boolean => rule.marks.includes(text[i]!) && text[i + 1] === text[i];
  const closesAt = (c: number): boolean =>
    c + 1 < n &&
    isMark(c) &&
    !isSpaceCode(text.charCodeAt(c - 1)) &&
    (!rule.flanked || c + 2 === n || isSpaceCode(text.charCodeAt(c + 2)) || CLOSES_BEFORE.has(text.charCodeAt(c + 2)));
  // Closers of each mark, ascending; a pointer per mark only moves forward because openers do.
  const closers = new Map<string, number[]>([...rule.marks].map((m) => [m, []]));
  for (let c = 1; c < n; c++) if (closesAt(c)) closers.get(text[c]!)!.push(c);
  const pointer = new Map<string, number>([...rule.marks].map((m) => [m, 0]));
  const lineEnd = rule.acrossLines ? null : nextWhere(text, isLineEnd);

  /** The closer for an opener at `o`, or -1. */
  const closerFor = (o: number): number => {
    const list = closers.get(text[o]!)!;
    let i = pointer.get(text[o]!)!;
    while (i < list.length && list[i]! < o + 3) i++;
    pointer.set(text[o]!, i);
    const c = list[i];
    if (c === undefined) return -1;
    if (lineEnd && lineEnd[o + 2]! < c) return -1;
    return c;
  };
  const opensAt = (o: number): boolean => o + 2 < n && isMark(o) && !isSpaceCode(text.charCodeAt(o + 2));

  let out = '';
  let last = 0;
  /** A match whose opening mark is at `o`: copies up to it, then the text between the marks. */
  const unwrapAt = (o: number): boolean => {
    if (!opensAt(o)) return false;
    const c = closerFor(o);
    if (c < 0) return false;
    out += text.slice(last, o) + text.slice(o + 2, c);
    last = c + 2;
    return true;
  };
  for (let p = 0; p < n; p = Math.max(p + 1, last)) {
    // A match starting at p has its opening mark at p (unflanked, or at the very start), or
    // at p + 1 after a space or `(` that the match consumes and the output keeps.
    if ((!rule.flanked || p === 0) && unwrapAt(p)) continue;
    if (rule.flanked && (isSpaceCode(text.charCodeAt(p)) || text[p] === '(')) unwrapAt(p + 1);
  }
  return out + text.slice(last);
}

const STRONG: SpanRule = { marks: '*_', flanked: true, acrossLines: false };
const STRIKE: SpanRule = { marks: '~', flanked: false, acrossLines: true };

/** Emphasis, strikethrough and code reduced to their text. */
export function unwrapEmphasis(line: string): string {
  let text = line.includes('**') || line.includes('__') ? unwrapDoubled(line, STRONG) : line;
  // A single * or _ only around words, so snake_case_names and 2*3*4 survive. These stay
  // regular expressions: the text between may not hold the mark, so each attempt stops
  // at the next one and the whole line is scanned a bounded number of times.
  text = text
    .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s).,:;!?])/g, '$1$2')
    .replace(/(^|[\s(])_(?=\S)([^_\n]*?\S)_(?=$|[\s).,:;!?])/g, '$1$2');
  if (text.includes('~~')) text = unwrapDoubled(text, STRIKE);
  return text.replace(/`([^`]+)`/g, '$1');
}
