/**
 * Warnings an organiser can act on: a congress export gives hundreds, so the
 * import and validate commands print how many of each kind there are, with
 * two examples and what to do about them; `--verbose` prints every one.
 */
import type { LoadNote } from '../import/load.ts';

interface KindText {
  /** "2 items overlap another in their room" */
  what: (count: number) => string;
  /** What the organiser can do, when there is something. */
  fix?: string;
}

const s = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const KINDS: Readonly<Record<string, KindText>> = {
  overlap: {
    what: (n) => `${s(n, 'item overlaps', 'items overlap')} another in the same room`,
    fix: 'fine when intended (a workshop inside an all-day slot): mark such items "overlaps": true',
  },
  parts: { what: (n) => `${s(n, 'multi-part talk has', 'multi-part talks have')} parts missing` },
  duration: { what: (n) => `${s(n, 'duration', 'durations')} read with an assumption or missing` },
  day_change: { what: (n) => `${s(n, 'note', 'notes')} on days that run past midnight` },
  'time zone': { what: (n) => `${s(n, 'note', 'notes')} on the time zone`, fix: 'pass --timezone with the venue’s zone' },
  date: { what: (n) => `${s(n, '<date> disagrees', '<date>s disagree')} with <start>` },
  start: { what: (n) => `${s(n, 'start', 'starts')} missing or unreadable` },
  end: { what: (n) => `${s(n, 'end', 'ends')} missing or unreadable` },
  id: { what: (n) => `${s(n, 'id is', 'ids are')} used twice; renamed` },
  'cancelled in title': {
    what: (n) => `${s(n, 'title says', 'titles say')} the session is cancelled; imported as cancelled`,
  },
  'moved in title': {
    what: (n) => `${s(n, 'title says', 'titles say')} the session moved; kept where the file puts it`,
    fix: 'where that is the old place, add "movedTo" with the new start or room',
  },
  'group-by': { what: (n) => `${s(n, 'note', 'notes')} on --group-by` },
};

function textOf(kind: string): KindText {
  return KINDS[kind] ?? { what: (n) => `${s(n, 'warning', 'warnings')} about ${kind}` };
}

/** Kinds by how often they occur (most first), each with its notes in file order. */
export function groupNotes(notes: readonly LoadNote[]): [string, LoadNote[]][] {
  const byKind = new Map<string, LoadNote[]>();
  // Appended in place: copying the list for each note took minutes for 100,000 warnings of one kind.
  for (const note of notes) {
    const list = byKind.get(note.kind);
    if (list) list.push(note);
    else byKind.set(note.kind, [note]);
  }
  return [...byKind].sort((a, b) => b[1].length - a[1].length);
}

/** The lines to print: nothing without warnings; one block per kind, or every warning with `verbose`. */
export function warningSummary(notes: readonly LoadNote[], verbose: boolean, examples = 2): string[] {
  if (notes.length === 0) return [];
  const total = `${s(notes.length, 'warning', 'warnings')}`;
  if (verbose) return [`${total}:`, ...groupNotes(notes).flatMap(([, list]) => list.map((n) => n.line))];
  const lines = [`${total}${notes.length > examples ? ' (--verbose lists every one)' : ''}:`];
  for (const [kind, list] of groupNotes(notes)) {
    const text = textOf(kind);
    lines.push(`  ${text.what(list.length)}${text.fix ? ` — ${text.fix}` : ''}`);
    for (const note of list.slice(0, examples)) lines.push(`    ${note.line}`);
    if (list.length > examples) lines.push(`    … and ${list.length - examples} more`);
  }
  return lines;
}
