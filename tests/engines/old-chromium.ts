/**
 * Real old Chromium builds, as the venues' players run them: Chromium 77 (LG webOS 6, Samsung Tizen 6), 83 and 92
 * (Raspberry Pi 3 on Buster), from npm packages that ship them brotli-compressed for AWS Lambda (devDependencies
 * under the aliases chromium-77, chromium-83, chromium-92). Unpacked once into node_modules/.cache with Node's own
 * brotli and Debian's tar; they run on this machine with LD_LIBRARY_PATH at their own libraries (83 and 92 bring
 * NSS; 77 uses Debian's libnss3).
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'foyer-engines');

export interface OldEngine {
  /** The major version, as the tests name it. */
  major: number;
  /** The npm alias it is installed under. */
  alias: string;
}

export const OLD_ENGINES: readonly OldEngine[] = [
  { major: 77, alias: 'chromium-77' },
  { major: 83, alias: 'chromium-83' },
  { major: 92, alias: 'chromium-92' },
];

export interface UnpackedEngine {
  executable: string;
  /** The environment it runs in: LD_LIBRARY_PATH at its libraries and its SwiftShader. */
  env: NodeJS.ProcessEnv;
}

async function inflate(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), createWriteStream(to, { mode: 0o755 }));
}

async function untar(from: string, into: string): Promise<void> {
  const tar = join(into, '.tmp.tar');
  await inflate(from, tar);
  const result = spawnSync('tar', ['-xf', tar, '-C', into], { encoding: 'utf8' });
  rmSync(tar);
  if (result.status !== 0) throw new Error(`tar could not unpack ${from}: ${result.stderr || result.error?.message}`);
}

/**
 * The engine's binary and environment, unpacked on first use into a folder named for the package's version (a
 * half-finished unpack is in a temp folder, renamed only when complete, so an interrupted run never leaves a
 * broken engine behind).
 */
export async function unpackEngine(engine: OldEngine): Promise<UnpackedEngine> {
  const pkgDir = join(ROOT, 'node_modules', engine.alias);
  if (!existsSync(pkgDir)) throw new Error(`${engine.alias} is not installed: run npm ci`);
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(CACHE, `${engine.alias}-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    const tmp = `${dir}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const bin = join(pkgDir, 'bin');
    const binary = readdirSync(bin).find((f) => f.startsWith('chromium') && f.endsWith('.br'));
    if (!binary) throw new Error(`${engine.alias}: no bin/chromium*.br`);
    await inflate(join(bin, binary), join(tmp, 'chromium'));
    if (existsSync(join(bin, 'swiftshader.tar.br'))) await untar(join(bin, 'swiftshader.tar.br'), tmp);
    if (existsSync(join(bin, 'aws.tar.br'))) await untar(join(bin, 'aws.tar.br'), tmp);
    if (existsSync(join(bin, 'swiftshader')))
      for (const lib of readdirSync(join(bin, 'swiftshader')))
        await inflate(join(bin, 'swiftshader', lib), join(tmp, lib.replace(/\.br$/, '')));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  const libs = [join(dir, 'lib'), dir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  // The packages' own fontconfig (FONTCONFIG_PATH) lists only Lambda's fonts: Debian's fonts are used instead.
  return { executable: join(dir, 'chromium'), env: { ...process.env, LD_LIBRARY_PATH: libs } };
}
