/**
 * The first board's markup without style attributes, which the CSP (core/csp.ts, style-src 'self') would drop:
 * each becomes `data-fb="N"` and a rule `[data-fb="N"] { … !important }` in a stylesheet the hub serves from its
 * own origin. `!important` keeps the attribute's precedence over the board's stylesheets. React escapes `"` in
 * every text and attribute value, so ` style="` in its output is always an attribute.
 */
import type { FirstBoard } from '../../../core/hub/api.ts';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&lt;': '<', '&gt;': '>' };

export function withoutStyleAttributes(html: string, portrait?: string): Omit<FirstBoard, 'noScriptCss'> {
  const rules = new Map<string, number>();
  const strip = (markup: string): string =>
    markup.replace(/ style="([^"]*)"/g, (_match, value: string) => {
      const declarations = value.replace(/&(amp|quot|#x27|lt|gt);/g, (entity) => ENTITIES[entity]!);
      let id = rules.get(declarations);
      if (id === undefined) rules.set(declarations, (id = rules.size));
      return ` data-fb="${id}"`;
    });
  const out = strip(html);
  // Both shapes share one stylesheet: the same style gets the same rule.
  const turned = portrait === undefined || portrait === html ? undefined : strip(portrait);
  const css = Array.from(rules, ([declarations, id]) => {
    const important = declarations
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map((d) => `${d} !important`)
      .join(';');
    return `[data-fb="${id}"]{${important}}`;
  }).join('\n');
  return { html: out, ...(turned !== undefined ? { portrait: turned } : {}), css };
}
