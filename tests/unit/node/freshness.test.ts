/**
 * The one "rebuild if stale" rule both launchers use (core/node/freshness.ts),
 * on a tree of real files with chosen modification times.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOARD_BUILD, isStale, KIOSK_BUILD } from '../../../core/node/freshness.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

const BUILT = new Date('2026-05-06T10:00:00Z');
const BEFORE = new Date('2026-05-06T09:00:00Z');
const AFTER = new Date('2026-05-06T11:00:00Z');

let root: string;

function file(path: string, time: Date): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, time, time);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'foyer-fresh-'));
  for (const source of [
    'package.json',
    'package-lock.json',
    'renderer/src/main.tsx',
    'core/time.ts',
    'core/screen/keymap.ts',
    'core/hub/server/server.ts',
    'core/cli/hub.ts',
    'electron/main.ts',
    'build/tools/build.ts',
  ])
    file(source, BEFORE);
  for (const output of [
    'out/renderer/index.html',
    'out/renderer/fleet.html',
    'out/renderer/control.html',
    'out/electron/main.js',
    'out/electron/preload.cjs',
  ])
    file(output, BUILT);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('rebuild if stale', () => {
  it('builds nothing when every output is newer than its sources', () => {
    expect(isStale(root, BOARD_BUILD)).toBe(false);
    expect(isStale(root, KIOSK_BUILD)).toBe(false);
  });

  it('rebuilds the board and the kiosk after an edit to a shared core helper (core/time.ts)', () => {
    file('core/time.ts', AFTER);
    expect(isStale(root, BOARD_BUILD)).toBe(true);
    expect(isStale(root, KIOSK_BUILD)).toBe(true);
  });

  it('a Node-only change rebuilds the kiosk, not the board; a command-line tool rebuilds neither', () => {
    file('core/hub/server/server.ts', AFTER);
    expect(isStale(root, BOARD_BUILD)).toBe(false);
    expect(isStale(root, KIOSK_BUILD)).toBe(true);
    file('core/hub/server/server.ts', BEFORE);
    file('core/cli/hub.ts', AFTER);
    expect(isStale(root, BOARD_BUILD)).toBe(false);
    expect(isStale(root, KIOSK_BUILD)).toBe(false);
  });

  it('rebuilds after new dependencies, and when an output is missing', () => {
    file('package-lock.json', AFTER);
    expect(isStale(root, BOARD_BUILD)).toBe(true);
    file('package-lock.json', BEFORE);
    rmSync(join(root, 'out', 'electron', 'preload.cjs'));
    expect(isStale(root, KIOSK_BUILD)).toBe(true);
    expect(isStale(root, BOARD_BUILD)).toBe(false);
  });
});

describe('one build at a time', () => {
  /** A tree whose board is stale, with a build:renderer that takes a while and counts its runs. */
  function slowBuild(): void {
    const build = [
      "const fs = require('node:fs'); const until = Date.now() + 1500; while (Date.now() < until);",
      "fs.appendFileSync('builds.log', 'built ');",
      "for (const page of ['index', 'fleet', 'control']) fs.writeFileSync('out/renderer/' + page + '.html', '');",
    ].join(' ');
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ scripts: { 'build:renderer': `node -e ${JSON.stringify(build)}` } }),
    );
    file('core/time.ts', new Date());
    rmSync(join(root, 'out', 'renderer'), { recursive: true, force: true });
    mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
    writeFileSync(
      join(root, 'launch.ts'),
      `import { BOARD_BUILD, ensureBuilt } from ${JSON.stringify(join(REPO, 'core/node/freshness.ts'))};\n` +
        `ensureBuilt(process.argv[2]!, BOARD_BUILD, (line) => console.log(line));\n`,
    );
  }
  const launch = () => run(process.execPath, ['--import', 'tsx', join(root, 'launch.ts'), root], { cwd: REPO });

  it('two launchers started together: one builds, the other waits for it and builds nothing', async () => {
    slowBuild();
    const [first, second] = await Promise.all([launch(), launch()]);
    expect(readFileSync(join(root, 'builds.log'), 'utf8')).toBe('built ');
    const said = [first.stdout, second.stdout].sort().join('');
    expect(said).toContain('building the board (npm run build:renderer)…');
    expect(said).toContain('waiting for another build of the board…');
    expect(isStale(root, BOARD_BUILD)).toBe(false);
  }, 30_000);

  it('a lock left by a build that was stopped is taken over at once', async () => {
    slowBuild();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(join(root, 'out', '.build-renderer.lock'));
    writeFileSync(join(root, 'out', '.build-renderer.lock', 'pid'), String(gone));
    const started = Date.now();
    const { stdout } = await launch();
    expect(stdout).not.toContain('waiting');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(readFileSync(join(root, 'builds.log'), 'utf8')).toBe('built ');
  }, 30_000);
});
