/** The fit's decisions: shrink a little, then yield whole units in order, then shrink to the floors; pages of whole lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEEP_SCALE, planFit, type FitBox, type FitGroup } from '../../../core/layout/fit.ts';
import { cutPages, maxPages, planPages, type Line } from '../../../core/layout/pages.ts';
import { deskRowRanks, laterRowRanks, YIELD_RANK } from '../../../core/engine/yield-order.ts';
import type { Slot } from '../../../core/engine/timeline.ts';

/** A Now panel (title, speakers, abstract) above a Later panel of rows. */
function board(available: number, rows = 4): FitBox {
  const now: FitGroup = {
    overhead: 40,
    gap: 10,
    units: [
      { height: 200, floor: 0.7 }, // title
      { height: 40, floor: 0.9 }, // speakers
      { height: 120, floor: 1, fixed: true, rank: YIELD_RANK.abstract }, // abstract
    ],
  };
  const ranks = laterRowRanks(rows);
  const later: FitGroup = {
    overhead: 40,
    gap: 0,
    optional: true,
    units: [
      { height: 30, floor: 1, fixed: true }, // heading
      ...ranks.map((rank) => ({ height: 50, floor: 1, fixed: true, rank, list: '' })),
      { height: 40, floor: 1, fixed: true, more: '' },
    ],
  };
  return { available, gap: 20, groups: [now, later] };
}

describe('planFit', () => {
  it('shows everything at the designed size when it fits', () => {
    const plan = planFit(board(1000));
    expect(plan.scale).toBe(1);
    expect(plan.shown.flat().filter((s) => !s).length).toBe(1); // only "+ N more" is hidden
  });

  it('shrinks a little before anything yields', () => {
    // Everything needs 40+200+40+120+20 + 40+30+200 = 710 at full size.
    const plan = planFit(board(690));
    expect(plan.scale).toBeLessThan(1);
    expect(plan.scale).toBeGreaterThanOrEqual(KEEP_SCALE);
    expect(plan.shown[0]).toEqual([true, true, true]);
  });

  it('lets the abstract go first, then later rows from the last, with "+ N more"', () => {
    const noAbstract = planFit(board(590));
    expect(noAbstract.shown[0]).toEqual([true, true, false]);
    expect(noAbstract.shown[1]).toEqual([true, true, true, true, true, false]);
    // At 85 %: the Now panel is 40 + 10 + 170 + 36 = 256, Later 40 + 30 + 2 × 50 + 40: 256 + 20 + 210 = 486.
    const twoRows = planFit(board(500));
    expect(twoRows.shown[1]).toEqual([true, true, true, false, false, true]);
    expect(twoRows.counts[1]![5]).toBe(2);
  });

  it('drops an optional panel whose rows all went, then shrinks what must stay to its floors', () => {
    // Without rows the Now panel alone needs 40 + 10 + 170 + 36 = 256 at 85 %: at 230 the title goes on to 72 %.
    const plan = planFit(board(230));
    expect(plan.groupShown).toEqual([true, false]);
    expect(plan.scale).toBeLessThan(KEEP_SCALE);
    expect(plan.floorScale).toBe(1);
  });

  it('only when even the floors cannot hold the title do they give way, and no further than needed', () => {
    const plan = planFit(board(150));
    expect(plan.floorScale).toBeLessThan(1);
    // Title and speakers at their floors times floorScale, plus the panel's padding, fill the box.
    const used = 40 + 10 + 200 * 0.7 * plan.floorScale + 40 * 0.9 * plan.floorScale;
    expect(used).toBeCloseTo(150, 3);
  });

  it('holds nothing back while there is room for it: a tall row going last brings back the short rows before it', () => {
    // The desk: past rows yield oldest first, then the day's rows from its end; the last row is tall (three rooms).
    const desk: FitBox = {
      available: 300,
      gap: 0,
      groups: [
        {
          overhead: 0,
          gap: 0,
          units: [
            { height: 40, floor: 1, fixed: true, more: 'earlier' },
            { height: 50, floor: 1, fixed: true, rank: 1000, list: 'earlier' },
            { height: 50, floor: 1, fixed: true, rank: 1001, list: 'earlier' },
            { height: 100, floor: 1, fixed: true }, // on now
            { height: 50, floor: 1, fixed: true, rank: 1003, list: '' },
            { height: 150, floor: 1, fixed: true, rank: 1002, list: '' },
            { height: 40, floor: 1, fixed: true, more: '' },
          ],
        },
      ],
    };
    // In rank order both past rows go (390, then 340), then the tall one (230): the past rows fit again beside it.
    const plan = planFit(desk);
    expect(plan.shown[0]).toEqual([false, true, true, true, true, false, true]);
    // With 40 px less only the later past row comes back, under "+ 1 earlier".
    const tight = planFit({ ...desk, available: 280 });
    expect(tight.shown[0]).toEqual([true, false, true, true, true, false, true]);
    expect(tight.counts[0]![0]).toBe(1);
  });

  it('text shrinks toward its floors before a row or a panel is held back', () => {
    // Without the abstract the Now panel is 290 at full size; Later with one row and "+ 3 more" is 40 + 30 + 50 + 40,
    // and a gap of 20: 470. At 85 % the Now panel is 254 (434 in all); at the floors 226 (406): at 410 the title
    // shrinks below KEEP_SCALE and the panel stays.
    const plan = planFit(board(410));
    expect(plan.groupShown).toEqual([true, true]);
    expect(plan.shown[1]).toEqual([true, true, false, false, false, true]);
    expect(plan.scale).toBeLessThan(KEEP_SCALE);
    expect(plan.shown[0]).toEqual([true, true, false]);
  });

  it('a biography whose whole text stands in the room left grows with the box; one that must turn pages does not', () => {
    /** A spotlight: a name, then a pager of 3 lines' height (chrome 20) wishing for 5 more, its whole text `whole`. */
    const spotlight = (available: number, whole: number): FitBox => ({
      available,
      gap: 0,
      grow: 2,
      groups: [
        {
          overhead: 20,
          gap: 10,
          units: [
            { height: 60, floor: 0.5 },
            { height: 110, floor: 1, fixed: true, fill: true, rank: 10, wish: { height: 60, rank: 5 }, whole },
          ],
        },
      ],
    });
    // Two lines of biography (its whole text is its minimum) in a box with 240 px to spare: it grows, whole.
    const short = planFit(spotlight(500, 110));
    expect(short.whole).toBe(true);
    // 20 + 10 + (60 + 110) g ≤ 500: g ≤ 2.76, held to the box's most.
    expect(short.grow).toBe(2);
    expect(short.spare).toBe(0);
    // Grown no further than the box holds: 20 + 10 + (60 + 110) g ≤ 300.
    const tight = planFit(spotlight(300, 110));
    expect(tight.grow).toBeCloseTo(270 / 170, 3);
    expect(tight.whole).toBe(true);
    // 230 px beyond the pager's minimum and wish stands in the 240 left: it grows. 250 does not: it pages, and
    // nothing grows; the pager has the room left and its wish.
    expect(planFit(spotlight(500, 400)).whole).toBe(true);
    const long = planFit(spotlight(500, 420));
    expect(long.whole).toBe(false);
    expect(long.grow).toBe(1);
    expect(long.spare).toBe(500 - 20 - 10 - 60 - 110);
    // Without its whole height measured, a pager never grows.
    const unknown = planFit({
      ...spotlight(500, 110),
      groups: [{ ...spotlight(500, 110).groups[0]!, units: spotlight(500, 110).groups[0]!.units.map(({ whole: _, ...u }) => u) }],
    });
    expect(unknown.grow).toBe(1);
  });

  it('never plans more than the box holds while something can still give way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 1500 }), fc.integer({ min: 0, max: 12 }), (available, rows) => {
        const plan = planFit(board(available, rows));
        expect(plan.spare).toBeGreaterThanOrEqual(0);
        if (plan.floorScale === 1) expect(plan.scale).toBeGreaterThan(0);
      }),
    );
  });
});

