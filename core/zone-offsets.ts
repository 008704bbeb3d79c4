/**
 * A zone's UTC offset, asked once per minute instead of once per call. Luxon works out an IANA zone's offset with
 * Intl's formatToParts on every DateTime it makes or converts in that zone, and a board asks for thousands: at
 * congress scale (38C3, 72 rooms) that was about half of the hub's first board (95 of ~190 ms) and of every render.
 *
 * A patch of luxon's own IANAZone, not a zone of ours: the program's zone is passed as its name in a hundred places,
 * and luxon keeps one IANAZone per name, so every one of them is served. Offsets only change on a whole minute (the
 * tz database's transitions since the 1970s are all on the minute), so a minute's answer holds for all of it; DST
 * changes are asked afresh on each side of them (tests/unit/zone-offsets.test.ts).
 */
import { IANAZone } from 'luxon';

/** Per zone: minutes since the epoch → offset in minutes. Bounded: a board asks about a few days, not years. */
const MAX_MINUTES = 20_000;
const PATCHED = Symbol.for('foyer.zone-offsets');

type Offset = (this: IANAZone, ts: number) => number;
const prototype = IANAZone.prototype as IANAZone & { [PATCHED]?: true };

if (!prototype[PATCHED]) {
  const offsetOf: Offset = prototype.offset;
  const cached = new WeakMap<IANAZone, Map<number, number>>();
  prototype.offset = function offset(this: IANAZone, ts: number): number {
    if (!Number.isFinite(ts)) return offsetOf.call(this, ts);
    const minute = Math.floor(ts / 60_000);
    let minutes = cached.get(this);
    if (minutes === undefined) cached.set(this, (minutes = new Map()));
    let value = minutes.get(minute);
    if (value === undefined) {
      value = offsetOf.call(this, ts);
      if (minutes.size >= MAX_MINUTES) minutes.clear();
      minutes.set(minute, value);
    }
    return value;
  };
  prototype[PATCHED] = true;
}
