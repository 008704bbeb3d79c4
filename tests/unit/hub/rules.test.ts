/**
 * The hub's rules as pure decisions (core/hub/rules/): when an address has failed
 * too often, how long a screen waits before reconnecting, when it reports,
 * when the fleet page calls it silent or outdated, how the fleet table stays
 * bounded, what the live state's version and audit line say, and what the
 * wire readers refuse.
 */
import { describe, expect, it } from 'vitest';
import { AttemptLimiter, bearerToken, FAILURE_WINDOW_MS, MAX_ADDRESSES, MAX_FAILURES } from '../../../core/hub/rules/auth.ts';
import {
  EVICT_AFTER_MS,
  FleetTable,
  outdatedParts,
  UNVERIFIED_EVICT_AFTER_MS,
  type HubVersions,
} from '../../../core/hub/rules/fleet.ts';
import { applyCommand, EMPTY_LIVE_STATE } from '../../../core/hub/rules/state.ts';
import {
  firstHeartbeatDelay,
  heartbeatDelay,
  isSilent,
  RECONNECT_MAX_MS,
  reconnectDelay,
  SILENT_AFTER_MS,
} from '../../../core/hub/rules/timing.ts';
import { readCommandRequest, readHeartbeat, readLiveState } from '../../../core/hub/rules/wire.ts';
import { EventStreamParser, type StreamEvent } from '../../../core/hub/rules/sse.ts';
import type { Heartbeat } from '../../../core/hub/api.ts';

describe('staff token attempts', () => {
  it('reads a bearer token and nothing else', () => {
    expect(bearerToken('Bearer abc.DEF-123')).toBe('abc.DEF-123');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer two words')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it(`refuses an address after ${MAX_FAILURES} failures until its window ends; other addresses are unaffected`, () => {
    const limiter = new AttemptLimiter();
    const t = 1_000_000;
    const used = Array.from({ length: MAX_FAILURES }, (_, i) => limiter.fail('10.0.0.9', t + i));
    expect(used).toEqual([false, false, false, false, true]);
    expect(limiter.check('10.0.0.9', t + 10)).toEqual({ allowed: false, retryAt: t + FAILURE_WINDOW_MS });
    expect(limiter.check('10.0.0.8', t + 10)).toEqual({ allowed: true });
    expect(limiter.check('10.0.0.9', t + FAILURE_WINDOW_MS)).toEqual({ allowed: true });
  });

  it('a success forgets the failures; the addresses it remembers are bounded', () => {
    const limiter = new AttemptLimiter();
    limiter.fail('a', 0);
    limiter.succeed('a');
    expect(limiter.size).toBe(0);
    for (let i = 0; i < MAX_ADDRESSES + 50; i++) limiter.fail(`10.1.${i >> 8}.${i & 255}`, i);
    expect(limiter.size).toBe(MAX_ADDRESSES);
  });
});

