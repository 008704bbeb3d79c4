/**
 * The hub's sentences (core/i18n/said.ts: a change it made, why it refused) on a staff page, in the page's language
 * (core/i18n/staff.ts saidParts). What a sentence only carries (a room's name, an announcement's text, a field's
 * path, a time) is set as text in a <bdi class="said-value">: it keeps its own direction on an Arabic page (a field
 * path such as `request.command.until` reads left to right there too).
 */
import type { SaidPart } from '../../../core/i18n/staff.ts';
import { h } from './dom.ts';

/** Digits and signs alone (a date, a time, a status code): no letter to take a direction from. */
const NUMERIC = /^[\d\s.,:;/+\-–−]*$/;

export function nodesOf(parts: readonly SaidPart[]): (Node | string)[] {
  return parts.map((p) => {
    if (!p.value) return p.text;
    // A <bdi> without a letter takes the page's direction: on an Arabic page a date broken at its end ("2026-") would
    // draw its hyphen on the wrong side. Numbers read left to right, and stay whole on their line (control.css, fleet.css).
    return h('bdi', NUMERIC.test(p.text) ? { class: 'said-value', dir: 'ltr' } : { class: 'said-value' }, p.text);
  });
}
