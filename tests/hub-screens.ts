/**
 * Screens against a real hub, for the unit and end-to-end tests: a hub (the
 * web host) on a free port with its own state folder and staff token, and the
 * browser host (renderer/src/host/browser-host.ts) driven in Node over real HTTP,
 * through the kiosk's hub transport (core/hub-client/node-transport.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HUB_API } from '../core/hub/api.ts';
import { nodeTransport } from '../core/hub-client/node-transport.ts';
import { startHubServer, type HubServerOptions, type RunningHubServer } from '../core/hub/server/server.ts';
import type { BrowserHostIo } from '../renderer/src/host/browser-host.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TOKEN = 'test-staff-token-0123456789';

export interface TestHub extends RunningHubServer {
  base: string;
  stateDir: string;
  programFile: string;
  logs: string[];
}

/** A hub serving `program` (default: the seed) from a temp file, its state in a temp folder. */
export async function startHub(
  program: unknown = JSON.parse(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8')),
  options: {
    stateDir?: string;
    port?: number;
    rendererDir?: string;
    maxScreens?: number;
    maxClients?: number;
    token?: string;
    keepAliveMs?: number;
    /** Screens per address (streams and connections); tests with hundreds of screens on 127.0.0.1 raise it. */
    perAddress?: number;
    trustProxy?: string;
    /** Any other option of the server (timeouts, stream age). */
    server?: Partial<Omit<HubServerOptions, 'hub'>>;
    /** The hub's clock (epoch ms); default the real one. */
    now?: () => number;
  } = {},
): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-hub-'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(program, null, 2));
  const stateDir = options.stateDir ?? join(dir, 'state');
  mkdirSync(stateDir, { recursive: true });
  const logs: string[] = [];
  const host = await startHubServer({
    port: options.port ?? 0,
    programLocation: programFile,
    rendererDir: options.rendererDir ?? join(ROOT, 'out', 'renderer'),
    log: (line) => logs.push(line),
    ...(options.maxClients ? { maxClients: options.maxClients } : {}),
    ...(options.keepAliveMs ? { keepAliveMs: options.keepAliveMs } : {}),
    ...(options.perAddress ? { streamsPerAddress: options.perAddress, connectionsPerAddress: options.perAddress } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...options.server,
    hub: {
      stateDir,
      token: options.token ?? TOKEN,
      appVersion: 'test',
      ...(options.maxScreens ? { maxScreens: options.maxScreens } : {}),
      ...(options.now ? { now: options.now } : {}),
    },
  });
  return { ...host, base: host.url.replace(/\/$/, ''), stateDir, programFile, logs };
}

/** The browser host's IO over real HTTP from Node: the hub through the kiosk's transport (fetch, the stream read as it arrives). */
export function nodeBrowserIo(base: string, keys: EventTarget, effects: string[] = []): BrowserHostIo {
  const storage = new Map<string, string>();
  const hub = nodeTransport(base);
  return {
    hub: {
      ...hub,
      fetchProgram: () =>
        fetch(base + HUB_API.program).then(
          (r) => (r.ok ? r.text() : null),
          () => null,
        ),
    },
    keys,
    earlyKeys: () => [],
    reload: () => effects.push('reload'),
    log: () => {},
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    },
    random: Math.random,
    viewport: () => ({ width: 1920, height: 1080 }),
  };
}

/** Waits until `check` holds (polling every 10 ms), or fails after `ms` with `what`. */
export async function until(check: () => boolean, what: string, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface HubProcess {
  url: string;
  pid: number;
  /** What the hub printed (stdout and stderr), line by line. */
  output: string[];
  /** SIGKILL: the hub vanishes as in a power cut, without closing a stream. */
  kill(): Promise<void>;
}

/** A free port on 127.0.0.1 (for a hub that must come back on the same address). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm run hub` as a real child process (node + tsx, so the pid is the hub's own), serving `programFile`. */
export async function spawnHub(options: {
  port: number;
  stateDir: string;
  tokenFile: string;
  programFile: string;
  /** More of `npm run hub`'s flags (--trust-proxy …). */
  args?: readonly string[];
}): Promise<HubProcess> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'core/cli/hub.ts',
      '--port',
      String(options.port),
      '--state-dir',
      options.stateDir,
      '--token-file',
      options.tokenFile,
      '--program',
      options.programFile,
      // Nothing written into the home folder.
      '--no-cache',
      ...(options.args ?? []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const read = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await until(() => output.some((l) => l.startsWith('Foyer board:')) || child.exitCode !== null, 'the hub to start', 60_000);
  if (child.exitCode !== null) throw new Error(`the hub exited:\n${output.join('\n')}`);
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid!,
    output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