describe('reconnecting and reporting', () => {
  it('waits about a second after a drop, doubling to half a minute, with jitter that spreads screens', () => {
    expect([0, 1, 2, 3].map((a) => [reconnectDelay(a, 0), reconnectDelay(a, 0.999)])).toEqual([
      [500, 1000],
      [1000, 1999],
      [2000, 3998],
      [4000, 7996],
    ]);
    expect(reconnectDelay(50, 0.5)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    expect(reconnectDelay(50, 0)).toBe(RECONNECT_MAX_MS / 2);
    // A hundred screens that lost the hub together do not all knock at the same moment.
    const waits = Array.from({ length: 100 }, (_, i) => reconnectDelay(3, i / 100));
    expect(new Set(waits).size).toBe(100);
  });

  it('reports every 30 s ± 10 %, the first one within 2 s', () => {
    expect([heartbeatDelay(0), heartbeatDelay(0.5), heartbeatDelay(0.999)]).toEqual([27_000, 30_000, 32_994]);
    expect(firstHeartbeatDelay(0.999)).toBeLessThan(2_000);
  });

  it('calls a screen silent after three missed heartbeats (90 s)', () => {
    expect(isSilent(0, SILENT_AFTER_MS)).toBe(false);
    expect(isSilent(0, SILENT_AFTER_MS + 1)).toBe(true);
  });
});

const beat = (id: string, patch: Partial<Heartbeat> = {}): Heartbeat => ({
  id,
  name: id,
  host: 'electron',
  room: null,
  view: 'board',
  appVersion: '0.1.0',
  programVersion: 'p1',
  liveVersion: 4,
  window: { width: 1920, height: 1080 },
  uptime: 60,
  lastError: null,
  ...patch,
});

describe('the fleet table', () => {
  const hub: HubVersions = { appVersion: '0.1.0', programVersion: 'p1', programSince: 0, liveVersion: 4, liveSince: 100_000 };

  it('names what a screen is behind on, but not a change it cannot have seen yet', () => {
    expect(outdatedParts(beat('a'), 200_000, hub)).toEqual([]);
    expect(outdatedParts(beat('a', { programVersion: 'p0', liveVersion: 3, appVersion: '0.0.9' }), 200_000, hub)).toEqual([
      'program',
      'live state',
      'app',
    ]);
    // Reported 2 s after the live state changed: the new version was on its way.
    expect(outdatedParts(beat('a', { liveVersion: 3 }), 102_000, hub)).toEqual([]);
  });

  /** A table whose secrets are s1, s2, …, in the order it issues them. */
  const table = (max: number) => {
    let n = 0;
    return new FleetTable(max, () => `s${++n}`);
  };

  it('keeps at most its limit; a new screen takes the row of one silent for 10 minutes, or is turned away', () => {
    const fleet = table(2);
    expect(fleet.record(beat('a'), null, '10.0.0.1', 0)).toEqual({ outcome: 'new', secret: 's1' });
    expect(fleet.record(beat('b'), null, '10.0.0.2', 1_000)).toEqual({ outcome: 'new', secret: 's2' });
    expect(fleet.record(beat('a'), 's1', '10.0.0.1', 30_000)).toEqual({ outcome: 'ok' });
    expect(fleet.record(beat('b'), 's2', '10.0.0.2', 31_000)).toEqual({ outcome: 'ok' });
    expect(fleet.record(beat('c'), null, '10.0.0.3', 32_000)).toEqual({ outcome: 'full' });
    expect(fleet.record(beat('a'), 's1', '10.0.0.1', 33_000)).toEqual({ outcome: 'ok' });
    expect(fleet.record(beat('c'), null, '10.0.0.3', 31_000 + EVICT_AFTER_MS)).toEqual({ outcome: 'new', secret: 's3' });
    expect(fleet.rows(31_000 + EVICT_AFTER_MS, hub, () => false).map((r) => [r.id, r.silent, r.verified])).toEqual([
      ['a', true, true],
      ['c', false, false],
    ]);
  });

  it('a known id is updated only with its secret: a forged heartbeat cannot make a dead screen look alive', () => {
    const fleet = table(10);
    fleet.record(beat('hall-b', { name: 'Hall B' }), null, '10.0.0.1', 0);
    expect(fleet.record(beat('hall-b', { name: 'Hall B' }), 's1', '10.0.0.1', 30_000)).toEqual({ outcome: 'ok' });
    for (const secret of [null, 's2', 's', 's10', ''])
      expect(fleet.record(beat('hall-b', { name: 'forged', uptime: 9 }), secret, '10.0.0.66', 200_000)).toEqual({
        outcome: 'refused',
      });
    const [row] = fleet.rows(200_000, hub, () => false);
    expect(row).toMatchObject({ address: '10.0.0.1', lastSeen: 30_000, silent: true, heartbeat: { name: 'Hall B', uptime: 60 } });
  });

  it('rows of screens that never sent their secret back give their place first, after a minute', () => {
    const fleet = table(3);
    fleet.record(beat('real'), null, '10.0.0.1', 0);
    fleet.record(beat('real'), 's1', '10.0.0.1', 30_000);
    fleet.record(beat('forged-1'), null, '10.0.0.9', 40_000);
    fleet.record(beat('forged-2'), null, '10.0.0.9', 50_000);
    // The real screen has been silent the longest (and for 10 minutes): still the unverified rows go first.
    const later = 30_000 + EVICT_AFTER_MS;
    expect(fleet.record(beat('new-1'), null, '10.0.0.2', later)).toMatchObject({ outcome: 'new' });
    expect(fleet.record(beat('new-2'), null, '10.0.0.3', later)).toMatchObject({ outcome: 'new' });
    expect(fleet.rows(later, hub, () => false).map((r) => r.id)).toEqual(['real', 'new-1', 'new-2']);
    // An unverified row quiet for less than a minute keeps its place (a real screen's second beat is due): the
    // silent real screen's row goes.
    expect(fleet.record(beat('new-3'), null, '10.0.0.4', later + UNVERIFIED_EVICT_AFTER_MS - 1)).toMatchObject({
      outcome: 'new',
    });
    expect(fleet.rows(later, hub, () => false).map((r) => r.id)).toEqual(['new-1', 'new-2', 'new-3']);
    expect(fleet.record(beat('new-4'), null, '10.0.0.5', later + UNVERIFIED_EVICT_AFTER_MS - 1)).toEqual({ outcome: 'full' });
  });
});

describe('the live state', () => {
  const at = { room: 'main', day: '2026-05-06', now: 1_778_050_800_000 };
  const name = (id: string) => (id === 'main' ? 'Main room' : id);

  it('moves its version only when something changed, and says what changed', () => {
    const one = applyCommand(EMPTY_LIVE_STATE, { type: 'delay', minutes: 5 }, at, name, 42);
    expect(one.live).toMatchObject({ version: 1, updatedAt: 42 });
    expect(one.change).toBe('Main room, 2026-05-06: delay 0 → 5 min');
    const status = applyCommand(one.live, { type: 'room-status-cycle' }, at, name, 43);
    expect(status.change).toBe('Main room, 2026-05-06: open → full');
    const same = applyCommand(status.live, { type: 'delay', minutes: 5 }, { ...at, room: null }, name, 44);
    expect(same).toEqual({ live: status.live, change: null });
    expect(applyCommand(status.live, { type: 'emergency-toggle' }, at, name, 45).change).toBe('emergency message ON');
  });
});

describe('the wire readers refuse what they cannot trust, in one line', () => {
  it('a live state', () => {
    expect(readLiveState({ ...EMPTY_LIVE_STATE, emergency: 'yes' })).toMatchObject({
      ok: false,
      error: 'live.emergency: must be true or false',
    });
    expect(readLiveState([])).toMatchObject({ ok: false, error: 'live: not an object' });
    expect(
      readLiveState({ ...EMPTY_LIVE_STATE, roomStatus: [{ room: 'a', day: '2026-05-06', status: 'packed', since: 0 }] }),
    ).toMatchObject({
      ok: false,
      error: 'live.roomStatus[0].status: must be "full" or "closed"',
    });
  });

  it('a command: shared ones only, in range', () => {
    const request = (command: unknown) => ({
      command,
      at: { room: 'main', day: '2026-05-06', now: 0 },
      screen: { id: 'x1', name: 'X' },
    });
    expect(readCommandRequest(request({ type: 'delay', minutes: 5 })).ok).toBe(true);
    expect(readCommandRequest(request({ type: 'delay', minutes: 5000 }))).toMatchObject({
      ok: false,
      error: 'request.command.minutes: must be a whole number from -180 to 180',
    });
    expect(readCommandRequest(request({ type: 'reload' }))).toMatchObject({
      ok: false,
      error: 'request.command.type: not a command that changes the live state',
    });
  });

  it('a heartbeat: long texts cut, wrong types refused', () => {
    const read = readHeartbeat({ ...beat('k1'), lastError: 'x'.repeat(900) });
    expect(read.ok && read.value.lastError!.length).toBe(200);
    expect(readHeartbeat({ ...beat('k1'), host: 'toaster' })).toMatchObject({
      ok: false,
      error: 'heartbeat.host: must be "web" or "electron"',
    });
    expect(readHeartbeat({ ...beat('k1'), id: 'i'.repeat(65) }).ok).toBe(false);
  });
});

describe('the event-stream reader', () => {
  it('reads events split anywhere across chunks, with CRLF, comments and multi-line data', () => {
    const events: StreamEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e));
    const text =
      'retry: 2000\r\n\r\n: keepalive\n\nevent: live\ndata: {"a":\ndata: 1}\n\nevent: program\r\ndata: {}\r\n\r\ndata: plain\n\n';
    for (const chunk of text.match(/.{1,3}/gs)!) parser.push(chunk);
    expect(events).toEqual([
      { event: 'live', data: '{"a":\n1}' },
      { event: 'program', data: '{}' },
      { event: 'message', data: 'plain' },
    ]);
  });
});
