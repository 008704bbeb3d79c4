/**
 * How a panel's content fits its box, decided from one measurement. A box is
 * a column of groups (panels), each a column of units (a title, a speaker
 * list, an abstract, a row of a list). Everything is measured once at the
 * designed size; this module then predicts heights instead of trying layouts:
 * text set at a smaller size never takes more lines in the same width, so a
 * unit shrunk by `s` is at most `s` times as tall (or, once its text reaches
 * its size floor, the floor's share of its height). The prediction is an upper
 * bound, so what it says fits does fit.
 *
 * The order of what gives way (rule 2 of issue #11): every text first shrinks
 * a little (to KEEP_SCALE of its designed size); then lower-priority units
 * yield whole, lowest rank first (the abstract, then the biography, then later
 * rows from the last); then titles, names and times shrink down to their
 * floors; only if even that cannot hold them do the floors give way, never a
 * line.
 */

export interface FitUnit {
  /** Height at the designed size, margins included (px). */
  height: number;
  /**
   * Share of its designed size at which the unit's text stops shrinking (its
   * floor over its size; the largest among its texts). 1: it never shrinks.
   */
  floor: number;
  /** Never changes size (list rows, a pager): it stays as it is or yields. */
  fixed?: boolean;
  /** Absent: the unit stays. Otherwise it may yield; lower ranks yield first. */
  rank?: number;
  /** Rows of one list within a group share a tag ('' when the group has one list). */
  list?: string;
  /** A "+ 3 more" line for the list with this tag: shown exactly when one of its rows yielded. */
  more?: string;
  /** A pager (a biography): counts as `height` (its smallest useful height) and takes what is left. */
  fill?: boolean;
  /** Height the unit would like beyond `height` (a pager's comfortable window), yielding on its own at `rank`. */
  wish?: { height: number; rank: number };
  /** A pager's height with its whole text on one page (chrome included): when that fits, the box may grow. */
  whole?: number;
}

export interface FitGroup {
  /** Padding and borders (px); they never shrink. */
  overhead: number;
  /** Space between visible units (px). */
  gap: number;
  units: FitUnit[];
  /** The group disappears (and its overhead with it) when every unit with a rank has yielded. */
  optional?: boolean;
}

export interface FitBox {
  /** Height available to the groups (px). */
  available: number;
  /** Space between visible groups (px). */
  gap: number;
  groups: FitGroup[];
  /**
   * How far everything may grow (1.3: to 130 % of its designed size) when it all fits with room to spare and
   * nothing is held back; 1 or absent: it never grows.
   */
  grow?: number;
}

export interface FitPlan {
  /** Text size as a share of the designed size (each text never below its floor unless floorScale < 1). */
  scale: number;
  /** 1, unless even the floors could not hold what must stay: then they are scaled by this. */
  floorScale: number;
  /** Per group, per unit: shown or not ("+ N more" lines included). */
  shown: boolean[][];
  /** Per group: shown or not. */
  groupShown: boolean[];
  /** Per group, per unit: for a "+ N more" line, how many rows of its list yielded (0 for other units). */
  counts: number[][];
  /** Height left for the pager (px, beyond its smallest height), 0 when there is none. */
  spare: number;
  /**
   * Every text and row at this share of its designed size (fixed units too), ≥ 1: the room left when everything
   * fits is given to the text before it is left empty. 1 when anything is held back or a pager turns pages.
   */
  grow: number;
  /**
   * A pager's whole text stands on one page as the box grows: the pager shows it all, unclipped, and the growth is
   * checked as drawn with it (renderer/src/fit/fit-scheduler.ts). False when there is no pager or it turns pages.
   */
  whole: boolean;
}

/** Shrinking this far is preferred to losing content; below it, content yields first. */
export const KEEP_SCALE = 0.85;

/**
 * Units ranked this high (a list's rows, and with its first row a panel: core/engine/yield-order.ts, rows) are
 * held back only when the text beside them at its floors leaves no room for them.
 */
