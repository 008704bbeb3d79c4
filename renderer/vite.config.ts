import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from '../package.json' with { type: 'json' };
import { withContentSecurityPolicy } from '../core/csp.ts';

/** Writes the one CSP (core/csp.ts) into index.html, so the page, the kiosk and the hub cannot drift apart. */
function contentSecurityPolicy(): Plugin {
  return { name: 'foyer-csp', transformIndexHtml: { order: 'pre', handler: withContentSecurityPolicy } };
}

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: the same build is served by the hub and by the kiosk's app:// protocol.
  base: './',
  plugins: [contentSecurityPolicy(), react()],
  define: { 'import.meta.env.VITE_FOYER_VERSION': JSON.stringify(pkg.version) },
  build: {
    // Relative to root: out/renderer at the top of the repository.
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Small inlined assets would become data: URLs; fonts stay files for font-src 'self'.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // The board, and the hub's fleet page for staff (served at /fleet).
    rolldownOptions: {
      input: { index: `${import.meta.dirname}/index.html`, fleet: `${import.meta.dirname}/fleet.html` },
    },
  },
  server: { host: '127.0.0.1' },
});
