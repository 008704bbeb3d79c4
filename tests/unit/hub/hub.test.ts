/**
 * The hub over real HTTP on 127.0.0.1 (core/hub/server/): changes need the staff
 * token, a wrong one is refused, logged and rate-limited; the live state is
 * saved with its version and comes back after a restart; a corrupt file is
 * refused and the last good copy used; heartbeats are bounded; the fleet's
 * data needs the token and its messages reach the right screen's stream.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetView, Heartbeat, HeartbeatAnswer } from '../../../core/hub/api.ts';
import type { LiveState } from '../../../core/hub/api.ts';
import { EventStreamParser, type StreamEvent } from '../../../core/hub/rules/sse.ts';
import { startHub, TOKEN, until, type TestHub } from '../../hub-screens.ts';

let hubs: TestHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
});
async function hub(...args: Parameters<typeof startHub>): Promise<TestHub> {
  const h = await startHub(...args);
  hubs.push(h);
  return h;
}

const DAY = '2026-05-06';
const NOW = 1_778_050_800_000; // 2026-05-06T09:00+02:00
const delay = (minutes: number, room = 'main') => ({
  command: { type: 'delay', minutes },
  at: { room, day: DAY, now: NOW },
  screen: { id: 'web-door', name: 'Door of the main room' },
});

function post(h: TestHub, path: string, body: unknown, token: string | null = TOKEN, type = 'application/json') {
  return fetch(h.base + path, {
    method: 'POST',
    headers: { 'content-type': type, ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Opens an event stream as `screen` and collects its events until closed. */
function listen(h: TestHub, screen: string): { events: StreamEvent[]; close(): void } {
  const events: StreamEvent[] = [];
  const abort = new AbortController();
  void fetch(`${h.base}/api/events?screen=${screen}`, { signal: abort.signal })
    .then(async (response) => {
      const parser = new EventStreamParser((e) => events.push(e));
      const decoder = new TextDecoder();
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) parser.push(decoder.decode(chunk, { stream: true }));
    })
    .catch(() => {});
  return { events, close: () => abort.abort() };
}

const heartbeat = (id: string, name = id): Heartbeat => ({
  id,
  name,
  host: 'web',
  room: 'main',
  view: 'board',
  appVersion: 'test',
  programVersion: null,
  liveVersion: 0,
  window: { width: 1920, height: 1080 },
  uptime: 12,
  lastError: null,
});

