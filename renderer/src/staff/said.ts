/**
 * The hub's sentences (core/i18n/said.ts: a change it made, why it refused) on a staff page, in the page's language
 * (core/i18n/staff.ts saidParts). What a sentence only carries (a room's name, an announcement's text, a field's
 * path, a time) is set as text in a <bdi class="said-value">: it keeps its own direction on an Arabic page (a field
 * path such as `request.command.until` reads left to right there too).
 */
import type { SaidPart } from '../../../core/i18n/staff.ts';
import { h } from './dom.ts';

export function nodesOf(parts: readonly SaidPart[]): (Node | string)[] {
  return parts.map((p) => (p.value ? h('bdi', { class: 'said-value' }, p.text) : p.text));
}
