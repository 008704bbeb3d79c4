/**
 * 6. Bundle: gzipped JS and CSS of the board's production build, against a
 * minimal React app built the same way (Vite, React plugin) in the same run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { ROOT } from './hosts.ts';
import { ratioRow, type Row } from './report.ts';
import { LANGUAGES } from '../../core/i18n/index.ts';

export interface BundleOptions {
  boardDir: string;
  baselineOutDir: string;
  /** Where to build the board once more, split by package, to say what the bytes are (skipped when null). */
  compositionOutDir: string | null;
  judged: boolean;
}

/** The package (or core/ folder) a module belongs to, as a chunk name. */
function owner(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg) return pkg[1]!.replace('/', '__');
  const core = /\/core\/([^/.]+)/.exec(id);
  return core ? `core-${core[1]}` : 'renderer';
}

/** Gzipped KiB per package: the board built once more with one chunk per package. */
async function composition(outDir: string): Promise<string> {
  process.env.FOYER_SPLIT_BY_PACKAGE = '1';
  await build({
    configFile: join(ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      // Without includeDependenciesRecursively: false a chunk swallows the packages its modules import.
      rolldownOptions: { output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: owner }] } } },
    },
  }).finally(() => delete process.env.FOYER_SPLIT_BY_PACKAGE);
  const sizes = files(outDir)
    .filter((f) => extname(f) === '.js')
    .map((f) => ({ name: basename(f).replace(/-[\w-]{8}\.js$/, ''), kib: gzipSync(readFileSync(f), { level: 9 }).length / 1024 }))
    .sort((a, b) => b.kib - a.kib);
  return sizes.map((s) => `${s.name} ${s.kib.toFixed(1)}`).join(', ');
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function gzipped(dir: string, extensions: readonly string[]): number {
  return files(dir)
    .filter((f) => extensions.includes(extname(f)))
    .reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}

function raw(dir: string, extensions: readonly string[]): number {
  return files(dir)
    .filter((f) => extensions.includes(extname(f)))
    .reduce((sum, f) => sum + statSync(f).size, 0);
}

/** Every script a page can load: the page's own scripts, then every chunk they import, statically or lazily. */
function scriptsOf(dir: string, page: string): Set<string> {
  const assets = join(dir, 'assets');
  const html = readFileSync(join(dir, page), 'utf8');
  const found = new Set<string>();
  const queue = [...html.matchAll(/assets\/([\w.-]+\.js)/g)].map((m) => m[1]!);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (found.has(name)) continue;
    found.add(name);
    // Chunks name each other as "./name-hash.js" in quotes or backquotes (import, import(), the preload list).
    for (const m of readFileSync(join(assets, name), 'utf8').matchAll(/[`"']\.\/([\w.-]+\.js)[`"']/g)) queue.push(m[1]!);
  }
  return found;
}

/**
 * The board's script with one language and with every one: a catalogue beyond English is a chunk of its own that
 * only a screen in that language loads (core/i18n/index.ts loadCatalogue), so an English screen carries none.
 */
export function languageRows(boardDir: string, judged: boolean): Row[] {
  const scripts = scriptsOf(boardDir, 'index.html');
  const size = (name: string) => gzipSync(readFileSync(join(boardDir, 'assets', name)), { level: 9 }).length / 1024;
  const catalogue = (name: string) => LANGUAGES.some((lang) => lang !== 'en' && name.startsWith(`${lang}-`));
  const shared = [...scripts].filter((name) => !catalogue(name));
  const catalogues = [...scripts].filter(catalogue).sort();
  const one = shared.reduce((sum, name) => sum + size(name), 0);
  const extra = catalogues.reduce((sum, name) => sum + size(name), 0);
  const each = catalogues.map((name) => `${name.split('-')[0]} ${size(name).toFixed(1)}`).join(', ');
  const LIMIT_KIB = 10;
  return [
    {
      section: '6. Bundle',
      name: 'Board script, one language (English), gzipped',
      value: one,
      unit: 'KiB',
      detail: `gzip -9 of every script index.html can load, lazily loaded chunks included, no other catalogue: ${shared.sort().join(', ')}`,
    },
    {
      section: '6. Bundle',
      name: 'Board script, every language, gzipped',
      value: one + extra,
      unit: 'KiB',
      target: `catalogues add < ${LIMIT_KIB} KiB`,
      met: judged ? extra < LIMIT_KIB && catalogues.length === LANGUAGES.length - 1 : null,
      detail: `${catalogues.length} catalogue chunks, +${extra.toFixed(1)} KiB in all, each loaded only by a screen in its language (KiB): ${each}`,
    },
  ];
}

export async function buildBaselineApp(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(ROOT, 'tests', 'bench', 'baseline-app'),
    base: './',
    plugins: [react()],
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}

export async function bundle(options: BundleOptions): Promise<Row[]> {
  await buildBaselineApp(options.baselineOutDir);
  const parts = options.compositionOutDir
    ? `; by package, gzipped KiB (split build): ${await composition(options.compositionOutDir)}`
    : '';
  const kb = (bytes: number) => bytes / 1024;
  const code = ['.js', '.mjs', '.css'];
  const board = gzipped(options.boardDir, code);
  const baseline = gzipped(options.baselineOutDir, code);
  const detail =
    `gzip -9 of every .js/.css file; board JS ${kb(gzipped(options.boardDir, ['.js', '.mjs'])).toFixed(1)} KiB + CSS ${kb(gzipped(options.boardDir, ['.css'])).toFixed(1)} KiB ` +
    `(raw ${kb(raw(options.boardDir, code)).toFixed(0)} KiB); baseline JS ${kb(gzipped(options.baselineOutDir, ['.js', '.mjs'])).toFixed(1)} KiB + CSS ${kb(gzipped(options.baselineOutDir, ['.css'])).toFixed(1)} KiB; ` +
    `fonts not counted: woff2 ${kb(raw(options.boardDir, ['.woff2'])).toFixed(0)} KiB (a browser fetches only the subsets a page uses)${parts}`;
  return [
    ratioRow(
      { section: '6. Bundle', name: 'JS + CSS, gzipped', value: kb(board), unit: 'KiB', target: '≤ 1.5× baseline', detail },
      { name: 'React + react-dom "hello" (Vite)', value: kb(baseline) },
      1.5,
      options.judged,
    ),
    ...languageRows(options.boardDir, options.judged),
  ];
}
