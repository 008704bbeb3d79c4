/**
 * `npm run hub` reads its flags with the parser and the flag definitions
 * `npm start` uses (core/flags.ts): the same checks, the same words.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../build/tools/launch-options.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function hub(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'core/cli/hub.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run hub flags', () => {
  it('refuses a zone that is not one, in the words npm start uses', { timeout: 30_000 }, async () => {
    const run = await hub(['--timezone', 'CEST']);
    const launch = parseLaunchArgs(['--timezone', 'CEST']);
    expect(launch.ok).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`foyer hub: ${!launch.ok && launch.error} (try --help)\n`);
  });

  it('refuses a port out of range, from a flag or from PORT', { timeout: 30_000 }, async () => {
    expect((await hub(['--port=70000'])).stderr).toBe('foyer hub: --port must be 0–65535, not "70000" (try --help)\n');
    expect((await hub([], { PORT: 'eighty' })).stderr).toBe('foyer hub: PORT=eighty: --port must be 0–65535, not "eighty"\n');
  });

  it('lists its flags on --help', { timeout: 30_000 }, async () => {
    const run = await hub(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--program PATH\|URL +the program file or URL \(default: data\/program\.json\)/);
    expect(run.stdout).toMatch(/--timezone ZONE +IANA zone for imported programs that carry none/);
  });
});
