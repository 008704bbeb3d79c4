/**
 * The hub under attack, as the security review found it (issue 18): each
 * attack as described, from its own address on 127.0.0.0/8 (Linux answers
 * every one of them, so the attacker is not the real screen's 127.0.0.1),
 * then a real client still connects, sees the emergency, and staff can still
 * act. Each of these failed on the hub before the per-address limits.
 */
import { request, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HUB_API, type FleetView, type HeartbeatAnswer, type LiveState } from '../../../core/hub/api.ts';
import { EventStreamParser, type StreamEvent } from '../../../core/hub/rules/sse.ts';
import { HubClient } from '../../../core/hub-client/node-transport.ts';
import { startHub, TOKEN, until, type TestHub } from '../../hub-screens.ts';

const ATTACKER = '127.0.0.9';

let hubs: TestHub[] = [];
let sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets = [];
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
});
async function hub(options: Parameters<typeof startHub>[1] = {}): Promise<TestHub> {
  const h = await startHub(undefined, options);
  hubs.push(h);
  return h;
}
const portOf = (h: TestHub): number => Number(new URL(h.base).port);

interface Answer {
  status: number;
  body: string;
}

/** One request from `from` (a local address), with any headers; rejects when the hub closes the connection. */
function send(
  h: TestHub,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: portOf(h),
        path,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${path} in 5 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * The staff's command, in the hub's command format: the one place these tests know it. The emergency is
 * what must reach every screen, so it is what staff set.
 */
function emergencyOn(
  h: TestHub,
  options: { token?: string | null; from?: string; headers?: Record<string, string>; on?: boolean } = {},
) {
  const token = options.token === undefined ? TOKEN : options.token;
  return send(h, HUB_API.command, {
    method: 'POST',
    from: options.from ?? '127.0.0.1',
    headers: {
      'content-type': 'application/json',
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      ...(options.headers ?? {}),
    },
    body: JSON.stringify({
      command: { type: 'set-emergency', on: options.on ?? true },
      screen: { id: 'staff-phone', name: 'Staff phone' },
    }),
  });
}

interface Stream {
  status: Promise<number>;
  events: StreamEvent[];
  ended: Promise<void>;
  response: IncomingMessage | null;
}

/** An event stream opened from `from`; its events are collected until it ends. */
function stream(h: TestHub, from: string, screen = 'board'): Stream {
  const events: StreamEvent[] = [];
  let ended!: () => void;
  const s: Stream = { events, ended: new Promise((r) => (ended = r)), response: null, status: Promise.resolve(0) };
  s.status = new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: portOf(h), path: `${HUB_API.events}?screen=${screen}`, localAddress: from, agent: false },
      (res) => {
        s.response = res;
        sockets.push(res.socket);
        resolve(res.statusCode!);
        const parser = new EventStreamParser((e) => events.push(e));
        res.setEncoding('utf8');
        res.on('data', (c: string) => parser.push(c));
        res.on('close', () => ended());
      },
    );
    req.on('error', (e) => {
      ended();
      reject(e);
    });
    req.end();
  });
  return s;
}

const lastLive = (events: StreamEvent[]): LiveState | null => {
  const live = events.filter((e) => e.event === 'live').at(-1);
  return live ? (JSON.parse(live.data) as LiveState) : null;
};

