/**
 * `npm start` where the Electron binary is missing (as on this CI machine): one
 * line says so, no stack trace, and the board is served from the printed address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const hasElectron = existsSync(`${ROOT}/node_modules/electron/path.txt`);

let child: ChildProcess | null = null;
afterEach(() => {
  if (child !== null && child.exitCode === null) child.kill('SIGTERM');
  child = null;
});

function launch(args: string[]): { output: () => string; waitFor: (pattern: RegExp, ms: number) => Promise<RegExpMatchArray> } {
  let output = '';
  child = spawn(process.execPath, ['--import', 'tsx', 'build/tools/launch.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, FOYER_BROWSER: '/nonexistent/browser' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const running = child;
  return {
    output: () => output,
    waitFor: (pattern, ms) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const match = pattern.exec(output);
          if (match) {
            clearInterval(poll);
            resolve(match);
          } else if (running.exitCode !== null || Date.now() - started > ms) {
            clearInterval(poll);
            reject(new Error(`no ${pattern} in the launcher's output (exit ${running.exitCode}):\n${output}`));
          }
        }, 50);
      }),
  };
}

function exited(process: ChildProcess): Promise<number | null> {
  return process.exitCode !== null
    ? Promise.resolve(process.exitCode)
    : new Promise((resolve) => process.on('exit', (code) => resolve(code)));
}

// Where the Electron binary is installed, npm start launches the kiosk instead (tests/electron/smoke.spec.ts covers it).
describe.skipIf(hasElectron)('npm start without the Electron binary', () => {
  it('says so in one line, serves the board at the printed address, and shows no stack trace', { timeout: 120_000 }, async () => {
    const run = launch(['--no-open', '--port', '0']);
    const [, url] = await run.waitFor(/foyer: board: (http:\/\/127\.0\.0\.1:\d+\/)/, 110_000);

    const about = run
      .output()
      .split('\n')
      .filter((line) => /Electron binary is not installed/.test(line));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatch(/npm run get-electron/);

    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const api = await fetch(new URL('/api/program', url).href);
    expect(api.status).toBe(200);
    const update = (await api.json()) as { program: { event: { timezone: string } }; status: { source: string } };
    expect(update.program.event.timezone).toBe('Europe/Stockholm');

    child!.kill('SIGTERM');
    expect(await exited(child!)).toBe(0);
    expect(run.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('refuses an unknown flag in one line with the usage, exit code 2, no stack trace', { timeout: 60_000 }, async () => {
    const run = launch(['--dispaly', '2']);
    await run.waitFor(/foyer: unknown flag --dispaly/, 55_000).catch(() => undefined);
    expect(await exited(child!)).toBe(2);
    expect(run.output()).toMatch(/foyer: unknown flag --dispaly\n/);
    expect(run.output()).toMatch(/--display N/);
    expect(run.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('explains a busy port instead of crashing', { timeout: 120_000 }, async () => {
    const first = launch(['--no-open', '--port', '0']);
    const [, url] = await first.waitFor(/foyer: board: (http:\/\/127\.0\.0\.1:(\d+)\/)/, 110_000);
    const holder = child!;
    const port = new URL(url!).port;
    try {
      const second = launch(['--no-open', '--port', port]);
      await second.waitFor(/already in use/, 110_000);
      expect(await exited(child!)).toBe(1);
      expect(second.output()).toMatch(new RegExp(`foyer: port ${port} is already in use: pass --port N`));
      expect(second.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      holder.kill('SIGTERM');
    }
  });
});
