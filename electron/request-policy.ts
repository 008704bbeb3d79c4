/**
 * What the kiosk's renderer may reach, as pure decisions the main process
 * wires into Electron's session and webContents hooks. The board needs its own
 * files and nothing else: the program arrives over IPC, fetched by the main
 * process, so a compromised or confused page has nowhere to go.
 */
import type { Program } from '../core/program/schema.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'foyer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL of the app itself. WHATWG gives custom schemes an opaque ("null") origin, so compare scheme and host. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export interface RequestPolicy {
  /** The configured program URL, or null for a file. */
  programUrl: string | null;
  /** https images the current program names (speaker photos, logo, map), each allowed exactly. */
  imageUrls: ReadonlySet<string>;
  /** Development only: the devtools front-end loads from devtools://. */
  devtools: boolean;
}

export type RequestDecision = { allow: true } | { allow: false; reason: string };

function withoutHash(url: URL): string {
  return `${url.origin}${url.pathname}${url.search}`;
}

/** For `session.webRequest.onBeforeRequest`: everything that is neither the app's own nor the program URL is cancelled. */
export function decideRequest(url: string, resourceType: string, policy: RequestPolicy): RequestDecision {
  if (isAppUrl(url)) return { allow: true };
  const parsed = parse(url);
  if (parsed === null) return { allow: false, reason: 'not a URL' };
  // data: and blob: never touch the network; CSP limits where the page may use them.
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return { allow: true };
  if (policy.devtools && (parsed.protocol === 'devtools:' || parsed.protocol === 'chrome-extension:')) return { allow: true };
  if (policy.programUrl !== null) {
    const program = parse(policy.programUrl);
    if (
      program !== null &&
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      withoutHash(parsed) === withoutHash(program)
    ) {
      return { allow: true };
    }
  }
  if (resourceType === 'image' && parsed.protocol === 'https:' && policy.imageUrls.has(parsed.href)) return { allow: true };
  return { allow: false, reason: `${parsed.protocol}//${parsed.host} is not the app or the program source` };
}

/** The https image URLs a program names; everything else it names is text. */
export function programImageUrls(program: Program): Set<string> {
  const candidates = [
    program.event.logo,
    program.event.map?.image,
    ...program.items.flatMap((item) => (item.speakers ?? []).map((s) => s.photo)),
  ];
  const urls = new Set<string>();
  for (const candidate of candidates) {
    const parsed = candidate !== undefined ? parse(candidate) : null;
    if (parsed !== null && parsed.protocol === 'https:') urls.add(parsed.href);
  }
  return urls;
}

/** For `will-navigate` / `will-redirect`: the board never leaves the app (a reload of itself is fine). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

export interface SenderFacts {
  /** URL of the frame that sent the message (`event.senderFrame.url`); null when the frame is gone. */
  frameUrl: string | null;
  /** Whether the frame is the top frame of its page. */
  isMainFrame: boolean;
  /** `event.sender.id`. */
  webContentsId: number;
}

/** IPC is answered only for our own window's top frame showing the app. */
export function isTrustedSender(sender: SenderFacts, windowWebContentsId: number | null): boolean {
  return (
    sender.webContentsId === windowWebContentsId && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl)
  );
}
