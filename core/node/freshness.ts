/**
 * The one "rebuild if stale" rule, for both launchers (`npm start` and
 * `npm run hub`): a build is stale when any file it is made from is newer than
 * any file it made. What each build is made from is said here once; the board
 * takes all of core/ but the Node-only parts, so a change to a shared helper
 * (core/time.ts) rebuilds it too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Build {
  /** What it is, for messages ("the board"). */
  what: string;
  /** The npm script that makes it. */
  script: string;
  /** Files it makes, relative to the repository. */
  outputs: readonly string[];
  /** Files and folders it is made from, relative to the repository. */
  inputs: readonly string[];
  /** Folders under `inputs` that it does not use. */
  except: readonly string[];
}

const PACKAGES = ['package.json', 'package-lock.json'];

export const BOARD_BUILD: Build = {
  what: 'the board',
  script: 'build:renderer',
  outputs: ['out/renderer/index.html', 'out/renderer/fleet.html', 'out/renderer/control.html'],
  inputs: ['renderer', 'core', ...PACKAGES],
  except: ['core/node', 'core/hub/server', 'core/cli'],
};

export const KIOSK_BUILD: Build = {
  what: 'the kiosk',
  script: 'build:electron',
  outputs: ['out/electron/main.js', 'out/electron/preload.cjs'],
  inputs: ['electron', 'core', 'build/tools/build.ts', ...PACKAGES],
  except: ['core/cli'],
};

function newest(path: string, except: ReadonlySet<string>): number {
  if (except.has(path)) return 0;
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry), except));
  return latest;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

export function isStale(root: string, build: Build): boolean {
  const except = new Set(build.except.map((path) => join(root, path)));
  const inputs = Math.max(...build.inputs.map((path) => newest(join(root, path), except)));
  return build.outputs.some((output) => mtime(join(root, output)) < inputs);
}

/**
 * Runs the build's npm script when it is stale; throws when the build fails.
 * The build's own listing (70 lines of assets) is kept back: a first run's
 * screen should lead with the board's address. It is shown when the build fails.
 */
export function ensureBuilt(root: string, build: Build, say: (line: string) => void): void {
  if (!isStale(root, build)) return;
  withBuildLock(root, build, say, () => {
    // Another launcher (or test file) may have built it while this one waited.
    if (isStale(root, build)) runBuild(root, build, say);
  });
}

/** How long a build may hold its lock before a waiting launcher takes it over anyway. */
const LOCK_LIMIT_MS = 10 * 60_000;

/**
 * One build of a kind at a time across processes: two launchers started together (or two test files in a fresh
 * clone) would otherwise both build, and the second empties out/ while the first is already serving from it. A
 * folder as the lock (made or not, atomically) with the holder's pid inside: a lock whose holder is gone (a build
 * stopped by Ctrl-C) is taken over at once, one held too long after LOCK_LIMIT_MS.
 */
function withBuildLock(root: string, build: Build, say: (line: string) => void, run: () => void): void {
  const lock = join(root, 'out', `.${build.script.replace(/[^\w-]/g, '-')}.lock`);
  mkdirSync(join(root, 'out'), { recursive: true });
  const since = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!holderAlive(lock) || Date.now() - since > LOCK_LIMIT_MS) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!told) say(`waiting for another build of ${build.what}…`);
    told = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
  try {
    run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Made, its pid not written yet: a holder that has just started.
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function runBuild(root: string, build: Build, say: (line: string) => void): void {
  say(`building ${build.what} (npm run ${build.script})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', build.script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    // What is built here is what screens run. A test runner's NODE_ENV (vitest sets 'test') would make Vite
    // bundle React's development build: twice the size, slower to first paint, and using APIs old players lack.
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`building ${build.what} failed (npm run ${build.script}); see the messages above`);
  }
}
