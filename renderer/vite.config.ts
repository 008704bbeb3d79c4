import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import pkg from '../package.json' with { type: 'json' };
import { withContentSecurityPolicy } from '../core/csp.ts';

/** The oldest players the board supports (docs/players.md): the build lowers its syntax to them. */
const PLAYERS = ['chrome76', 'safari14'];
const VERSION = { 'import.meta.env.VITE_FOYER_VERSION': JSON.stringify(pkg.version) };

/** Writes the one CSP (core/csp.ts) into index.html, so the page, the kiosk and the hub cannot drift apart. */
function contentSecurityPolicy(): Plugin {
  return { name: 'foyer-csp', transformIndexHtml: { order: 'pre', handler: withContentSecurityPolicy } };
}

/**
 * The boot guard (src/boot/guard.ts) as a classic ES2017 script of its own, first in the board's <head>: it must
 * run where the board's module cannot (a player too old for its syntax, a chunk that did not load), and the CSP
 * allows no inline script. Built (and hashed, as the assets are cached for good) with the board.
 */
function bootScript(): Plugin {
  let file = '';
  let code = '';
  return {
    name: 'foyer-boot-guard',
    apply: 'build',
    async buildStart() {
      const output = (await build({
        configFile: false,
        logLevel: 'warn',
        define: VERSION,
        build: {
          write: false,
          target: 'es2017',
          minify: true,
          lib: { entry: `${import.meta.dirname}/src/boot/guard.ts`, formats: ['iife'], name: 'foyerBoot' },
        },
      })) as Rolldown.RolldownOutput[];
      code = output[0]!.output[0].code;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)));
      file = `assets/boot-${Array.from(digest.subarray(0, 5), (b) => b.toString(16).padStart(2, '0')).join('')}.js`;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: file, source: code });
    },
    transformIndexHtml(html, context) {
      if (!context.filename.endsWith('index.html')) return html;
      // Right after the CSP (written by the 'pre' hook above), before everything it governs.
      const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
      if (!csp.test(html)) throw new Error('index.html: the boot guard goes after the CSP meta tag, which is missing');
      return html.replace(csp, (tag) => `${tag}\n    <script src="./${file}"></script>`);
    },
  };
}

/**
 * The board's server bundle, out/renderer-server/render-board.js (src/first-board/render.tsx): the same components,
 * which the hub renders into the page it serves (core/hub/server/first-board.ts). One self-contained ES module for
 * Node, React's production build inside, written to ../renderer-server beside the board's outDir; CSS imports are dropped (the page links the board's stylesheet).
 */
function serverBundle(): Plugin {
  // Beside the board's build, wherever it goes (the bench builds into a scratch folder): the hub looks there.
  let outDir = '';
  return {
    name: 'foyer-first-board',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir, '../renderer-server');
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: import.meta.dirname,
        logLevel: 'warn',
        mode: 'production',
        plugins: [react()],
        define: { ...VERSION, 'process.env.NODE_ENV': JSON.stringify('production') },
        ssr: { noExternal: true, target: 'node' },
        build: {
          ssr: `${import.meta.dirname}/src/first-board/render.tsx`,
          outDir,
          emptyOutDir: true,
          minify: true,
          reportCompressedSize: false,
          rolldownOptions: { output: { entryFileNames: 'render-board.js', format: 'es', codeSplitting: false } },
        },
      });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: the same build is served by the hub and by the kiosk's app:// protocol.
  base: './',
  plugins: [contentSecurityPolicy(), bootScript(), react(), serverBundle()],
  define: VERSION,
  build: {
    // Relative to root: out/renderer at the top of the repository.
    outDir: '../out/renderer',
    target: PLAYERS,
    emptyOutDir: true,
    // Small inlined assets would become data: URLs; fonts stay files for font-src 'self'.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // The board, and the hub's staff pages: the fleet (served at /fleet) and the control page (/control).
    rolldownOptions: {
      input: {
        index: `${import.meta.dirname}/index.html`,
        fleet: `${import.meta.dirname}/fleet.html`,
        control: `${import.meta.dirname}/control.html`,
      },
    },
  },
  server: { host: '127.0.0.1' },
});
