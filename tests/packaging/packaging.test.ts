/**
 * The packaging config, checked offline: electron-builder packs a Linux app
 * directory around a stand-in Electron binary (the real one cannot be
 * downloaded here). The stand-in carries Electron's fuse wire, so the afterPack
 * hook flips real fuse bytes and this test reads them back.
 *
 * Everything is built into a private staging copy of the project, so other
 * tests rebuilding out/ at the same time cannot disturb it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../build/tools/build.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string): string[];
  extractFile(archive: string, file: string): Buffer;
};

// From @electron/fuses: the sentinel, wire version 1, eight fuses.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const;
// Electron's shipped defaults: only cookie encryption, asar integrity and only-asar are the other way round.
const SHIPPED = '10110001';

let work: string;
let unpacked: string;
let output = '';
let status: number | null = null;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'foyer-packaging-'));
  const project = join(work, 'project');
  const dist = join(work, 'electron-dist');
  mkdirSync(project);
  for (const entry of ['package.json', 'data', 'build']) cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  return (async () => {
    await buildElectron(join(project, 'out', 'electron'));
    const renderer = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        join(ROOT, 'renderer', 'vite.config.ts'),
        '--outDir',
        join(project, 'out', 'renderer'),
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (renderer.status !== 0) throw new Error(`building the board failed:\n${renderer.stdout}${renderer.stderr}`);

    // What electron-builder needs of an unpacked Electron: the binary, resources/, locales/.
    mkdirSync(join(dist, 'resources'), { recursive: true });
    mkdirSync(join(dist, 'locales'));
    writeFileSync(join(dist, 'locales', 'en-US.pak'), 'en-US');
    writeFileSync(join(dist, 'locales', 'sv.pak'), 'sv');
    writeFileSync(join(dist, 'LICENSE'), 'stand-in');
    writeFileSync(join(dist, 'version'), '41.7.1');
    writeFileSync(
      join(dist, 'electron'),
      Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(SHIPPED)]),
    );
    chmodSync(join(dist, 'electron'), 0o755);

    const release = join(work, 'release');
    const electronBuilder = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
    const result = spawnSync(
      process.execPath,
      [
        electronBuilder,
        '--config',
        'build/electron-builder.config.cjs',
        '--linux',
        'dir',
        '--x64',
        `-c.electronDist=${dist}`,
        '-c.electronVersion=41.7.1',
        `-c.directories.output=${release}`,
      ],
      { cwd: project, encoding: 'utf8', env: { ...process.env, CI: '1', ELECTRON_BUILDER_OFFLINE: '1' } },
    );
    output = `${result.stdout}${result.stderr}`;
    status = result.status;
    unpacked = join(release, 'linux-unpacked');
  })();
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder --linux --dir', { timeout: 30_000 }, () => {
  it('accepts the config and packs the app', () => {
    expect(status, output).toBe(0);
    expect(existsSync(join(unpacked, 'foyer')), 'the executable is named foyer').toBe(true);
  });

  it('ships the app as resources/app.asar with the bundled main, preload and board, and no node_modules', () => {
    const files = asar.listPackage(join(unpacked, 'resources', 'app.asar')).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(
      expect.arrayContaining(['/package.json', '/out/electron/main.js', '/out/electron/preload.cjs', '/out/renderer/index.html']),
    );
    expect(files.filter((f) => f.startsWith('/node_modules'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const pkg = JSON.parse(asar.extractFile(join(unpacked, 'resources', 'app.asar'), 'package.json').toString()) as {
      main: string;
    };
    expect(files).toContain(`/${pkg.main}`);
  });

  it('ships the embedded program beside the app as resources/data/program.json', () => {
    const shipped = readFileSync(join(unpacked, 'resources', 'data', 'program.json'), 'utf8');
    expect(shipped).toBe(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8'));
  });

  it('the preload is one CommonJS file that requires nothing but electron (a sandboxed preload can load no more)', () => {
    const preload = asar.extractFile(join(unpacked, 'resources', 'app.asar'), 'out/electron/preload.cjs').toString();
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
  });

  it('flips the fuses in the packaged binary (afterPack hook)', () => {
    const binary = readFileSync(join(unpacked, 'foyer'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + 8).toString();
    const fuses = Object.fromEntries(FUSE_NAMES.map((name, i) => [name, wire[i] === '1']));
    expect(fuses).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps only the English locale', () => {
    expect(existsSync(join(unpacked, 'locales', 'en-US.pak'))).toBe(true);
    expect(existsSync(join(unpacked, 'locales', 'sv.pak'))).toBe(false);
  });
});