describe('staff token', () => {
  it('a change without the token or with a wrong one gets 401, is logged without the token, and changes nothing', async () => {
    const h = await hub();
    const none = await post(h, '/api/command', delay(5), null);
    const wrong = await post(h, '/api/command', delay(5), 'wrong-token-wrong-token');
    expect([none.status, wrong.status]).toEqual([401, 401]);
    expect(await wrong.text()).not.toContain(TOKEN);
    expect(h.logs).toContain('refused POST /api/command from 127.0.0.1: no staff token');
    expect(h.logs).toContain('refused POST /api/command from 127.0.0.1: wrong staff token');
    expect(h.logs.join('\n')).not.toContain('wrong-token-wrong-token');
    const live = (await (await fetch(`${h.base}/api/live?at=2026-05-06T09:30`)).json()) as { liveVersion: number };
    expect(live.liveVersion).toBe(0);
  });

  it('five wrong tokens in a minute and the address is refused outright (429), even with the right one', async () => {
    const h = await hub();
    for (let i = 0; i < 5; i++) expect((await post(h, '/api/command', delay(5), `guess-number-${i}-xxxxxxxx`)).status).toBe(401);
    const blocked = await post(h, '/api/command', delay(5));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(h.logs.some((l) => /127\.0\.0\.1: too many wrong staff tokens/.test(l))).toBe(true);
  });

  it('reads need no token: the program, the live feed, the exports', async () => {
    const h = await hub();
    for (const path of ['/api/program', '/api/live', '/schedule.xml', '/schedule.ics'])
      expect((await fetch(h.base + path)).status).toBe(200);
  });

  it('refuses bodies that are not JSON, too large, or commands that are not shared', async () => {
    const h = await hub();
    expect((await post(h, '/api/command', 'command=delay', TOKEN, 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(h, '/api/command', 'x'.repeat(10_000))).status).toBe(413);
    const local = await post(h, '/api/command', { ...delay(5), command: { type: 'rehearsal-shift', minutes: 15 } });
    expect(local.status).toBe(400);
    expect(((await local.json()) as { error: string }).error).toBe(
      'request.command.type: not a command that changes the live state',
    );
    expect((await post(h, '/api/command', delay(5, 'hall-z'))).status).toBe(400);
    expect((await fetch(`${h.base}/api/command`)).status).toBe(405);
  });
});

describe('live state', () => {
  it('a change gets the next version, is saved, audited, pushed on every stream, and comes back after a restart', async () => {
    const first = await hub();
    const stream = listen(first, 'web-hall');
    await until(() => stream.events.some((e) => e.event === 'live'), 'the first live frame');
    const answer = await post(first, '/api/command', delay(10));
    expect(answer.status).toBe(200);
    const live = (await answer.json()) as LiveState;
    expect(live.version).toBe(1);
    expect(live.delays).toEqual([{ room: 'main', day: DAY, minutes: 10, since: NOW }]);
    await until(() => stream.events.filter((e) => e.event === 'live').length === 2, 'the change on the stream');
    expect(JSON.parse(stream.events.at(-1)!.data)).toEqual(live);
    stream.close();
    const audit = readFileSync(join(first.stateDir, 'audit.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(audit.at(-1)!)).toMatchObject({
      who: 'screen "Door of the main room" (web-door)',
      address: '127.0.0.1',
      change: 'Main room, 2026-05-06: delay 0 → 10 min',
      version: 1,
    });
    await first.close();
    hubs = [];

    const second = await hub(undefined, { stateDir: first.stateDir });
    const feed = (await (await fetch(`${second.base}/api/live?at=2026-05-06T09:30`)).json()) as {
      liveVersion: number;
      rooms: { delayMinutes: number }[];
    };
    expect(feed.liveVersion).toBe(1);
    expect(feed.rooms[0]!.delayMinutes).toBe(10);
  });

  it('a corrupt live.json is refused with a message, kept aside, and the last good copy is used', async () => {
    const first = await hub();
    await post(first, '/api/command', delay(5));
    await post(first, '/api/command', { ...delay(5), command: { type: 'emergency-toggle' } });
    await first.close();
    hubs = [];
    writeFileSync(join(first.stateDir, 'live.json'), '{"format":"foyer-live-state","live":{"version":"two"');
    const second = await hub(undefined, { stateDir: first.stateDir });
    const line = second.logs.find((l) => l.includes('live.json: refused'))!;
    expect(line).toMatch(
      /live\.json: refused \(not valid JSON\); kept as .*live\.json\.corrupt-.*; using the last good copy .*\(version 2\)/,
    );
    expect(readdirSync(first.stateDir).some((f) => f.startsWith('live.json.corrupt-'))).toBe(true);
    const feed = (await (await fetch(`${second.base}/api/live`)).json()) as { liveVersion: number; emergency: boolean };
    expect(feed).toMatchObject({ liveVersion: 2, emergency: true });
  });

  it('a live file of the wrong shape names the field', async () => {
    const first = await hub();
    await first.close();
    hubs = [];
    writeFileSync(
      join(first.stateDir, 'live.json'),
      JSON.stringify({
        format: 'foyer-live-state',
        live: {
          version: 3,
          updatedAt: 0,
          delays: [{ room: 'main', day: 'Wednesday', minutes: 5, since: 0 }],
          showAnnouncements: false,
          emergency: false,
          roomStatus: [],
        },
      }),
    );
    const second = await hub(undefined, { stateDir: first.stateDir });
    expect(second.logs.join('\n')).toContain('refused (live.delays[0].day: must be a date like 2026-05-06)');
  });
});

describe('event streams', () => {
  it('200 screens at once all hear a change; past the limit a screen is told to come back later', async () => {
    const h = await hub(undefined, { maxClients: 200, perAddress: 1000 });
    const screens = Array.from({ length: 200 }, (_, i) => listen(h, `s${i}`));
    try {
      await until(() => screens.every((s) => s.events.some((e) => e.event === 'live')), 'every stream open', 10_000);
      const extra = await fetch(`${h.base}/api/events?screen=s200`);
      expect(extra.status).toBe(503);
      expect(extra.headers.get('retry-after')).toBe('30');
      expect(await post(h, '/api/command', delay(5))).toHaveProperty('status', 200);
      await until(
        () => screens.every((s) => s.events.filter((e) => e.event === 'live').length === 2),
        'the change on every stream',
        10_000,
      );
      expect(await extra.text()).toBe('Too many boards connected (200); raise the limit with --max-clients\n');
    } finally {
      for (const s of screens) s.close();
    }
  });
});

describe('fleet', () => {
  it('records heartbeats; its data needs the token; a message reaches only the screen it is for', async () => {
    const h = await hub();
    for (const id of ['web-a', 'web-b']) expect((await post(h, '/api/heartbeat', heartbeat(id), null)).status).toBe(200);
    expect((await fetch(`${h.base}/api/fleet`)).status).toBe(401);
    const a = listen(h, 'web-a');
    const b = listen(h, 'web-b');
    await until(() => a.events.length > 0 && b.events.length > 0, 'both streams');
    const view = (await (
      await fetch(`${h.base}/api/fleet`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as FleetView;
    expect(view.screens.map((s) => [s.id, s.silent, s.connected])).toEqual([
      ['web-a', false, true],
      ['web-b', false, true],
    ]);
    const sent = await post(h, '/api/fleet/message', { screen: 'web-b', message: { type: 'identify' } });
    expect(await sent.json()).toEqual({ delivered: true });
    await until(() => b.events.some((e) => e.event === 'screen'), 'the message on web-b');
    expect(JSON.parse(b.events.find((e) => e.event === 'screen')!.data)).toEqual({ type: 'identify' });
    expect(a.events.some((e) => e.event === 'screen')).toBe(false);
    expect((await post(h, '/api/fleet/message', { screen: 'web-z', message: { type: 'reload' } })).status).toBe(404);
    a.close();
    b.close();
  });

  it('a screen not connected gets its message when its stream opens', async () => {
    const h = await hub();
    await post(h, '/api/heartbeat', heartbeat('web-c'), null);
    expect(await (await post(h, '/api/fleet/message', { screen: 'web-c', message: { type: 'reload' } })).json()).toEqual({
      delivered: false,
    });
    const c = listen(h, 'web-c');
    await until(() => c.events.some((e) => e.event === 'screen'), 'the queued message');
    c.close();
  });

  it('the table is bounded: a flood of new screens is turned away, known screens still report', async () => {
    const h = await hub(undefined, { maxScreens: 3 });
    const secrets = new Map<string, string>();
    for (const id of ['s1', 's2', 's3']) {
      const first = await post(h, '/api/heartbeat', heartbeat(id), null);
      expect(first.status).toBe(200);
      secrets.set(id, ((await first.json()) as HeartbeatAnswer).secret);
    }
    expect(new Set(secrets.values()).size).toBe(3);
    expect((await post(h, '/api/heartbeat', heartbeat('s4'), null)).status).toBe(503);
    expect((await post(h, '/api/heartbeat', { ...heartbeat('s2'), secret: secrets.get('s2') }, null)).status).toBe(204);
    const huge = { ...heartbeat('s1'), name: 'x'.repeat(5_000), secret: secrets.get('s1') };
    expect((await post(h, '/api/heartbeat', huge, null)).status).toBe(413);
    const long = { ...heartbeat('s1'), lastError: 'e'.repeat(1_000), secret: secrets.get('s1') };
    expect((await post(h, '/api/heartbeat', long, null)).status).toBe(204);
  });
});
