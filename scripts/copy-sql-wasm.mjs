// Before `next build`: puts sql.js's WebAssembly at public/vendor/sql-wasm.wasm, where the Anki
// importer's loadSqlJs() fetches it (lib/import/anki/sqlite.ts) and the service worker precaches
// it. Copied from node_modules on every build, so it always matches the installed sql.js glue code.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = require.resolve('sql.js/dist/sql-wasm-browser.wasm');
mkdirSync('public/vendor', { recursive: true });
copyFileSync(source, 'public/vendor/sql-wasm.wasm');
