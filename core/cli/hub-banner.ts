/**
 * What `npm run hub` prints once it listens: where boards, the fleet and control pages and the live feed are, where
 * the live state and the staff token are kept. Never the token itself: the control link shows `<token>` (the
 * token is printed only by --staff-qr, to a terminal: staff-qr.ts).
 */
import { join } from 'node:path';

export interface BannerFacts {
  /** The board's address (the first one a phone can reach, or the loopback one). */
  base: string;
  /** Every address a phone can reach (reachableUrls). */
  reachable: readonly string[];
  /** The board's URL to open (with the demo's clock for --demo). */
  url: string;
  demo: boolean;
  /** The program as it may be printed (publicName). */
  program: string;
  hasProgram: boolean;
  stateDir: string;
  tokenFile: string;
  /** Behind a reverse proxy (--public-url): the hub's own address, which only the proxy opens. */
  servedAt?: string;
}

export function hubBanner(facts: BannerFacts): string[] {
  const { base, reachable, demo } = facts;
  const lines = [`Foyer board: ${facts.url}`];
  if (facts.servedAt) lines.push(`Served to the proxy at: ${facts.servedAt}`);
  else if (reachable.length > 1) lines.push(`Also at: ${reachable.slice(1).join('  ')}`);
  lines.push(`Program: ${facts.program} (edits show on open boards within seconds)`);
  if (!facts.hasProgram)
    lines.push('No program to show yet: boards will show it as soon as the source gives a good one (see above).');
  if (demo) {
    lines.push(`Fleet: ${base}fleet   Staff keys and many screens: docs/hub.md`);
  } else {
    lines.push(
      `Live state: ${join(facts.stateDir, 'live.json')} (audit log: ${join(facts.stateDir, 'audit.log')})`,
      `Staff token: in ${facts.tokenFile}; a board opened once with #staff=<token> becomes a staff board`,
      `Fleet: ${base}fleet   Live feed: ${base}api/live, ${base}schedule.xml, ${base}schedule.ics`,
      `Control (staff phones): ${base}control#staff=<token>`,
    );
  }
  return lines;
}
