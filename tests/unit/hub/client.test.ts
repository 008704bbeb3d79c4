/**
 * The kiosk's connection to its hub (core/hub-client/node-transport.ts) against a real
 * hub on 127.0.0.1: the program and live state arrive, shared keys go to the
 * hub with the token, the hub going away leaves the last program with an
 * "offline since" mark and refuses changes, its return is found with back-off,
 * a boot without the hub shows what was kept on disk, and garbage from a
 * "hub" never replaces a good program.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FleetView } from '../../../core/hub/api.ts';
import type { ProgramUpdate } from '../../../core/host-contract.ts';
import type { ScreenMessage } from '../../../core/screen/state.ts';
import { ScreenController } from '../../../core/screen/controller.ts';
import { DEFAULT_SCREEN_STATE } from '../../../core/screen/state.ts';
import { reportToFleet } from '../../../electron/fleet-report.ts';
import { HubClient } from '../../../core/hub-client/node-transport.ts';
import { startHub, TOKEN, until, type TestHub } from '../../hub-screens.ts';
import { noticeText, type Notice } from '../../../core/screen/notice.ts';

const AT = { room: 'main', day: '2026-05-06', now: 1_778_050_800_000 };
let cacheDir: string;
let hub: TestHub | null;
let clients: HubClient[];
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'foyer-kiosk-'));
  hub = null;
  clients = [];
});
afterEach(async () => {
  for (const c of clients) c.stop();
  await hub?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

function client(url: string, token: string | null = TOKEN, logs: string[] = []): HubClient {
  const c = new HubClient({
    url,
    token,
    screen: () => ({ id: 'kiosk-hall-b', name: 'Hall B' }),
    cacheDir,
    log: (line) => logs.push(line),
    // The shortest waits, so that the test sees a reconnect within a second.
    random: () => 0,
  });
  clients.push(c);
  return c;
}

/** What the screen says of a command's answer, as staff read it (in English here: tests set no language). */
async function said(answer: Promise<Notice | null>): Promise<string | null> {
  const notice = await answer;
  return notice && noticeText(notice);
}

