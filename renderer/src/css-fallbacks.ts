/**
 * The stylesheet's fallbacks that need a word from script, for engines older than the board's CSS (Chromium 76–119):
 * - flex `gap` (Chrome 84) cannot be asked for with @supports (grid gap parses the same), so it is tried once here
 *   and `no-flex-gap` on <html> turns on the margin spacing the stylesheets keep for it;
 * - `hypot()` (Chrome 120) gives the window's diagonal the text floors are computed from: where it is missing, the
 *   diagonal is set here in px (`--diagonal-js`, which base.css prefers) and again on every resize.
 */

function flexGapWorks(): boolean {
  // Every engine with aspect-ratio (Chrome 88, Safari 15, Firefox 89) has flex gap (84, 14.1, 63): there the probe,
  // which lays out the whole first board the hub put in the page (~100 ms before its first paint), is not needed.
  if (typeof CSS !== 'undefined' && CSS.supports('aspect-ratio', '1')) return true;
  const flex = document.createElement('div');
  flex.style.cssText = 'display:flex;flex-direction:column;row-gap:1px;position:absolute;visibility:hidden';
  flex.appendChild(document.createElement('div'));
  flex.appendChild(document.createElement('div'));
  document.documentElement.appendChild(flex);
  const works = flex.scrollHeight === 1;
  flex.remove();
  return works;
}

/** Once per page (the boot script and the board's entry both ask). */
export function installCssFallbacks(): void {
  const root = document.documentElement;
  if (root.hasAttribute('data-css-fallbacks')) return;
  root.setAttribute('data-css-fallbacks', '');
  if (!flexGapWorks()) root.classList.add('no-flex-gap');
  if (typeof CSS !== 'undefined' && CSS.supports('width', 'hypot(3px, 4px)')) return;
  const diagonal = (): void => root.style.setProperty('--diagonal-js', `${Math.hypot(innerWidth, innerHeight)}px`);
  diagonal();
  addEventListener('resize', diagonal);
}
