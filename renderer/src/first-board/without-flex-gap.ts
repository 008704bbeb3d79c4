/**
 * The no-script board's spaces without flex `gap` (Chromium 83 and older lack it): styles/old-engines.css holds the
 * same spaces as margins under `no-flex-gap` on <html>, which only script can set (css-fallbacks.ts). Where no script
 * runs they are taken for every engine, and each container they space gets its gap on that axis set to 0, so a
 * current engine draws the very spaces an old one does and the layout needs no feature query at all.
 */
export function withoutFlexGap(oldEnginesCss: string): string {
  const css = oldEnginesCss.replace(/\/\*[\s\S]*?\*\//g, '');
  const zeroed = new Set<string>();
  for (const [, selectors, body] of css.matchAll(/([^{}]*\.no-flex-gap [^{}]*)\{([^{}]*)\}/g)) {
    for (const selector of selectors!.split(',')) {
      const container = selector
        .replace(/\.no-flex-gap /g, '')
        .split('>')[0]!
        .trim();
      if (/margin-top/.test(body!)) zeroed.add(`${container}{row-gap:0}`);
      if (/margin-(left|right)/.test(body!)) zeroed.add(`${container}{column-gap:0}`);
    }
  }
  return `${css.replace(/\.no-flex-gap /g, '')}\n${[...zeroed].join('\n')}\n`;
}
