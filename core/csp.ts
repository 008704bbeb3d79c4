/**
 * The board's Content-Security-Policy, one string for every place it is
 * enforced: the <meta> in index.html (written at build time by the Vite
 * config), the kiosk's app:// responses and the hub's responses.
 *
 * Inline styles stay out: React sets style properties through the CSSOM, which
 * CSP does not govern. Directives a <meta> cannot carry (frame-ancestors,
 * sandbox, report-uri) stay out too, so that the same string means the same
 * everywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // https: because the program may name speaker photos and logos by URL; the kiosk admits only those.
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  // the hub's program API and event stream; the kiosk fetches nothing.
  "connect-src 'self'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy as a response header: the same string, plus what only a header can
 * say. `frame-ancestors 'none'`: no page elsewhere may frame the board.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Where index.html wants the policy's <meta>. */
export const CSP_PLACEHOLDER = '<!-- Content-Security-Policy from core/csp.ts, written here at build time -->';

/** index.html with the policy's <meta> in place of the placeholder (the Vite config's transform, and the audit's). */
export function withContentSecurityPolicy(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html lacks the placeholder ${CSP_PLACEHOLDER}`);
  return html.replace(CSP_PLACEHOLDER, `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
}
