/**
 * The fleet as the hub sees it: the last heartbeat of every screen, which are
 * silent and which are behind. Anyone on the venue network can send a
 * heartbeat, so the table is bounded: at most `maxScreens` entries, and a new
 * screen takes the place of one silent for EVICT_AFTER_MS or is turned away.
 */
import type { FleetRow, Heartbeat } from '../api.ts';
import { isSilent } from './timing.ts';

export const MAX_SCREENS = 500;
/** Rows one address may hold: a venue's screens behind one NAT fit, one sender cannot fill the table. */
export const ROWS_PER_ADDRESS = 32;
/** A screen silent this long gives its row to a new one when the table is full. */
export const EVICT_AFTER_MS = 10 * 60_000;
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
}

export class FleetTable {
  private readonly entries = new Map<string, Entry>();
  private readonly maxScreens: number;

  constructor(maxScreens = MAX_SCREENS) {
    this.maxScreens = maxScreens;
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

  /** Records a heartbeat; 'full' when it is a new screen and no row can be freed for it. */
  record(heartbeat: Heartbeat, address: string, now: number): 'ok' | 'full' {
    const known = this.entries.get(heartbeat.id);
    if (known !== undefined) {
      known.heartbeat = heartbeat;
      known.address = address;
      known.lastSeen = now;
      return 'ok';
    }
    let fromAddress = 0;
    for (const entry of this.entries.values()) if (entry.address === address) fromAddress++;
    if (fromAddress >= ROWS_PER_ADDRESS) return 'full';
    if (this.entries.size >= this.maxScreens && !this.evictOne(now)) return 'full';
    this.entries.set(heartbeat.id, { heartbeat, address, firstSeen: now, lastSeen: now });
    return 'ok';
  }

  private evictOne(now: number): boolean {
    let oldest: [string, Entry] | null = null;
    for (const pair of this.entries) if (oldest === null || pair[1].lastSeen < oldest[1].lastSeen) oldest = pair;
    if (oldest === null || now - oldest[1].lastSeen < EVICT_AFTER_MS) return false;
    this.entries.delete(oldest[0]);
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
      }))
      .sort((a, b) => Number(b.silent) - Number(a.silent) || a.heartbeat.name.localeCompare(b.heartbeat.name));
  }
}
