/**
 * The hub's memory over a long run with many screens (#12): `npm run hub` as a
 * child process, N kiosk-style screens on the kiosk's own hub client (each
 * holding an event stream and sending a heartbeat every 30 s with jitter), a
 * staff screen changing the delay every 10 s (every change saved, audited and
 * pushed to every stream) and the fleet page's data fetched every 10 s. The
 * hub's resident memory is read from /proc every 15 s.
 *
 *   npx tsx tests/bench/hub-soak.ts [--minutes 10] [--screens 30]
 *
 * Not part of npm test (it takes as long as it is told); docs/hub.md notes the figure.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HubClient } from '../../core/hub-client/node-transport.ts';
import { freePort, ROOT, spawnHub } from '../hub-screens.ts';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, screens: { type: 'string', default: '30' } },
});
const minutes = Number(values.minutes);
const screens = Number(values.screens);
const TOKEN = 'soak-staff-token-0123456789';

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-soak-'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, readFileSync(join(ROOT, 'data', 'program.json'), 'utf8'));
  const tokenFile = join(dir, 'staff-token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  mkdirSync(join(dir, 'state'));
  const hub = await spawnHub({ port: await freePort(), stateDir: join(dir, 'state'), tokenFile, programFile });
  const pid = hub.pid;
  const clients: HubClient[] = [];
  const stops: (() => void)[] = [];
  for (let i = 0; i < screens; i++) {
    const id = `soak-${i}`;
    const client = new HubClient({
      url: hub.url,
      token: i === 0 ? TOKEN : null,
      screen: () => ({ id, name: `Soak screen ${i}` }),
      cacheDir: null,
      log: () => {},
    });
    client.start();
    clients.push(client);
    stops.push(
      client.reportHeartbeats(() => ({
        room: 'main',
        view: 'board',
        appVersion: '0.1.0',
        window: { width: 1920, height: 1080 },
        uptime: process.uptime(),
        lastError: null,
      })),
    );
  }
  let changes = 0;
  const staff = setInterval(() => {
    changes++;
    void clients[0]!.send(
      { type: 'delay', minutes: changes % 2 ? 5 : -5 },
      { room: 'main', day: '2026-05-06', now: 1_778_050_800_000 + changes },
    );
    void fetch(`${hub.url}/api/fleet`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.arrayBuffer());
  }, 10_000);

  const samples: { minute: number; rss: number }[] = [];
  const started = Date.now();
  const sample = () => {
    const rss = rssMiB(pid);
    samples.push({ minute: (Date.now() - started) / 60_000, rss });
    console.log(
      `${((Date.now() - started) / 60_000).toFixed(1).padStart(5)} min  hub RSS ${rss.toFixed(1)} MiB  (${changes} live changes)`,
    );
  };
  sample();
  const sampler = setInterval(sample, 15_000);
  await new Promise((r) => setTimeout(r, minutes * 60_000));
  clearInterval(sampler);
  clearInterval(staff);
  sample();
  const connected = clients.filter((c) => c.offlineSince === null).length;
  const afterWarmUp = samples.filter((s) => s.minute >= 1);
  const first = afterWarmUp[0] ?? samples[0]!;
  const last = samples.at(-1)!;
  const max = Math.max(...samples.map((s) => s.rss));
  console.log(
    `\nhub memory over ${minutes} min with ${screens} screens (${connected} still connected), ${changes} live changes: ` +
      `RSS ${first.rss.toFixed(1)} MiB after 1 min, ${last.rss.toFixed(1)} MiB at the end, ${max.toFixed(1)} MiB at most`,
  );
  for (const stop of stops) stop();
  for (const c of clients) c.stop();
  await hub.kill();
  rmSync(dir, { recursive: true, force: true });
}

void main();
