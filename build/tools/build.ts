/**
 * Bundles the main process (ESM, out/electron/main.js) and the preload (one
 * CommonJS file, out/electron/preload.cjs, because a sandboxed preload can
 * require nothing but `electron`). core/**.ts and its dependencies go inside;
 * only Electron and Node's built-ins stay outside.
 *
 * Run: npm run build:electron (npm start runs it when the bundle is older than its sources).
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = fileURLToPath(new URL('../../out/electron', import.meta.url));
const electronVersion = (
  JSON.parse(readFileSync(new URL('../../node_modules/electron/package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const nodeTarget = electronVersion.startsWith('41.') ? 'node24' : 'node22';
const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function bundle(entry: string, format: 'es' | 'cjs', fileName: string, outDir: string, emptyOutDir: boolean): InlineConfig {
  return {
    root,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ssr: { noExternal: true, external: ['electron'], target: 'node' },
    build: {
      ssr: fileURLToPath(new URL(entry, import.meta.url)),
      outDir,
      emptyOutDir,
      target: nodeTarget,
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rollupOptions: {
        external,
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}

/** `into` lets the packaging test build a private copy without racing other tests over out/. */
export async function buildElectron(into: string = outDir): Promise<void> {
  await build(bundle('../../electron/main.ts', 'es', 'main.js', into, true));
  await build(bundle('../../electron/preload.ts', 'cjs', 'preload.cjs', into, false));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildElectron().then(
    () => console.log(`built ${outDir}/main.js and preload.cjs`),
    (error: unknown) => {
      console.error(
        `foyer: building the Electron main process failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
