/**
 * Exports rarely say in a field that a session was cancelled or moved; the
 * organisers write it into the title instead ("(Achtung Verschoben!! )" in
 * the 38C3 hub export, "CANCELLED: …", "[abgesagt]"). Only a marker in
 * brackets or before a colon counts, so "Cancelling POSIX syscalls" is a title.
 */

const CANCELLED = String.raw`cancell?ed|abgesagt|entf(?:ä|ae|a)llt|f(?:ä|ae|a)llt aus|annul(?:é|e)e?`;
const MOVED = String.raw`moved|verschoben|postponed|rescheduled|neuer termin|new time`;

function markers(words: string): RegExp[] {
  return [
    // "(Achtung Verschoben!! ) Title", "[CANCELLED] Title"
    new RegExp(String.raw`^\s*[[(][^\])]*?\b(?:${words})\b[^\])]*[\])]\s*[-–:]?\s*`, 'iu'),
    // "Title (cancelled)"
    new RegExp(String.raw`\s*[-–]?\s*[[(][^\])]*?\b(?:${words})\b[^\])]*[\])]\s*$`, 'iu'),
    // "CANCELLED: Title", "Abgesagt! - Title"
    new RegExp(String.raw`^\s*(?:${words})\b[!\s]*[-–:]\s*`, 'iu'),
  ];
}

const CANCELLED_MARKERS = markers(CANCELLED);
const MOVED_MARKERS = markers(MOVED);

export interface TitleChange {
  change: 'cancelled' | 'moved';
  /** The marker as written, for the warning. */
  marker: string;
  /** The title without the marker (for a cancelled session; a moved one keeps its title). */
  title: string;
}

export function titleChange(title: string): TitleChange | undefined {
  for (const pattern of CANCELLED_MARKERS) {
    const m = pattern.exec(title);
    if (!m) continue;
    const rest = title.replace(pattern, '').trim();
    if (rest) return { change: 'cancelled', marker: m[0].trim(), title: rest };
  }
  for (const pattern of MOVED_MARKERS) {
    const m = pattern.exec(title);
    if (m && title.replace(pattern, '').trim()) return { change: 'moved', marker: m[0].trim(), title };
  }
  return undefined;
}
