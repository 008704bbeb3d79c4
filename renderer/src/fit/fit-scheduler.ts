/**
 * Fits every box on the board in one pass: whatever changed since the last
 * frame (new content, a resize, the web font arriving) is reset to its
 * designed size in one write, measured in one read (one layout for all boxes),
 * planned by core/layout/fit.ts and written back, all before the browser
 * paints. No box is laid out twice to try a size. A box carries
 * `data-fitted="WxH"` once fitted for the window's size with the web font.
 */
import { planFit } from '../../../core/layout/fit.ts';
import type { ClockService } from '../clock/clock-service.ts';
import { applyFloors, clearFloors, FLOORS_BY_SCRIPT } from './floors.ts';
import { applyPlan, holds, measureBox, resetBox } from './measure.ts';
import { Pager } from './pager.ts';
import { copyMeasured, handOver, listBoxOf, takeShownRows, withoutMore, withPartners } from './spill.ts';
import { applyWordCaps, clearWordCaps, readWordCaps } from './words.ts';

interface Entry {
  width: number;
  height: number;
  pager: Pager | null;
}

export class FitScheduler {
  private readonly boxes = new Map<HTMLElement, Entry>();
  private readonly dirty = new Set<HTMLElement>();
  private queued = false;
  private readonly observer: ResizeObserver;
  private readonly fontsLoaded = (): void => {
    for (const el of this.boxes.keys()) this.schedule(el);
  };

  constructor(private readonly clock: ClockService) {
    this.observer = new ResizeObserver((entries) => {
      for (const { target } of entries) {
        const el = target as HTMLElement;
        const entry = this.boxes.get(el);
        // Observing starts with a call for the size the box already has: only a real change refits.
        if (entry && (entry.width !== el.clientWidth || entry.height !== el.clientHeight)) this.schedule(el);
      }
      this.flush();
    });
    document.fonts?.addEventListener('loadingdone', this.fontsLoaded);
  }

  add(el: HTMLElement): void {
    this.boxes.set(el, { width: -1, height: -1, pager: null });
    this.observer.observe(el);
    this.schedule(el);
  }

  remove(el: HTMLElement): void {
    this.boxes.get(el)?.pager?.stop();
    this.boxes.delete(el);
    this.dirty.delete(el);
    this.observer.unobserve(el);
  }

  /** The box's content changed: fit it before the next paint. */
  schedule(el: HTMLElement): void {
    if (!this.boxes.has(el)) return;
    this.dirty.add(el);
    delete el.dataset.fitted;
    if (this.queued) return;
    this.queued = true;
    // After React's commit (every layout effect has run), before the browser paints.
    queueMicrotask(() => this.flush());
  }

  stop(): void {
    this.observer.disconnect();
    document.fonts?.removeEventListener('loadingdone', this.fontsLoaded);
    for (const entry of this.boxes.values()) entry.pager?.stop();
  }

  flush(): void {
    this.queued = false;
    if (this.dirty.size === 0) return;
    // A list and its continuation in another box are fitted together, the list first (fit/spill.ts).
    const els = withPartners([...this.dirty]).filter((el) => this.boxes.has(el));
    this.dirty.clear();
    for (const el of els) {
      resetBox(el);
      clearFloors(el);
      clearWordCaps(el);
    }
    // Engines without max() only (fit/floors.ts): the texts at their floors before measuring, as they are drawn.
    for (const el of els) applyFloors(el);
    const measured = els.map(measureBox);
    // Read with the measurement: the widest word of each title at its designed size (fit/words.ts).
    const caps = els.flatMap((el) => readWordCaps(el));
    // Read with the measurement: a box's size never depends on its content.
    const sizes = els.map((el) => [el.clientWidth, el.clientHeight] as const);
    const fonts = document.fonts?.status !== 'loading';
    // Read with the sizes, before the writes below: read after them, it could lay the page out again per box.
    const viewport = `${window.innerWidth}x${window.innerHeight}`;
    applyWordCaps(caps);
    els.forEach((el, i) => {
      let m = measured[i]!;
      const designed = copyMeasured(m);
      takeShownRows(m);
      let plan = planFit(m.box);
      applyPlan(el, m, plan);
      // The desk's day goes on in this box: the list's "+ N more" gives way, so the list is planned again without
      // it (its room may hold a row more), and this box again after it (fit/spill.ts).
      const list = listBoxOf(el);
      const j = list ? els.indexOf(list) : -1;
      if (handOver(el) && j >= 0) {
        resetBox(list!);
        applyPlan(list!, withoutMore(measured[j]!), planFit(withoutMore(measured[j]!).box));
        resetBox(el);
        m = designed;
        takeShownRows(m);
        plan = planFit(m.box);
        applyPlan(el, m, plan);
        if (!handOver(el)) {
          // Nothing left for this box after all: the list keeps its "+ N more".
          resetBox(list!);
          applyPlan(list!, measured[j]!, planFit(measured[j]!.box));
        }
      }
      const entry = this.boxes.get(el)!;
      [entry.width, entry.height] = sizes[i]!;
      entry.pager?.stop();
      entry.pager = m.pager ? Pager.start(m.pager, plan, this.clock) : null;
      if (fonts) el.dataset.fitted = viewport;
    });
    settleSizes(els);
    // And after the plans, on the whole board: texts outside the boxes (the clock, the top bar) have floors too.
    // The top bar's texts wrap between words too: capped as drawn now (one more layout), then floored.
    const board = els[0]!.closest('.app');
    if (board) {
      clearWordCaps(board, true);
      applyWordCaps(readWordCaps(board, true));
      clearFloors(board);
      applyFloors(board);
    }
  }
}