async function fleet(h: TestHub): Promise<FleetView> {
  const answer = await send(h, HUB_API.fleet, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as FleetView;
}

describe('H: idle event streams holding every slot', () => {
  it('one address gets its share of the streams; a real board still connects and shows the emergency', async () => {
    const h = await hub({ maxClients: 40 });
    const held = Array.from({ length: 40 }, (_, i) => stream(h, ATTACKER, `attacker-${i}`));
    const statuses = await Promise.all(held.map((s) => s.status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(32);
    expect(statuses.filter((s) => s === 503)).toHaveLength(8);

    const board = stream(h, '127.0.0.1');
    expect(await board.status).toBe(200);
    expect((await emergencyOn(h)).status).toBe(200);
    await expect.poll(() => lastLive(board.events)?.emergency, { timeout: 3000 }).toBe(true);
  });

  it('a board refused a stream still reads the emergency in the state it polls', async () => {
    const h = await hub({ server: { streamsPerAddress: 2 } });
    for (let i = 0; i < 2; i++) expect(await stream(h, ATTACKER, `a${i}`).status).toBe(200);
    expect(await stream(h, ATTACKER, 'refused').status).toBe(503);
    expect((await emergencyOn(h)).status).toBe(200);
    const state = await send(h, HUB_API.state, { from: ATTACKER });
    expect(state.status).toBe(200);
    expect((JSON.parse(state.body) as LiveState).emergency).toBe(true);
  });

  it('a real screen refused a stream (its address shares the slots with idle ones) shows the emergency by polling', async () => {
    const h = await hub({ server: { streamsPerAddress: 3 } });
    for (let i = 0; i < 3; i++) expect(await stream(h, '127.0.0.1', `idle-${i}`).status).toBe(200);
    const kiosk = new HubClient({
      url: h.url,
      token: null,
      screen: () => ({ id: 'kiosk-hall-b', name: 'Hall B' }),
      cacheDir: null,
      log: () => {},
      random: () => 0,
    });
    try {
      kiosk.start();
      await until(() => kiosk.live !== null, 'the live state by polling', 5000);
      expect(kiosk.live?.emergency).toBe(false);
      expect((await emergencyOn(h, { from: '127.0.0.2' })).status).toBe(200);
      // The next attempt's back-off (about 1, 2, 4 s) reads it.
      await until(() => kiosk.live?.emergency === true, 'the emergency by polling', 10_000);
    } finally {
      kiosk.stop();
    }
  }, 20_000);

  it('a stream past its maximum age is told to reconnect and closed, which frees its slot', async () => {
    const t = await hub({ keepAliveMs: 100, server: { maxStreamAgeMs: 500, streamsPerAddress: 1 } });
    const old = stream(t, ATTACKER, 'idle');
    expect(await old.status).toBe(200);
    expect(await stream(t, ATTACKER, 'second').status).toBe(503);
    await old.ended;
    expect(old.events.map((e) => e.event)).toContain('reconnect');
    expect(await stream(t, ATTACKER, 'again').status).toBe(200);
  });
});

describe('M: requests without a token locking staff out', () => {
  it('requests with no token lock nobody out; wrong tokens lock out only their own address', async () => {
    const h = await hub();
    // A page elsewhere in a staff browser: image tags, no token, from the staff's own address.
    for (let i = 0; i < 20; i++) expect((await emergencyOn(h, { token: null })).status).toBe(401);
    for (let i = 0; i < 10; i++) await emergencyOn(h, { token: 'guess-' + i, from: ATTACKER });
    expect((await emergencyOn(h, { token: 'guess-x', from: ATTACKER })).status).toBe(429);
    expect((await emergencyOn(h, { token: TOKEN, from: ATTACKER })).status).toBe(429);

    const board = stream(h, '127.0.0.1');
    expect(await board.status).toBe(200);
    expect((await emergencyOn(h)).status).toBe(200);
    await expect.poll(() => lastLive(board.events)?.emergency, { timeout: 3000 }).toBe(true);
  });

  it('behind a trusted proxy, limits and the audit use the X-Forwarded-For address, and only from that proxy', async () => {
    const h = await hub({ trustProxy: '127.0.0.1' });
    const via = (client: string) => ({ 'x-forwarded-for': `203.0.113.66, ${client}` });
    for (let i = 0; i < 10; i++) await emergencyOn(h, { token: 'guess', headers: via('198.51.100.7') });
    expect((await emergencyOn(h, { token: 'guess', headers: via('198.51.100.7') })).status).toBe(429);
    // Another client of the same proxy is not locked out.
    expect((await emergencyOn(h, { headers: via('198.51.100.20') })).status).toBe(200);
    const audit = (await fleet(h)).audit;
    expect(audit[0]?.address).toBe('198.51.100.20');
    // The header from anyone but the proxy is the client's own word: ignored (a change, so an audit line).
    expect((await emergencyOn(h, { from: ATTACKER, headers: via('198.51.100.30'), on: false })).status).toBe(200);
    expect((await fleet(h)).audit[0]?.address).toBe(ATTACKER);
    expect(h.logs.some((l) => l.includes('198.51.100.7') && l.includes('wrong staff token'))).toBe(true);
  });
});

describe('M: forged heartbeats filling the fleet', () => {
  const beat = (id: string, name = id) => ({
    id,
    name,
    host: 'web',
    room: null,
    view: 'board',
    appVersion: 'test',
    programVersion: null,
    liveVersion: 0,
    window: { width: 1920, height: 1080 },
    uptime: 1,
    lastError: null,
  });
  const heartbeat = (h: TestHub, body: unknown, from: string) =>
    send(h, HUB_API.heartbeat, {
      method: 'POST',
      from,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('500 fresh ids from one address take 32 rows; a real screen still gets its row', async () => {
    const h = await hub();
    const answers: number[] = [];
    for (let i = 0; i < 500; i++) answers.push((await heartbeat(h, beat(`forged-${i}`), ATTACKER)).status);
    expect(answers.filter((s) => s === 200)).toHaveLength(32);
    expect((await heartbeat(h, beat('hall-b', 'Hall B'), '127.0.0.1')).status).toBe(200);
    const rows = (await fleet(h)).screens;
    expect(rows.map((r) => r.heartbeat.name)).toContain('Hall B');
    expect(rows).toHaveLength(33);
  });

  it("a heartbeat with a screen's id but not its secret cannot take over its row: the dead screen stays silent", async () => {
    const h = await hub();
    // The real screen: its first heartbeat is answered with its secret, its second carries it.
    const first = await heartbeat(h, beat('hall-b', 'Hall B'), '127.0.0.1');
    expect(first.status).toBe(200);
    const { secret } = JSON.parse(first.body) as HeartbeatAnswer;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect((await heartbeat(h, { ...beat('hall-b', 'Hall B'), secret }, '127.0.0.1')).status).toBe(204);

    // The attacker read the id (the fleet page, an event-stream URL) and sends beats for it: none, a wrong and a
    // guessed secret, from its own address and from the screen's.
    for (const [forged, from] of [
      [{ ...beat('hall-b', 'Hall B (forged)') }, ATTACKER],
      [{ ...beat('hall-b', 'Hall B (forged)'), secret: 'x'.repeat(32) }, ATTACKER],
      [{ ...beat('hall-b', 'Hall B (forged)'), secret: secret.slice(0, -1) }, '127.0.0.1'],
    ] as const) {
      const answer = await heartbeat(h, forged, from);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toEqual({
        error: 'screen id hall-b belongs to another screen: this heartbeat does not carry its secret and was not recorded',
      });
    }
    const [row] = (await fleet(h)).screens;
    expect(row).toMatchObject({ id: 'hall-b', address: '127.0.0.1', verified: true, heartbeat: { name: 'Hall B' } });
    expect(JSON.stringify(await fleet(h))).not.toContain(secret);
    expect(h.logs.join('\n')).not.toContain(secret);
  });

  it('right-to-left overrides in a name never reach the fleet page or the audit log', async () => {
    const h = await hub();
    expect((await heartbeat(h, beat('x', 'Hall \u202eB llaH\u202c \u2066A\u2069'), ATTACKER)).status).toBe(200);
    const row = (await fleet(h)).screens.find((r) => r.id === 'x');
    expect(row?.heartbeat.name).toBe('Hall B llaH A');
  });
});

describe('M: slow sockets holding every connection', () => {
  /** A socket from `from` that sends a request one header byte at a time, every `everyMs`. */
  function slow(h: TestHub, from: string, text: string, everyMs: number): { closed: Promise<number> } {
    const socket = connect({ host: '127.0.0.1', port: portOf(h), localAddress: from });
    sockets.push(socket);
    const started = Date.now();
    let i = 0;
    const drip = setInterval(() => {
      if (i < text.length && !socket.destroyed) socket.write(text[i++]!);
    }, everyMs);
    socket.on('error', () => {});
    return {
      closed: new Promise((resolve) =>
        socket.once('close', () => {
          clearInterval(drip);
          resolve(Date.now() - started);
        }),
      ),
    };
  }

  it('200 slow sockets from one address: at most 128 are held, staff and boards still get answers', async () => {
    const h = await hub();
    const attack = Array.from({ length: 200 }, () => slow(h, ATTACKER, 'GET / HTTP/1.1\r\nHost: x\r\n'.repeat(50), 1000));
    let cut = 0;
    for (const a of attack) void a.closed.then(() => cut++);
    await expect.poll(() => cut, { timeout: 3000 }).toBeGreaterThanOrEqual(72);

    const board = stream(h, '127.0.0.1');
    expect(await board.status).toBe(200);
    expect((await send(h, HUB_API.state)).status).toBe(200);
    expect((await emergencyOn(h)).status).toBe(200);
    await expect.poll(() => lastLive(board.events)?.emergency, { timeout: 3000 }).toBe(true);
  });

  it('connections a browser keeps open after its answers make way for a new one; busy ones do not', async () => {
    const h = await hub({ perAddress: 4 });
    // Keep-alive connections that have answered once, as twenty boards in one browser behind one address keep them.
    const kept = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const socket = connect({ host: '127.0.0.1', port: portOf(h), localAddress: ATTACKER });
        sockets.push(socket);
        const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
        socket.write(`GET ${HUB_API.state} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        await answered;
        return socket;
      }),
    );
    expect((await send(h, HUB_API.state, { from: ATTACKER })).status).toBe(200);
    expect(kept.filter((s) => s.destroyed || s.readableEnded).length).toBeGreaterThanOrEqual(1);
    // Four streams are busy for as long as they last: the fifth connection is refused, not one of them dropped.
    const h2 = await hub({ perAddress: 4 });
    const streams = Array.from({ length: 4 }, () => stream(h2, ATTACKER));
    for (const st of streams) expect(await st.status).toBe(200);
    await expect(send(h2, HUB_API.state, { from: ATTACKER })).rejects.toThrow();
    expect(streams.every((st) => !st.response!.destroyed)).toBe(true);
  });

  it('headers sent a byte at a time, and a body that never finishes, are cut off', async () => {
    const t = await hub({ server: { headersTimeoutMs: 1000, requestTimeoutMs: 2000 } });
    const headers = slow(t, ATTACKER, 'GET / HTTP/1.1\r\nHost: x\r\nX-A: '.padEnd(400, 'a'), 300);
    const body = slow(
      t,
      ATTACKER,
      `POST ${HUB_API.heartbeat} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"id":"`.padEnd(
        2000,
        'a',
      ),
      5,
    );
    // Node checks these timeouts every few seconds (connectionsCheckingInterval), not to the millisecond.
    expect(await headers.closed).toBeLessThan(8000);
    expect(await body.closed).toBeLessThan(9000);
  }, 20_000);
});
