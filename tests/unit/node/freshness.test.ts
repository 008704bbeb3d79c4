/**
 * The one "rebuild if stale" rule both launchers use (core/node/freshness.ts),
 * on a tree of real files with chosen modification times.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOARD_BUILD, isStale, KIOSK_BUILD } from '../../../core/node/freshness.ts';

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