const lines = (count: number, height = 30, gapAfter: number[] = []): Line[] => {
  let top = 0;
  return Array.from({ length: count }, (_, i) => {
    const line = { top, bottom: top + height, block: gapAfter.filter((g) => g <= i - 1).length };
    top += height + 10 + (gapAfter.includes(i) ? 20 : 0);
    return line;
  });
};

describe('pages of whole lines', () => {
  it('every page is whole lines, and every line is on exactly one page', () => {
    const all = lines(13, 30, [4, 9]);
    const pages = cutPages(all, 130);
    for (const line of all) {
      const on = pages.filter((p) => line.top >= p.top && line.bottom <= p.top + p.height);
      expect(on.length).toBe(1);
      const partly = pages.filter((p) => line.bottom > p.top && line.top < p.top + p.height && !on.includes(p));
      expect(partly).toEqual([]);
    }
  });

  it('no more pages than the turn allows, at least 7 s each: the last paragraphs yield whole', () => {
    expect(maxPages(15_000)).toBe(2);
    expect(maxPages(6_000)).toBe(1);
    const all = lines(20, 30, [7, 13]);
    const plan = planPages(all, 130, 2);
    expect(plan.pages.length).toBeLessThanOrEqual(2);
    expect(plan.blocks).toBe(1);
  });

  it('pages are even: two pages of a five-line text are three and two lines, not four and one', () => {
    const plan = planPages(lines(5), 160, 2);
    expect(plan.pages.map((p) => Math.round((p.height + 10) / 40))).toEqual([3, 2]);
  });
});

describe('what yields first', () => {
  const slot = (start: number, end: number) => ({ start, end }) as Slot;

  it('a hallway board loses its later rows from the last', () => {
    expect(laterRowRanks(3)).toEqual([1002, 1001, 1000]);
  });

  it('the desk keeps what is on now, lets the past go first (oldest first), then the end of the day', () => {
    const day = [slot(0, 10), slot(10, 20), slot(20, 30), slot(30, 40), slot(40, 50)];
    const ranks = deskRowRanks(day, 25);
    expect(ranks[2]).toBeUndefined();
    const order = [0, 1, 3, 4].sort((a, b) => ranks[a]! - ranks[b]!);
    expect(order).toEqual([0, 1, 4, 3]);
  });
});