/** Rounds of drawing and checking a box at most: each is one layout for every box checked together. */
const SETTLE_ROUNDS = 6;
/**
 * Sizes this close are one to the eye: the search stops. Each read is a layout of the board, and a room switch has
 * 16 ms: growths a tenth apart are not worth two more (a FOSDEM room switch went from 30 to 45 ms at 0.04).
 */
const SETTLE_CLOSE = 0.1;

interface Search {
  el: HTMLElement;
  /** The custom property searched: `--grow`, or `--floor-fit` for a box whose text is set below its floors. */
  property: '--grow' | '--floor-fit';
  /** What the box keeps when nothing larger held: no growth, or the plan's own share of the floors. */
  held: number;
  failed: number;
  guessed: boolean;
}

/**
 * The plan predicts each text's height as its size times its height as designed, but text set larger takes more
 * lines than that and text set smaller fewer: a grown box may not hold as drawn (a title two lines longer, a word
 * wider than its column), and a box whose text had to go below its floors (20 m away) holds larger text than its
 * plan says, which left it a tiny title in an empty panel. So both are checked as drawn (a read after the writes:
 * more layouts, only for those boxes): where a size does not hold, the next try is that size scaled by the share it
 * held, then halfway between the largest size that held and the smallest that did not, until the two are close or
 * the rounds are spent; the box keeps the largest that held.
 */
function settleSizes(boxes: HTMLElement[]): void {
  const searches: Search[] = [];
  for (const el of boxes) {
    if (el.dataset.grown !== undefined) searches.push({ el, property: '--grow', held: 1, failed: Infinity, guessed: false });
    const floorFit = parseFloat(el.style.getPropertyValue('--floor-fit'));
    // Where floors are set by script (Chromium 78 and older, fit/floors.ts) a new share shows only once they are set
    // again: checked as drawn it would always seem to hold, so the plan's share stays.
    if (floorFit < 1 && !FLOORS_BY_SCRIPT) {
      searches.push({ el, property: '--floor-fit', held: floorFit, failed: Infinity, guessed: false });
      el.style.setProperty('--floor-fit', '1');
    }
  }
  let open = searches;
  for (let round = 0; round < SETTLE_ROUNDS && open.length > 0; round++) {
    const shares = open.map((search) => holds(search.el));
    open = open.filter((search, i) => {
      const tried = parseFloat(search.el.style.getPropertyValue(search.property));
      const share = shares[i]!;
      if (share >= 1) search.held = Math.max(search.held, tried);
      else search.failed = tried;
      let next = NaN;
      if (search.failed !== Infinity) {
        const guess = tried * share * 0.98;
        next = !search.guessed && guess > search.held + SETTLE_CLOSE ? guess : (search.held + search.failed) / 2;
        search.guessed = true;
      }
      const done =
        !(next > search.held + SETTLE_CLOSE / 2) || search.failed - search.held < SETTLE_CLOSE || round === SETTLE_ROUNDS - 1;
      const size = done ? search.held : next;
      if (size !== tried) setSize(search, size);
      return !done;
    });
  }
}

function setSize({ el, property }: Search, size: number): void {
  if (property === '--floor-fit') el.style.setProperty(property, Math.min(1, size).toFixed(4));
  else if (size <= 1) {
    el.style.setProperty('--grow', '1');
    delete el.dataset.grown;
  } else el.style.setProperty('--grow', size.toFixed(4));
}
