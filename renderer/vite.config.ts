import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import pkg from '../package.json' with { type: 'json' };
import { withContentSecurityPolicy } from '../core/csp.ts';
import { ar } from '../core/i18n/catalogues/ar.ts';
import { de } from '../core/i18n/catalogues/de.ts';
import { en } from '../core/i18n/catalogues/en.ts';
import { es } from '../core/i18n/catalogues/es.ts';
import { fr } from '../core/i18n/catalogues/fr.ts';
import { sv } from '../core/i18n/catalogues/sv.ts';
import { pack } from '../core/i18n/packed.ts';

/** The oldest players the board supports (docs/players.md): the build lowers its syntax to them. */
const PLAYERS = ['chrome76', 'safari14'];
const VERSION = { 'import.meta.env.VITE_FOYER_VERSION': JSON.stringify(pkg.version) };

/** Writes the one CSP (core/csp.ts) into index.html, so the page, the kiosk and the hub cannot drift apart. */
function contentSecurityPolicy(): Plugin {
  return { name: 'foyer-csp', transformIndexHtml: { order: 'pre', handler: withContentSecurityPolicy } };
}

/**
 * The shipped catalogues beyond English as the screens download them: their texts in the order of English's keys
 * (core/i18n/packed.ts), a third smaller gzipped. Only the board's own build: the server render keeps them keyed.
 */
function packedCatalogues(): Plugin {
  const catalogues: Record<string, Readonly<Record<string, string>>> = { de, fr, es, sv, ar };
  const keys = Object.keys(en);
  return {
    name: 'foyer-packed-catalogues',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const lang = /\/core\/i18n\/catalogues\/(\w+)\.ts$/.exec(id)?.[1];
      const catalogue = lang === undefined ? undefined : catalogues[lang];
      return catalogue === undefined ? null : `export const ${lang!} = ${JSON.stringify(pack(catalogue, keys))};`;
    },
  };
}

/** A classic ES2017 script of its own (the CSP allows no inline script), hashed as the assets are cached for good. */
function classicScript(name: string, entry: string, place: (html: string, tag: string) => string): Plugin {
  let file = '';
  let code = '';
  return {
    name: `foyer-${name}`,
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
          lib: { entry: `${import.meta.dirname}/${entry}`, formats: ['iife'], name: `foyer_${name.replace(/-/g, '_')}` },
        },
      })) as Rolldown.RolldownOutput[];
      code = output[0]!.output[0].code;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)));
      file = `assets/${name}-${Array.from(digest.subarray(0, 5), (b) => b.toString(16).padStart(2, '0')).join('')}.js`;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: file, source: code });
    },
    transformIndexHtml(html, context) {
      return context.filename.endsWith('index.html') ? place(html, `<script src="./${file}"></script>`) : html;
    },
  };
}

/**
 * The boot guard (src/boot/guard.ts), first in the board's <head>: it must run where the board's module cannot (a
 * player too old for its syntax, a chunk that did not load).
 */
const bootScript = (): Plugin =>
  classicScript('boot', 'src/boot/guard.ts', (html, tag) => {
    // Right after #root, not in the <head>: a parser-blocking script there held the hub's first board back by its
    // round trip. Before the board's module all the same, which preloads() moves to the end of the body.
    const root = /<div id="root">.*?<\/div><\/div>/;
    if (!root.test(html)) throw new Error('index.html: the boot guard goes after <div id="root">, which is missing');
    return html.replace(root, (div) => `${div}\n    ${tag}`);
  });

/**
 * The first fit (src/first-board/first-fit.ts), right after #root: a parser-blocking script that fits the board the
 * hub rendered into the page before the browser paints it (docs/players.md, "The first board in the page").
 */
const firstFitScript = (): Plugin =>
  classicScript('first-fit', 'src/first-board/first-fit.ts', (html, tag) => {
    // After the boot guard, whose polyfills and CSS fallbacks the fit needs.
    const guard = /<script src="\.\/assets\/boot-[0-9a-f]+\.js"><\/script>/;
    if (!guard.test(html)) throw new Error('index.html: the first fit goes after the boot guard, which is missing');
    return html.replace(guard, (script) => `${script}\n    ${tag}`);
  });

/**
 * What the page's <head> fetches at once besides the entry:
 * - the board's own font (Inter, Latin, the four weights the board draws), preloaded: fetched beside the stylesheet
 *   instead of after the first layout asks for it, it is there when the first fit measures the hub's board, so the
 *   board is fitted once, with the font it is drawn in, and does not change when the font arrives;
 * - the board's start (src/start.tsx), which main.tsx imports once the first board is painted: its module
 *   preloaded (fetched and compiled meanwhile, not run), its stylesheet linked like the entry's, since the hub's
 *   first board is drawn with it before that chunk runs.
 */
function preloads(): Plugin {
  return {
    name: 'foyer-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.filename.endsWith('index.html') || !context.bundle) return html;
        const fonts = Object.keys(context.bundle).filter((name) => /\/inter-latin-[4-7]00-normal-[^/]+\.woff2$/.test(name));
        if (fonts.length !== 4)
          throw new Error(`index.html: expected Inter's four Latin weights to preload, found ${fonts.length}`);
        const start = Object.values(context.bundle).find(
          (chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk' && !!chunk.facadeModuleId?.endsWith('/src/start.tsx'),
        );
        // The bench's build split by package (tests/bench/bundle.ts) has no start chunk of its own, and is never served.
        if (!start && process.env.FOYER_SPLIT_BY_PACKAGE === '1') return html;
        if (!start) throw new Error("index.html: the board's start chunk (src/start.tsx) is missing");
        const head = (attrs: Record<string, string>) => ({ tag: 'link', attrs, injectTo: 'head' as const });
        // The board's module (deferred: it runs after the parse either way) after the boot guard, which must be
        // listening before the module's load can fail.
        const entry = /\s*<script type="module" crossorigin src="[^"]+"><\/script>/.exec(html);
        if (!entry) throw new Error("index.html: the board's module script is missing");
        const moved = html.replace(entry[0], '').replace('</body>', `  ${entry[0].trim()}\n  </body>`);
        // The boot guard and the first fit, which the board's first paint waits for (until-fitted.css): found by the
        // preload scanner they are fetched late, at a low priority behind the fonts, after the stylesheets.
        const classic = [...html.matchAll(/<script src="\.\/(assets\/(?:boot|first-fit)-[0-9a-f]+\.js)"><\/script>/g)];
        if (classic.length !== 2) throw new Error('index.html: the boot guard and the first fit are missing');
        const tags = [
          ...classic.map((script) => head({ rel: 'preload', as: 'script', href: `./${script[1]!}` })),
          ...[...(start.viteMetadata?.importedCss ?? [])].map((css) =>
            head({ rel: 'stylesheet', crossorigin: '', href: `./${css}` }),
          ),
          head({ rel: 'modulepreload', crossorigin: '', href: `./${start.fileName}` }),
          ...fonts.map((name) => head({ rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${name}` })),
        ];
        return { html: moved, tags };
      },
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
  plugins: [contentSecurityPolicy(), packedCatalogues(), bootScript(), firstFitScript(), preloads(), react(), serverBundle()],
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
