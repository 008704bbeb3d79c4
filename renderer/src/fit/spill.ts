/**
 * A list that goes on in another box: the registration desk's day, whose rows the first column has no room for,
 * continues below the venues and the QR code when they leave room (issue #19: no "+ N more" while space is left).
 * The first box's list carries `data-spill="key"`; the second box has a group `data-spill-to="key"` holding the same
 * rows in the same order. The first box is planned first; the second then holds, as its own yielding rows, only
 * those after the first list's last shown row (the others are shown there: `data-fit-elsewhere`), and when it shows
 * any, the first list's "+ N more" gives way to its own.
 */
import type { Measured } from './measure.ts';

const ROW = '.day-row';

/** The boxes to fit with `els`: each list's partner box too, a list's own box before its continuation's. */
export function withPartners(els: HTMLElement[]): HTMLElement[] {
  const all = new Set(els);
  for (const el of els) {
    for (const list of el.querySelectorAll<HTMLElement>('[data-spill]')) {
      const to = document.querySelector(`[data-spill-to="${list.dataset.spill}"]`)?.closest<HTMLElement>('[data-fit-box]');
      if (to) all.add(to);
    }
    for (const to of el.querySelectorAll<HTMLElement>('[data-spill-to]')) {
      const from = document.querySelector(`[data-spill="${to.dataset.spillTo}"]`)?.closest<HTMLElement>('[data-fit-box]');
      if (from) all.add(from);
    }
  }
  const first = (el: HTMLElement): number => (el.querySelector('[data-spill]') ? 0 : 1);
  return [...all].sort((a, b) => first(a) - first(b));
}

function hide(el: HTMLElement): void {
  el.hidden = true;
  el.dataset.fitHidden = '';
  el.dataset.fitElsewhere = '';
}

/**
 * Before the continuation's box is planned (its list already drawn in the first box): takes out of its measurement
 * the rows the first list shows, and the whole group when no row is left for it. Writes (hides) and changes
 * `measured` only.
 */
export function takeShownRows(measured: Measured): void {
  for (let g = measured.groups.length - 1; g >= 0; g--) {
    const group = measured.groups[g]!;
    const key = group.dataset.spillTo;
    if (key === undefined) continue;
    const from = document.querySelector<HTMLElement>(`[data-spill="${key}"]`);
    const rows = from ? [...from.querySelectorAll<HTMLElement>(ROW)] : [];
    const last = rows.reduce((k, row, i) => (row.hidden ? k : i), -1);
    const own = [...group.querySelectorAll<HTMLElement>(ROW)];
    const gone = new Set(own.filter((_, i) => i <= last));
    if (own.length - gone.size === 0 || !from) {
      measured.box.groups.splice(g, 1);
      measured.groups.splice(g, 1);
      measured.units.splice(g, 1);
      hide(group);
      continue;
    }
    const units = measured.units[g]!;
    const keep = units.map((u) => !gone.has(u));
    measured.box.groups[g]!.units = measured.box.groups[g]!.units.filter((_, i) => keep[i]);
    measured.units[g] = units.filter((_, i) => keep[i]);
    for (const row of gone) hide(row);
  }
}

/** A measurement to plan again with changes (the elements are the same). */
export function copyMeasured(m: Measured): Measured {
  return {
    ...m,
    box: { ...m.box, groups: m.box.groups.map((g) => ({ ...g, units: [...g.units] })) },
    groups: [...m.groups],
    units: m.units.map((u) => [...u]),
  };
}

/** The box of the list a continuation box goes on from, or null. */
export function listBoxOf(box: HTMLElement): HTMLElement | null {
  const to = box.querySelector<HTMLElement>('[data-spill-to]');
  if (!to) return null;
  return document.querySelector(`[data-spill="${to.dataset.spillTo}"]`)?.closest<HTMLElement>('[data-fit-box]') ?? null;
}

/** The list's box measured without its "+ N more" line: the continuation says how many are left. */
export function withoutMore(m: Measured): Measured {
  const copy = copyMeasured(m);
  copy.groups.forEach((group, g) => {
    if (!group.hasAttribute('data-spill')) return;
    const keep = copy.units[g]!.map((u) => !(u.hasAttribute('data-more') && (u.dataset.list ?? '') === ''));
    copy.units[g] = copy.units[g]!.filter((_, i) => keep[i]);
    copy.box.groups[g]!.units = copy.box.groups[g]!.units.filter((_, i) => keep[i]);
  });
  return copy;
}

/**
 * After the continuation's plan: where it shows rows, the first list's "+ N more" gives way to its own (true).
 * Writes.
 */
export function handOver(box: HTMLElement): boolean {
  let any = false;
  for (const group of box.querySelectorAll<HTMLElement>('[data-spill-to]')) {
    if (group.hidden) continue;
    const shown = [...group.querySelectorAll<HTMLElement>(ROW)].map((r) => !r.hidden);
    if (!shown.includes(true)) continue;
    any = true;
    const from = document.querySelector<HTMLElement>(`[data-spill="${group.dataset.spillTo}"]`);
    if (!from) continue;
    [...from.querySelectorAll<HTMLElement>(ROW)].forEach((row, i) => {
      if (row.hidden && shown[i]) row.dataset.fitElsewhere = '';
    });
    for (const more of from.querySelectorAll<HTMLElement>('[data-more]'))
      if ((more.dataset.list ?? '') === '' && !more.hidden) {
        more.hidden = true;
        more.dataset.fitHidden = '';
      }
  }
  return any;
}
