/**
 * `npm install` on a machine that cannot fetch Electron's binary still succeeds:
 * the project's postinstall runs Electron's own download and, when it fails,
 * says so in one line and exits 0. The download is pointed at a real server on
 * 127.0.0.1 that refuses it, so the test never fetches anything.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCRIPT = join(ROOT, 'build', 'tools', 'electron-binary.mjs');

let server: Server;
let mirror: string;
let cache: string;
let requests = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests++;
    response.writeHead(500, { 'content-type': 'text/plain' }).end('no binaries here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  cache = mkdtempSync(join(tmpdir(), 'foyer-electron-cache-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cache, { recursive: true, force: true });
});

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const installed = (() => {
  try {
    readFileSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(installed)('npm install without a reachable Electron download', () => {
  it('exits 0 and says in one line what failed and how to try again, without a stack trace', { timeout: 60_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: mirror, electron_config_cache: cache };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const { code, output } = await run(env);
    expect(code).toBe(0);
    expect(requests).toBeGreaterThan(0); // the download was really tried
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^foyer: could not download the Electron binary \(.+\): .*`npm run get-electron` tries again$/);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('with ELECTRON_SKIP_BINARY_DOWNLOAD, tries nothing and says how to get the binary later', async () => {
    const before = requests;
    const { code, output } = await run({ ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_MIRROR: mirror });
    expect(code).toBe(0);
    expect(requests).toBe(before);
    expect(output.trim()).toMatch(/^foyer: Electron binary skipped .*`npm run get-electron`/);
  });

  it("is the install's last step, and Electron's own postinstall (which fails the install) is switched off", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.scripts.postinstall).toBe('node build/tools/electron-binary.mjs');
    expect(pkg.allowScripts.electron).toBe(false);
  });
});