describe('a kiosk with a hub', () => {
  it('gets the program and live state, and its shared keys change the hub’s state', async () => {
    hub = await startHub();
    const kiosk = client(hub.url);
    const programs: ProgramUpdate[] = [];
    kiosk.subscribe((u) => programs.push(u));
    kiosk.start();
    await until(() => programs.length > 0 && kiosk.live !== null, 'program and live state');
    expect(programs[0]!.program.event.name).toBe('Symposium');
    expect(programs[0]!.status.offlineSince).toBeNull();
    expect(await kiosk.send({ type: 'delay', minutes: 5 }, AT)).toBeNull();
    expect(kiosk.live).toMatchObject({ version: 1, delays: [{ room: 'main', minutes: 5 }] });
    const audit = hub.logs;
    expect(audit.join('\n')).not.toContain(TOKEN);
  });

  it('without a token, or with a wrong one, a shared key is refused in a sentence and nothing changes', async () => {
    hub = await startHub();
    const none = client(hub.url, null);
    const wrong = client(hub.url, 'not-the-token-at-all-xx');
    expect(await said(none.send({ type: 'emergency-toggle' }, AT))).toBe(
      'Staff key needed: this kiosk was started without --token-file, so it cannot change delays and messages',
    );
    wrong.start();
    await until(() => wrong.current() !== null, 'the program');
    expect(await said(wrong.send({ type: 'emergency-toggle' }, AT))).toBe(
      'Staff key refused by the hub (wrong or replaced): nothing changed',
    );
    expect(wrong.live?.emergency).toBe(false);
  });

  it('reports to the fleet page as a kiosk: its name, room, view, versions and window', async () => {
    hub = await startHub();
    const kiosk = client(hub.url);
    kiosk.start();
    await until(() => kiosk.current() !== null && kiosk.live !== null, 'the program');
    const screen = new ScreenController(
      { ...DEFAULT_SCREEN_STATE, name: 'Hall B', room: 'main', view: 'agenda' },
      { clock: { at: null, speed: 1, realStart: Date.now() }, changed: () => {}, log: () => {} },
    );
    const stop = reportToFleet({
      appVersion: 'test',
      screen,
      hub: kiosk,
      window: () => ({ width: 1080, height: 1920 }),
      lastError: () => 'the renderer crashed (exit code 139); reloading',
    });
    try {
      // The first heartbeat comes within 2 s of the start.
      const read = async () =>
        (await (await fetch(`${hub!.base}/api/fleet`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as FleetView;
      let view = await read();
      for (let i = 0; i < 40 && view.screens.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        view = await read();
      }
      const row = view.screens[0]!;
      expect(row).toMatchObject({ id: 'kiosk-hall-b', silent: false, outdated: [], connected: true });
      expect(row.heartbeat).toMatchObject({
        name: 'Hall B',
        host: 'electron',
        room: 'main',
        view: 'agenda',
        liveVersion: 0,
        window: { width: 1080, height: 1920 },
        lastError: 'the renderer crashed (exit code 139); reloading',
      });
      expect(row.heartbeat.programVersion).toBe(view.programVersion);
    } finally {
      stop();
    }
  });

  it('restarted, it keeps its fleet row: the secret the hub gave its id is kept beside its cache, never in its log', async () => {
    hub = await startHub();
    const read = async () =>
      (await (await fetch(`${hub!.base}/api/fleet`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as FleetView;
    const facts = {
      room: 'main',
      view: 'board' as const,
      appVersion: 'test',
      window: { width: 1920, height: 1080 },
      lastError: null,
    };
    const first = client(hub.url);
    const stopFirst = first.reportHeartbeats(() => ({ ...facts, uptime: 5 }));
    /** Polls the fleet until `check` holds (the first heartbeat comes within 2 s of the start). */
    const fleetUntil = async (check: (view: FleetView) => boolean, what: string): Promise<void> => {
      for (let i = 0; i < 50; i++) {
        if (check(await read())) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}`);
    };
    await fleetUntil((view) => view.screens.length === 1, 'the first heartbeat');
    stopFirst();
    first.stop();
    const secret = readFileSync(join(cacheDir, 'hub-screen-secret'), 'utf8');
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(cacheDir, 'hub-screen-secret')).mode & 0o777).toBe(0o600);

    // The kiosk starts again (same id, same folder): its heartbeats still update its row, none is refused.
    const logs: string[] = [];
    const again = client(hub.url, TOKEN, logs);
    const stopAgain = again.reportHeartbeats(() => ({ ...facts, uptime: 2 }));
    try {
      await fleetUntil((view) => view.screens[0]?.heartbeat.uptime === 2, 'the restarted kiosk’s heartbeat');
      expect((await read()).screens).toMatchObject([{ id: 'kiosk-hall-b', verified: true }]);
      expect(logs.join('\n')).not.toContain('refuses');
      expect([...logs, ...hub.logs].join('\n')).not.toContain(secret);
    } finally {
      stopAgain();
    }
  });

  it('obeys the fleet page: a message for it arrives on its stream', async () => {
    hub = await startHub();
    const kiosk = client(hub.url);
    const messages: ScreenMessage[] = [];
    kiosk.onMessage((m) => messages.push(m));
    kiosk.start();
    await until(() => kiosk.current() !== null, 'the program');
    await fetch(`${hub.base}/api/fleet/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ screen: 'kiosk-hall-b', message: { type: 'show', room: 'main', view: 'agenda' } }),
    });
    await until(() => messages.length === 1, 'the message');
    expect(messages[0]).toEqual({ type: 'show', room: 'main', view: 'agenda' });
  });

  it('the hub goes away: the last program stays, marked offline, changes are refused; it comes back: same state, mark gone', async () => {
    hub = await startHub();
    const port = Number(new URL(hub.url).port);
    const stateDir = hub.stateDir;
    const kiosk = client(hub.url);
    const programs: ProgramUpdate[] = [];
    kiosk.subscribe((u) => programs.push(u));
    kiosk.start();
    await until(() => kiosk.current() !== null, 'the program');
    await kiosk.send({ type: 'delay', minutes: 10 }, AT);

    const before = Date.now();
    await hub.close();
    hub = null;
    await until(() => kiosk.offlineSince !== null, 'the offline mark');
    const offline = programs.at(-1)!;
    expect(offline.program.event.name).toBe('Symposium');
    expect(offline.status.offlineSince).toBeGreaterThanOrEqual(before);
    expect(await said(kiosk.send({ type: 'delay', minutes: 5 }, AT))).toMatch(
      /^Offline since \d\d:\d\d: nothing changed; the hub must be reachable to change delays and messages$/,
    );
    expect(kiosk.live?.delays).toHaveLength(1);

    hub = await startHub(undefined, { port, stateDir });
    await until(() => kiosk.offlineSince === null, 'the reconnection', 5_000);
    expect(programs.at(-1)!.status.offlineSince).toBeNull();
    expect(kiosk.live).toMatchObject({ version: 1, delays: [{ minutes: 10 }] });
  });

  it('boots without the hub from what it kept: the last program and live state, offline since it last heard', async () => {
    hub = await startHub();
    const first = client(hub.url);
    first.start();
    await until(() => first.current() !== null && first.live !== null, 'the program');
    await first.send({ type: 'emergency-toggle' }, AT);
    first.stop();
    const url = hub.url;
    await hub.close();
    hub = null;

    const rebooted = client(url);
    const programs: ProgramUpdate[] = [];
    rebooted.subscribe((u) => programs.push(u));
    let emergency: boolean | null = null;
    rebooted.onLive((live) => (emergency = live.emergency));
    rebooted.start();
    expect(programs).toHaveLength(1);
    expect(programs[0]!.status.offlineSince).not.toBeNull();
    expect(emergency).toBe(true);
  });

  it('garbage from the hub never replaces the good program, and is logged', async () => {
    let server: Server | null = null;
    try {
      const logs: string[] = [];
      server = createServer((req, res) => {
        if (!req.url?.startsWith('/api/events')) return res.end();
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('event: program\ndata: {"program":{"version":1,"event":{"name":"x"}},"status":{}}\n\n');
        res.write('event: live\ndata: {"version":-1}\n\n');
        res.write('event: screen\ndata: {"type":"format-disk"}\n\n');
        res.write('event: live\ndata: not json\n\n');
      });
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
      const kiosk = client(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, TOKEN, logs);
      kiosk.start();
      await until(() => logs.length >= 4, 'four complaints');
      expect(kiosk.current()).toBeNull();
      expect(kiosk.live).toBeNull();
      expect(logs[0]).toMatch(/^the hub sent a program that is not valid; the last good one stays/);
      expect(logs[1]).toMatch(/^the hub sent a live state that is not one \(live\.version: must be a whole number/);
      expect(logs[2]).toBe('ignored a message from the hub: message.type: must be identify, reload or show');
      expect(logs[3]).toBe('the hub sent a live event that is not JSON; ignored');
    } finally {
      server?.closeAllConnections();
      server?.close();
    }
  });
});