export const SHRINK_FOR_RANK = 1000;

interface Ranked {
  group: number;
  unit: number;
  rank: number;
  /** The key that marks it yielded: the unit, or only its wish. */
  key: string;
}

function predict(box: FitBox, yielded: ReadonlySet<string>, scale: number, floorScale: number): number {
  let total = 0;
  let groups = 0;
  for (const [g, group] of box.groups.entries()) {
    const visible = visibleUnits(group, g, yielded);
    if (visible === null) continue;
    let height = group.overhead + group.gap * Math.max(0, visible.length - 1);
    for (const unit of visible) {
      height += unit.fixed ? unit.height : unit.height * Math.max(scale, Math.min(1, unit.floor * floorScale));
      const i = group.units.indexOf(unit);
      if (unit.wish && !yielded.has(`${g}:${i}:wish`)) height += unit.wish.height;
    }
    total += height;
    groups++;
  }
  return total + box.gap * Math.max(0, groups - 1);
}

/** The units a group shows with `yielded` gone, or null when the group itself goes. */
function yieldedOf(group: FitGroup, g: number, yielded: ReadonlySet<string>, list: string): number {
  return group.units.filter((u, i) => u.rank !== undefined && (u.list ?? '') === list && yielded.has(`${g}:${i}`)).length;
}

function visibleUnits(group: FitGroup, g: number, yielded: ReadonlySet<string>): FitUnit[] | null {
  const ranked = group.units.filter((u) => u.rank !== undefined).length;
  const gone = group.units.filter((u, i) => u.rank !== undefined && yielded.has(`${g}:${i}`)).length;
  if (group.optional && ranked > 0 && gone === ranked) return null;
  return group.units.filter((u, i) =>
    u.more !== undefined ? yieldedOf(group, g, yielded, u.more) > 0 : !yielded.has(`${g}:${i}`),
  );
}

/** The largest scale in [low, 1] at which the box holds, or null (the prediction grows with the scale). */
function largestScale(box: FitBox, yielded: ReadonlySet<string>, low: number): number | null {
  if (predict(box, yielded, 1, 1) <= box.available) return 1;
  if (predict(box, yielded, low, 1) > box.available) return null;
  let ok = low;
  let bad = 1;
  for (let i = 0; i < 24; i++) {
    const mid = (ok + bad) / 2;
    if (predict(box, yielded, mid, 1) <= box.available) ok = mid;
    else bad = mid;
  }
  return ok;
}

