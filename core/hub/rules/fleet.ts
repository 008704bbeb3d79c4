/**
 * The fleet as the hub sees it: the last heartbeat of every screen, which are
 * silent and which are behind. Anyone on the venue network can send a
 * heartbeat, so a row belongs to the screen that made it: the first heartbeat
 * of an id is answered with a secret, and only a heartbeat carrying it updates
 * that row again (a forged one cannot make a dead screen look alive). The
 * table is bounded: at most `maxScreens` rows, ROWS_PER_ADDRESS per address,
 * and a new screen takes the place of one that never proved its secret (quiet
 * for UNVERIFIED_EVICT_AFTER_MS) before that of a real screen silent for
 * EVICT_AFTER_MS, or is turned away.
 */
import type { FleetRow, Heartbeat } from '../api.ts';
import { isSilent } from './timing.ts';

export const MAX_SCREENS = 500;
/** Rows one address may hold: a venue's screens behind one NAT fit, one sender cannot fill the table. */
export const ROWS_PER_ADDRESS = 32;
/** A screen silent this long gives its row to a new one when the table is full. */
export const EVICT_AFTER_MS = 10 * 60_000;
/**
 * A row whose screen never sent its secret back, quiet this long, gives its place first: a real screen's second
 * heartbeat comes 27–33 s after its first (timing.ts).
 */
export const UNVERIFIED_EVICT_AFTER_MS = 60_000;
/** A heartbeat sent this soon after a change may not have seen it yet: not "outdated". */
export const OUTDATED_GRACE_MS = 5_000;

export interface HubVersions {
  appVersion: string;
  programVersion: string | null;
  /** When the hub's program last changed (epoch ms). */
  programSince: number;
  liveVersion: number;
  liveSince: number;
}

/** What of the hub's a screen does not show yet: "program", "live state", "app". */
export function outdatedParts(heartbeat: Heartbeat, lastSeen: number, hub: HubVersions): string[] {
  const parts: string[] = [];
  if (heartbeat.programVersion !== hub.programVersion && lastSeen - hub.programSince > OUTDATED_GRACE_MS) parts.push('program');
  if (heartbeat.liveVersion !== hub.liveVersion && lastSeen - hub.liveSince > OUTDATED_GRACE_MS) parts.push('live state');
  if (heartbeat.appVersion !== hub.appVersion) parts.push('app');
  return parts;
}

interface Entry {
  heartbeat: Heartbeat;
  address: string;
  firstSeen: number;
  lastSeen: number;
  secret: string;
  /** A heartbeat came back with the secret. */
  verified: boolean;
}

/**
 * 'new': a row made, `secret` to hand the screen; 'ok': its row updated; 'refused': a known id without its secret,
 * nothing recorded; 'full': a new screen and no row can be freed for it.
 */
export type Recorded = { outcome: 'new'; secret: string } | { outcome: 'ok' | 'refused' | 'full' };

/** Compares in a time that does not depend on where the texts differ. */
function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= a.charCodeAt(i % Math.max(1, a.length)) ^ b.charCodeAt(i);
  return diff === 0;
}

export class FleetTable {
  private readonly entries = new Map<string, Entry>();
  private readonly maxScreens: number;
  private readonly newSecret: () => string;

  /** `newSecret`: an unguessable text per new row (the hub's crypto; pure logic here). */
  constructor(maxScreens: number, newSecret: () => string) {
    this.maxScreens = maxScreens;
    this.newSecret = newSecret;
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The name a screen last reported, or null for one never heard of. */
  nameOf(id: string): string | null {
    return this.entries.get(id)?.heartbeat.name ?? null;
  }

  /** Records a heartbeat that carried `secret` (null: none). */
  record(heartbeat: Heartbeat, secret: string | null, address: string, now: number): Recorded {
    const known = this.entries.get(heartbeat.id);
    if (known !== undefined) {
      if (secret === null || !sameSecret(known.secret, secret)) return { outcome: 'refused' };
      known.heartbeat = heartbeat;
      known.address = address;
      known.lastSeen = now;
      known.verified = true;
      return { outcome: 'ok' };
    }
    let fromAddress = 0;
    for (const entry of this.entries.values()) if (entry.address === address) fromAddress++;
    if (fromAddress >= ROWS_PER_ADDRESS) return { outcome: 'full' };
    if (this.entries.size >= this.maxScreens && !this.evictOne(now)) return { outcome: 'full' };
    const issued = this.newSecret();
    this.entries.set(heartbeat.id, { heartbeat, address, firstSeen: now, lastSeen: now, secret: issued, verified: false });
    return { outcome: 'new', secret: issued };
  }

  /** Frees the row of the longest-quiet unverified screen past its time, else of the longest-silent real one. */
  private evictOne(now: number): boolean {
    const oldest = (verified: boolean, after: number): string | null => {
      let found: [string, Entry] | null = null;
      for (const pair of this.entries)
        if (pair[1].verified === verified && (found === null || pair[1].lastSeen < found[1].lastSeen)) found = pair;
      return found !== null && now - found[1].lastSeen >= after ? found[0] : null;
    };
    const id = oldest(false, UNVERIFIED_EVICT_AFTER_MS) ?? oldest(true, EVICT_AFTER_MS);
    if (id === null) return false;
    this.entries.delete(id);
    return true;
  }

  /** Rows for the fleet page: silent ones first, then by name. */
  rows(now: number, hub: HubVersions, connected: (id: string) => boolean): FleetRow[] {
    return [...this.entries.entries()]
      .map(([id, e]) => ({
        id,
        heartbeat: e.heartbeat,
        address: e.address,
        firstSeen: e.firstSeen,
        lastSeen: e.lastSeen,
        silent: isSilent(e.lastSeen, now),
        outdated: outdatedParts(e.heartbeat, e.lastSeen, hub),
        connected: connected(id),
        verified: e.verified,
      }))
      .sort((a, b) => Number(b.silent) - Number(a.silent) || a.heartbeat.name.localeCompare(b.heartbeat.name));
  }
}
