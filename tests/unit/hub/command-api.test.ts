/**
 * The public command API (POST /api/command, docs/hub.md "The command API")
 * against a real hub on 127.0.0.1: the page's own curl commands, run as a
 * reader runs them, reach the live state; values, not toggles (two staff who
 * both switch the emergency on leave it on); a stale command that would
 * overwrite a change made since is answered 409 with the current state; undo
 * from the saved state, across a restart; the state bounded (one delay per
 * room and day, past days pruned, program days only) and old files migrated;
 * a lost state never repeats an ETag.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveState } from '../../../core/hub/api.ts';
import type { ControlView } from '../../../core/hub/rules/control-view.ts';
import { readLiveState } from '../../../core/hub/rules/wire.ts';
import { startHub, TOKEN, type TestHub } from '../../hub-screens.ts';

const sh = (line: string, env: NodeJS.ProcessEnv) => promisify(execFile)('bash', ['-c', line], { env });
const ROOT = join(import.meta.dirname, '..', '..', '..');
const DAY = '2026-05-06';
const NOW = 1_778_050_800_000; // 2026-05-06T09:00+02:00

let hubs: TestHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
});
async function hub(options: Parameters<typeof startHub>[1] = {}, clock = { now: NOW }): Promise<TestHub> {
  const h = await startHub(undefined, { now: () => clock.now, ...options });
  hubs.push(h);
  return h;
}

async function command(
  h: TestHub,
  body: unknown,
): Promise<{ status: number; body: LiveState & { error?: string; live?: LiveState } }> {
  const response = await fetch(`${h.base}/api/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as LiveState & { error?: string; live?: LiveState } };
}
const live = async (h: TestHub) =>
  (await (await fetch(`${h.base}/api/live?at=2026-05-06T09:30`)).json()) as {
    liveVersion: number;
    emergency: boolean;
    rooms: { id: string; delayMinutes: number; status: string }[];
  };

/** The sh block of docs/hub.md's "The command API", one command a line. */
function documentedCurls(): string[] {
  const page = readFileSync(join(ROOT, 'docs', 'hub.md'), 'utf8');
  const section = page.slice(page.indexOf('## The command API'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split('\n').filter((l) => l.startsWith('curl '));
}

describe('the command API', () => {
  it('the curl commands of docs/hub.md reach the live state, and the audit log names who sent them', async () => {
    const h = await hub();
    const curls = documentedCurls();
    expect(curls).toHaveLength(6);
    // curl runs as its own process while the hub answers in this one: a synchronous exec would block the hub.
    const run = async (line: string) => JSON.parse((await sh(line, { ...process.env, HUB: h.base, TOKEN })).stdout) as LiveState;
    const delayed = await run(curls[0]!);
    expect(delayed.delays).toEqual([{ room: 'main', day: DAY, minutes: 10, since: NOW }]);
    await run(curls[1]!);
    expect((await live(h)).rooms.find((r) => r.id === 'main')).toMatchObject({ delayMinutes: 10, status: 'full' });
    expect((await run(curls[2]!)).emergency).toBe(true);
    expect((await live(h)).emergency).toBe(true);
    expect((await run(curls[3]!)).emergency).toBe(false);
    // For the main room's screens, high priority, 09:30–10:00 in the event's zone; then stopped.
    expect((await run(curls[4]!)).announcements).toEqual([
      {
        id: 'doors',
        text: 'Doors close at 10:00',
        priority: 'high',
        where: { type: 'rooms', rooms: ['main'] },
        from: NOW + 30 * 60_000,
        until: NOW + 60 * 60_000,
        ends: 'time',
      },
    ]);
    expect((await run(curls[5]!)).announcements).toEqual([]);
    const audit = readFileSync(join(h.stateDir, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { who: string; change: string });
    expect(audit.map((a) => [a.who, a.change])).toEqual([
      ['Stream Deck', 'Main room, 2026-05-06: delay 0 → 10 min'],
      ['Stream Deck', 'Main room, 2026-05-06: open → full'],
      ['Stream Deck', 'emergency message ON'],
      ['Stream Deck', 'emergency message off'],
      ['Stream Deck', 'high-priority announcement posted for Main room: "Doors close at 10:00"'],
      ['Stream Deck', 'announcement stopped: "Doors close at 10:00"'],
    ]);
    // Without the token: refused, nothing changed.
    await expect(sh(curls[2]!, { ...process.env, HUB: h.base, TOKEN: 'wrong' })).rejects.toThrow();
    expect((await live(h)).emergency).toBe(false);
  });

  it('two staff who both switch the emergency on from the same version leave it on', async () => {
    const h = await hub();
    const { version } = (await command(h, { command: { type: 'set-announcements', show: false } })).body;
    const both = await Promise.all([
      command(h, { command: { type: 'set-emergency', on: true }, version, by: 'Anna' }),
      command(h, { command: { type: 'set-emergency', on: true }, version, by: 'Ben' }),
    ]);
    expect(both.map((a) => a.status)).toEqual([200, 200]);
    expect((await live(h)).emergency).toBe(true);
    // The same two as screen keys (toggles before) would have left it off; as values the second changes nothing.
    expect(readFileSync(join(h.stateDir, 'audit.log'), 'utf8').match(/emergency message ON/g)).toHaveLength(1);
  });

  it('a command made against an older version that would overwrite a change made since is answered 409 with the current state', async () => {
    const h = await hub();
    const seen = (await command(h, { command: { type: 'set-delay', room: 'main', day: DAY, minutes: 5 } })).body.version;
    // Someone else sets the same room's delay meanwhile.
    await command(h, { command: { type: 'set-delay', room: 'main', day: DAY, minutes: 20 }, version: seen });
    const stale = await command(h, { command: { type: 'set-delay', room: 'main', day: DAY, minutes: 10 }, version: seen });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/made against version \d+, but delay main 2026-05-06 changed since/);
    expect(stale.body.live!.delays).toEqual([{ room: 'main', day: DAY, minutes: 20, since: NOW }]);
    expect((await live(h)).rooms[0]!.delayMinutes).toBe(20);
    // Made against the same old version but about something else: applied.
    const other = await command(h, {
      command: { type: 'set-room-status', room: 'main', day: DAY, status: 'closed' },
      version: seen,
    });
    expect(other.status).toBe(200);
  });

  it('undo takes back the newest changes in turn, also after a restart; an undo of anything else is refused', async () => {
    const first = await hub();
    await command(first, { command: { type: 'set-delay', room: 'main', day: DAY, minutes: 15 } });
    const full = (await command(first, { command: { type: 'set-room-status', room: 'main', day: DAY, status: 'full' } })).body;
    await first.close();
    hubs = [];
    const second = await hub({ stateDir: first.stateDir });
    const wrong = await command(second, { command: { type: 'undo', version: full.version - 1 } });
    expect(wrong.status).toBe(409);
    expect((await command(second, { command: { type: 'undo', version: full.version } })).status).toBe(200);
    expect((await live(second)).rooms[0]).toMatchObject({ status: 'open', delayMinutes: 15 });
    expect((await command(second, { command: { type: 'undo', version: full.version - 1 } })).status).toBe(200);
    expect((await live(second)).rooms[0]).toMatchObject({ status: 'open', delayMinutes: 0 });
    const saved = JSON.parse(readFileSync(join(first.stateDir, 'live.json'), 'utf8')) as { history: unknown[] };
    expect(saved.history).toEqual([]);
  });

  it('the state stays bounded: one delay per room and day however often it changes, program days only, past days pruned', async () => {
    const clock = { now: NOW };
    const h = await hub({}, clock);
    for (let i = 1; i <= 60; i++) await command(h, { command: { type: 'set-delay', room: 'main', day: DAY, minutes: i } });
    const after = (await command(h, { command: { type: 'set-delay', room: 'main', day: '2026-05-07', minutes: 5 } })).body;
    expect(after.delays).toHaveLength(2);
    const outside = await command(h, { command: { type: 'set-delay', room: 'main', day: '2031-01-01', minutes: 5 } });
    expect(outside).toMatchObject({ status: 400, body: { error: 'the program has no day 2031-01-01' } });
    // Two days later, the first day's delay is gone with the next change.
    clock.now = NOW + 2 * 86_400_000;
    const later = (await command(h, { command: { type: 'set-delay', room: 'main', day: '2026-05-08', minutes: 5 } })).body;
    expect(later.delays.map((d) => d.day)).toEqual(['2026-05-07', '2026-05-08']);
    // What the hub holds, a screen accepts; a screen refuses two entries for one room and day.
    expect(readLiveState(later).ok).toBe(true);
    expect(readLiveState({ ...later, delays: [later.delays[0], later.delays[0]] })).toMatchObject({
      ok: false,
      error: 'live.delays[1]: a second entry for main on 2026-05-07 (one per room and day)',
    });
  });

  it('a live.json with one delay entry per key press is merged to one per room and day; a lost state never repeats an ETag', async () => {
    const first = await hub();
    await first.close();
    hubs = [];
    const press = (minutes: number, since: number) => ({ room: 'main', day: DAY, minutes, since });
    writeFileSync(
      join(first.stateDir, 'live.json'),
      JSON.stringify({
        format: 'foyer-live-state',
        live: {
          version: 7,
          updatedAt: NOW,
          delays: [press(5, NOW), press(5, NOW + 60_000), press(-5, NOW + 120_000)],
          showAnnouncements: false,
          emergency: false,
          roomStatus: [],
        },
      }),
    );
    const second = await hub({ stateDir: first.stateDir });
    expect(second.logs.join('\n')).toContain('delays migrated to one entry per room and day (3 → 1)');
    expect((await live(second)).rooms[0]!.delayMinutes).toBe(5);
    await second.close();
    hubs = [];

    // One change, the state lost with both files, the same change again: version 1 both times, yet a new ETag.
    const etagOf = async (h: TestHub) => (await fetch(`${h.base}/schedule.ics`)).headers.get('etag');
    const once = async (clock: number) => {
      const h = await hub({ stateDir: first.stateDir }, { now: clock });
      expect((await command(h, { command: { type: 'set-delay', room: 'main', day: DAY, minutes: 10 } })).body.version).toBe(1);
      const etag = await etagOf(h);
      await h.close();
      hubs = [];
      rmSync(join(first.stateDir, 'live.json'));
      rmSync(join(first.stateDir, 'live.last-good.json'));
      return etag;
    };
    rmSync(join(first.stateDir, 'live.json'));
    rmSync(join(first.stateDir, 'live.last-good.json'), { force: true });
    const before = await once(NOW);
    expect(await once(NOW + 1_000)).not.toBe(before);
  });

  it('GET /api/control, the control page data, needs the token and carries the feed, its version and the undo list, newest first', async () => {
    const h = await hub();
    expect((await fetch(`${h.base}/api/control`)).status).toBe(401);
    await command(h, { command: { type: 'set-delay', room: 'main', day: DAY, minutes: 10 }, by: "Anna's phone" });
    await command(h, { command: { type: 'set-emergency', on: true } });
    const response = await fetch(`${h.base}/api/control?at=2026-05-06T09:30`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const view = (await response.json()) as ControlView;
    expect(view.version).toBe(2);
    expect(view.feed).toMatchObject({ day: DAY, emergency: true, liveVersion: 2 });
    expect(view.feed.rooms[0]).toMatchObject({ id: 'main', delayMinutes: 10 });
    expect(view.undo.map((u) => [u.version, u.who, u.change, u.undo])).toEqual([
      [2, 'command API', 'emergency message ON', { type: 'set-emergency', on: false }],
      [1, "Anna's phone", 'Main room, 2026-05-06: delay 0 → 10 min', { type: 'set-delay', room: 'main', day: DAY, minutes: 0 }],
    ]);
    // The page itself is public (its data is not); not built here, it says how to build it.
    const page = await fetch(`${h.base}/control`);
    expect([200, 503]).toContain(page.status);
  });
});
