/**
 * A line icon drawn in the text's colour. Drawn, not typed: the bundled font's
 * subsets have no arrow or warning glyph, and an icon must not fall back to
 * whatever font the machine happens to have.
 */
export function StrokeIcon({
  className,
  viewBox,
  path,
  label,
}: {
  className: string;
  viewBox: string;
  path: string;
  /** Read by screen readers; without it the icon is decoration. */
  label?: string;
}) {
  return (
    <svg className={className} viewBox={viewBox} {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
