/**
 * The hub session (core/hub-client/session.ts), once over each transport: the
 * kiosk's (fetch in Node) and the browser board's (EventSource in Debian's
 * Chromium). Real hubs on 127.0.0.1 behind a proxy that can hold a stream
 * silent or add a frame to it: commands with and without the staff token, the
 * offline mark when the hub stops and its end when the hub returns, the
 * heartbeat on the fleet page, a silent stream taken for dead, and a broken
 * program refused while the last good one stays.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FleetView } from '../../../core/hub/api.ts';
import { startHub, TOKEN, type TestHub } from '../../hub-screens.ts';
import { startHubProxy, type HubProxy } from './hub-proxy.ts';
import type { Snapshot } from './screen-harness.ts';
import { chromiumEventSource, nodeFetch, type ScreenUnderTest, type Transport } from './transports.ts';

const AT = { room: 'main', day: '2026-05-06', now: 1_778_050_800_000 };
const HALL_B = { id: 'screen-hall-b', name: 'Hall B' };

// The session's behaviour does not depend on the machine's zone: Chromium's half runs in one of test:tz's three runs.
const ONCE = process.env.TZ === undefined || process.env.TZ === 'UTC';

describe.each(ONCE ? [nodeFetch(), chromiumEventSource()] : [nodeFetch()])(
  'the hub session over $name',
  (transport: Transport) => {
    let hub: TestHub | null = null;
    let proxy: HubProxy | null = null;
    const screens: ScreenUnderTest[] = [];

    beforeAll(() => transport.setUp(), 30_000);
    afterAll(() => transport.tearDown());
    afterEach(async () => {
      for (const screen of screens.splice(0)) await screen.stop();
      await proxy?.close();
      await hub?.close();
      proxy = null;
      hub = null;
    });

    /** A hub serving the seed program, and the proxy screens reach it through. */
    async function hubAndProxy(options: Parameters<typeof startHub>[1] = {}): Promise<HubProxy> {
      hub = await startHub(undefined, { rendererDir: transport.pageDir, ...options });
      const port = new URL(hub.url).port;
      proxy = await startHubProxy(() => `http://127.0.0.1:${port}/`);
      return proxy;
    }

    async function open(token: string | null, more: { staleAfterMs?: number; screen?: typeof HALL_B } = {}) {
      const screen = await transport.open(proxy!.base, { screen: more.screen ?? HALL_B, token, ...more });
      screens.push(screen);
      return screen;
    }

    /** Waits until the screen's snapshot passes `check`; returns that snapshot. */
    async function until(screen: ScreenUnderTest, check: (s: Snapshot) => boolean, what: string, ms = 5_000): Promise<Snapshot> {
      const end = Date.now() + ms;
      for (;;) {
        const snapshot = await screen.snapshot();
        if (check(snapshot)) return snapshot;
        if (Date.now() > end)
          throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ ...snapshot, live: snapshot.live?.version })}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    const shown = (s: Snapshot) => s.program !== null && s.live !== null;

    it('sends shared commands with the staff token; without it, or with a wrong one, refuses in a sentence and nothing changes', async () => {
      await hubAndProxy();
      const staff = await open(TOKEN);
      await until(staff, shown, 'the program and live state');
      expect(await staff.send({ type: 'delay', minutes: 5 }, AT)).toBeNull();
      expect((await staff.snapshot()).live).toMatchObject({ version: 1, delays: [{ room: 'main', minutes: 5 }] });

      const none = await open(null, { screen: { id: 'screen-lobby', name: 'Lobby' } });
      expect(await none.send({ type: 'emergency-toggle' }, AT)).toMatch(/^Staff key needed: /);
      const wrong = await open('not-the-token-at-all-xx', { screen: { id: 'screen-foyer', name: 'Foyer' } });
      await until(wrong, shown, 'the program');
      expect(await wrong.send({ type: 'emergency-toggle' }, AT)).toBe(
        'Staff key refused by the hub (wrong or replaced): nothing changed',
      );
      // Neither refusal reached the hub: its live state (which every screen shows) is still the first change alone.
      await new Promise((r) => setTimeout(r, 200));
      expect((await staff.snapshot()).live).toMatchObject({ version: 1, emergency: false });
      expect((await wrong.snapshot()).live).toMatchObject({ version: 1, emergency: false });
    });

    it('the hub stops: the last program stays, marked offline, commands are refused; it returns: the mark goes, commands work', async () => {
      await hubAndProxy();
      const { stateDir } = hub!;
      const port = Number(new URL(hub!.url).port);
      const screen = await open(TOKEN);
      await until(screen, shown, 'the program');
      expect(await screen.send({ type: 'delay', minutes: 10 }, AT)).toBeNull();

      const before = Date.now();
      await hub!.close();
      hub = null;
      const offline = await until(screen, (s) => s.offlineSince !== null, 'the offline mark');
      expect(offline.program).toBe('Symposium');
      expect(offline.offlineMarks).toEqual([offline.offlineSince]);
      expect(offline.offlineSince).toBeGreaterThanOrEqual(before);
      expect(await screen.send({ type: 'delay', minutes: 5 }, AT)).toMatch(
        /^Offline since \d\d:\d\d: nothing changed; the hub must be reachable to change delays and messages$/,
      );

      hub = await startHub(undefined, { port, stateDir, rendererDir: transport.pageDir });
      const back = await until(screen, (s) => s.offlineSince === null, 'the reconnection', 8_000);
      expect(back.program).toBe('Symposium');
      // The same program again: the board keeps what it compiled.
      expect(back.programs).toBe(1);
      expect(back.live).toMatchObject({ version: 1, delays: [{ minutes: 10 }] });
      expect(await screen.send({ type: 'delay', minutes: 5 }, AT)).toBeNull();
    });

    it('its heartbeat reaches the fleet page: who it is, what it shows, which program and live state, its window', async () => {
      await hubAndProxy();
      const screen = await open(TOKEN);
      await until(screen, shown, 'the program');
      expect(await screen.send({ type: 'delay', minutes: 5 }, AT)).toBeNull();
      const facts = {
        room: 'main',
        view: 'agenda' as const,
        appVersion: 'test',
        window: { width: 1080, height: 1920 },
        uptime: 42.4,
        lastError: 'the renderer crashed (exit code 139); reloading',
      };
      await screen.reportHeartbeats(facts);
      const read = async () =>
        (await (await fetch(`${hub!.base}/api/fleet`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as FleetView;
      let view = await read();
      // The first heartbeat comes within 2 s of the start.
      for (let i = 0; i < 40 && view.screens.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        view = await read();
      }
      const row = view.screens.find((s) => s.id === HALL_B.id)!;
      expect(row).toMatchObject({ silent: false, outdated: [], connected: true, verified: false });
      expect(row.heartbeat).toEqual({
        id: HALL_B.id,
        name: 'Hall B',
        host: transport.host,
        room: 'main',
        view: 'agenda',
        appVersion: 'test',
        programVersion: view.programVersion,
        liveVersion: 1,
        window: { width: 1080, height: 1920 },
        uptime: 42,
        lastError: 'the renderer crashed (exit code 139); reloading',
      });

      // Its next heartbeat carries the secret the hub answered the first with: the row is proved to be its own.
      await screen.reportHeartbeats({ ...facts, uptime: 44 });
      for (let i = 0; i < 40 && !view.screens[0]!.verified; i++) {
        await new Promise((r) => setTimeout(r, 100));
        view = await read();
      }
      expect(view.screens).toMatchObject([{ id: HALL_B.id, verified: true, heartbeat: { name: 'Hall B', uptime: 44 } }]);

      // Another screen with the same id (a copied one, a forger) is refused and says so; the row stays Hall B's.
      const copy = await open(null, { screen: { id: HALL_B.id, name: 'Impostor' } });
      await copy.reportHeartbeats({ ...facts, uptime: 1 });
      const refused = await until(copy, (s) => s.logs.some((l) => l.includes('refuses')), 'the refusal');
      expect(refused.logs.filter((l) => l.includes('refuses'))).toEqual([
        `the hub refuses this screen's heartbeats: another screen holds its id ${HALL_B.id} on the fleet page`,
      ]);
      view = await read();
      expect(view.screens).toMatchObject([{ id: HALL_B.id, verified: true, heartbeat: { name: 'Hall B', uptime: 44 } }]);
    });

    it('a stream that stays open but silent is taken for dead, and a new one is opened; a quiet hub that says it lives is not', async () => {
      await hubAndProxy({ keepAliveMs: 100 });
      const screen = await open(TOKEN, { staleAfterMs: 700 });
      await until(screen, shown, 'the program');
      // Nothing happens on the hub for twice the watchdog's time; its keep-alives keep the screen online.
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await screen.snapshot()).offlineMarks).toEqual([]);

      proxy!.freeze();
      const silent = await until(screen, (s) => s.offlineSince !== null, 'the offline mark of a silent stream', 3_000);
      expect(silent.program).toBe('Symposium');
      expect(silent.logs.some((line) => /^the hub said nothing for 1 s; connecting again$/.test(line))).toBe(true);
      expect(await screen.send({ type: 'delay', minutes: 5 }, AT)).toMatch(/^Offline since /);

      proxy!.thaw();
      await until(screen, (s) => s.offlineSince === null, 'the new stream', 8_000);
      expect(await screen.send({ type: 'delay', minutes: 5 }, AT)).toBeNull();
    });

    it('a program from the hub that fails the check is refused, said so, and the last good one stays; the next good one comes', async () => {
      await hubAndProxy();
      const screen = await open(null);
      await until(screen, shown, 'the program');
      const program = JSON.parse(readFileSync(hub!.programFile, 'utf8')) as { event: { name: string; timezone: string } };
      const broken = { ...program, event: { ...program.event, name: 'Broken', timezone: 'Mars/Olympus_Mons' } };
      const status = { source: 'program.json', updatedAt: Date.now(), offlineSince: null, error: null };
      proxy!.inject(`event: program\ndata: ${JSON.stringify({ program: broken, status })}\n\n`);
      proxy!.inject('event: program\ndata: {"program":\n\n');
      const refused = await until(screen, (s) => s.logs.length >= 2, 'the refusals');
      expect(refused.logs).toEqual([
        'the hub sent a program that is not valid; the last good one stays (program.event.timezone: "Mars/Olympus_Mons" is not a time zone)',
        'the hub sent a program that is not valid; the last good one stays (not JSON)',
      ]);
      expect(refused).toMatchObject({ program: 'Symposium', programs: 1, offlineSince: null });

      writeFileSync(hub!.programFile, JSON.stringify({ ...program, event: { ...program.event, name: 'Symposium, revised' } }));
      const next = await until(screen, (s) => s.program === 'Symposium, revised', 'the next good program');
      expect(next.programs).toBe(2);
    });
  },
);
