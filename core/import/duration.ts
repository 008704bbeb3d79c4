/**
 * Durations as real exports write them: `00:40` (frab), `0:40` and `00:40:00`
 * (pentabarf), `1:00:00:00`-style `D:HH:MM` from pretalx for 24 h or more,
 * minutes as a number (pretalx widget), ISO 8601 `PT40M`. These are the
 * formats' normal forms and read silently; only a bare number in text ("90",
 * minutes or hours?) comes with a note.
 */

export type DurationResult = { ok: true; minutes: number; note?: string } | { ok: false; message: string };

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function describe(minutes: number): string {
  if (minutes < 60) return plural(minutes, 'minute');
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${plural(h, 'hour')} ${plural(m, 'minute')}` : plural(h, 'hour');
}

export function parseDuration(value: unknown): DurationResult {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return { ok: true, minutes: Math.round(value) };
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: 'is missing' };
  const text = value.trim();
  const read = (minutes: number, unusual: boolean): DurationResult =>
    unusual ? { ok: true, minutes, note: `"${text}" read as ${describe(minutes)}` } : { ok: true, minutes };

  // HH:MM, and H:MM as frab and pentabarf write short sessions.
  let m = /^(\d{1,3}):(\d{2})$/.exec(text);
  if (m) return read(Number(m[1]) * 60 + Number(m[2]), false);
  // HH:MM:SS (pentabarf, seconds always 00) or D:HH:MM (pretalx, for 24 h or
  // more): a non-zero last field cannot be seconds in a schedule, so it is minutes.
  m = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (c === 0) return read(a * 60 + b, false);
    return read(a * 24 * 60 + b * 60 + c, false);
  }
  m = /^(\d+)$/.exec(text);
  if (m) return read(Number(m[1]), true);
  m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text);
  if (m && text.length > 1) {
    const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Math.round(Number(m[4] ?? 0) / 60);
    return read(minutes, false);
  }
  return { ok: false, message: `"${text}" is not a duration (expected HH:MM)` };
}
