// After `next build`: bundles worker/sw.ts and injects the precache list of every file in out/.
import { injectManifest } from '@serwist/build';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const bundled = 'out/sw.src.js';
await build({
  entryPoints: ['worker/sw.ts'],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  outfile: bundled,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

const { count, size, warnings } = await injectManifest({
  swSrc: bundled,
  swDest: 'out/sw.js',
  globDirectory: 'out',
  globPatterns: ['**/*.{html,txt,js,css,json,webmanifest,png,svg,ico,woff2,wasm}'],
  globIgnores: ['sw.js', 'sw.src.js', '404/**'],
  // Next's hashed assets and the card file (named by its content version) never change under the same name.
  dontCacheBustURLsMatching: /^(_next\/static\/|decks\/(cards|practice)\.[0-9a-f]+\.json$)/,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
});
rmSync(bundled);
for (const w of warnings) console.warn(w);
console.log(`Service worker: precaching ${count} files (${Math.round(size / 1024)} KiB)`);