export function planFit(box: FitBox): FitPlan {
  const order: Ranked[] = box.groups
    .flatMap((group, g) =>
      group.units.flatMap((u, i) => [
        ...(u.rank !== undefined ? [{ group: g, unit: i, rank: u.rank, key: `${g}:${i}` }] : []),
        ...(u.wish ? [{ group: g, unit: i, rank: u.wish.rank, key: `${g}:${i}:wish` }] : []),
      ]),
    )
    .sort((a, b) => a.rank - b.rank || b.unit - a.unit);
  const yielded = new Set<string>();
  let scale: number | null = null;
  let floorScale = 1;
  for (let k = 0; k <= order.length; k++) {
    if (k > 0) yielded.add(order[k - 1]!.key);
    scale = largestScale(box, yielded, KEEP_SCALE);
    if (scale !== null) break;
  }
  // The yields above go one at a time in rank order, so a large unit yielding last can leave room for smaller ones
  // that went before it: nothing is held back while there is room for it. Each yielded unit comes back, the last to
  // go first, when the box still holds with it; a list's rows come back in order (after one that does not, none of
  // its list does), so a list never shows a later row without an earlier one.
  if (scale !== null) {
    const stuck = new Set<string>();
    for (const r of [...yielded].map((key) => order.find((o) => o.key === key)!).reverse()) {
      const unit = box.groups[r.group]!.units[r.unit]!;
      const list = `${r.group}:${unit.list ?? ''}`;
      if (!r.key.endsWith(':wish') && stuck.has(list)) continue;
      yielded.delete(r.key);
      // A row or a panel is worth the text shrinking toward its floors; the abstract and the biography's extra
      // room are not (they come back only at KEEP_SCALE).
      const held = largestScale(box, yielded, KEEP_SCALE) ?? (r.rank >= SHRINK_FOR_RANK ? largestScale(box, yielded, 0) : null);
      if (held !== null) scale = held;
      else {
        yielded.add(r.key);
        if (!r.key.endsWith(':wish')) stuck.add(list);
      }
    }
  }
  if (scale === null) {
    // Everything that may yield has: what must stay shrinks to its floors, and below them only if it must.
    scale = largestScale(box, yielded, 0);
    if (scale === null) {
      scale = 0;
      const atFloors = predict(box, yielded, 0, 1);
      const fixed = predict(box, yielded, 0, 0);
      floorScale = atFloors > fixed ? Math.max(0, (box.available - fixed) / (atFloors - fixed)) : 1;
    }
  }
  const shown: boolean[][] = [];
  const shownUnit = (g: number, i: number): boolean => shown[g]?.[i] ?? false;
  const groupShown: boolean[] = [];
  const counts: number[][] = [];
  for (const [g, group] of box.groups.entries()) {
    const visible = visibleUnits(group, g, yielded);
    groupShown.push(visible !== null);
    shown.push(group.units.map((u) => visible !== null && visible.includes(u)));
    counts.push(group.units.map((u) => (u.more !== undefined ? yieldedOf(group, g, yielded, u.more) : 0)));
  }
  // The pager takes whatever is left, its wish included when that stayed.
  const wishes = box.groups.reduce(
    (sum, group, g) =>
      sum +
      group.units.reduce((s, u, i) => s + (u.wish && !yielded.has(`${g}:${i}:wish`) && shownUnit(g, i) ? u.wish.height : 0), 0),
    0,
  );
  const left = Math.max(0, box.available - predict(box, yielded, scale, floorScale));
  const spare = left + wishes;
  const pagers = box.groups.flatMap((group, g) => group.units.filter((u, i) => u.fill && shownUnit(g, i)));
  // A short biography is one page: its text grows with the rest, as any other text, rather than leaving the room
  // below it empty. Only when its whole text already stands in the room left at the designed size.
  const beyond = pagers.reduce((sum, u) => sum + (u.whole ?? Infinity) - u.height - (u.wish?.height ?? 0), 0);
  const whole = pagers.length > 0 && beyond <= left;
  const grow =
    yielded.size === 0 && scale === 1 && floorScale === 1 && (pagers.length === 0 || whole)
      ? largestGrowth(box, box.grow ?? 1)
      : 1;
  return { scale, floorScale, shown, groupShown, counts, spare: grow > 1 ? 0 : spare, grow, whole: grow > 1 && whole };
}

/**
 * The largest growth in [1, most] at which the box still holds, everything grown (rows, images and a pager's
 * chrome included, so the prediction is generous). Text set larger may take more lines than its growth: the board
 * checks the grown box as drawn and grows less where it overflows (renderer/src/fit/fit-scheduler.ts, settleSizes).
 */
function largestGrowth(box: FitBox, most: number): number {
  const height = (g: number): number => {
    let total = box.gap * Math.max(0, box.groups.length - 1);
    for (const group of box.groups) {
      const visible = group.units.filter((u) => u.more === undefined);
      total += group.overhead + group.gap * Math.max(0, visible.length - 1);
      // A pager here stands whole (planFit): all its text grows.
      for (const unit of visible) total += (unit.fill ? (unit.whole ?? unit.height) : unit.height) * g;
    }
    return total;
  };
  if (most <= 1 || height(1) > box.available) return 1;
  if (height(most) <= box.available) return most;
  let ok = 1;
  let bad = most;
  for (let i = 0; i < 20; i++) {
    const mid = (ok + bad) / 2;
    if (height(mid) <= box.available) ok = mid;
    else bad = mid;
  }
  return ok;
}
