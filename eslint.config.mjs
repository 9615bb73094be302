import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/*
 * Layers, enforced on import paths (so a relative "../db/x" is caught like "@/lib/db/x").
 * ESLint applies one no-restricted-imports setting per file (a later block replaces an earlier
 * one), so each block below lists every restriction of its files.
 */
const FSRS = { name: 'ts-fsrs', message: 'Go through lib/scheduler.ts, the one ts-fsrs bridge.' };
const UI_AND_STORAGE = ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'next'];
const CORE_PATTERNS = [
  { regex: '^next/', message: 'The domain core does not use Next.' },
  { regex: '(^@/|/)(components|app)(/|$)', message: 'The domain core does not import the UI.' },
  { regex: '(^@/lib/|^\\.\\./|^\\./|^(\\.\\./)+)db(/|$)', message: 'The domain core takes data and returns data; storage lives in lib/db/.' },
];
const GENERATOR = {
  regex: '(^|/)decks/(sources|source-schema|generate|build-manifest|coverage|giveaways|templates/.*)$',
  message: 'The deck generator runs at build time only; import lib/decks/manifest or lib/decks/types instead.',
};
// PouchDB is heavy and only sync needs it: one module wraps it, loaded by the sync worker alone.
const POUCH = { regex: '^pouchdb', message: 'Only lib/db/pouch-replica.ts imports PouchDB (it loads once sync is set up).' };
const restrict = (paths, patterns = []) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'out/**', 'next-env.d.ts', 'lib/decks/generated/**', 'public/sw.js', 'test-results/**']),
  // Scripts and tests: only the scheduler bridge talks to ts-fsrs.
  { files: ['**/*.{ts,tsx,mts}'], rules: restrict([FSRS]) },
  // The domain core: plain TypeScript, no UI, no storage engine, no framework, no ts-fsrs.
  { files: ['lib/**/*.ts'], ignores: ['lib/db/**', 'lib/scheduler.ts'], rules: restrict([...UI_AND_STORAGE, FSRS], [...CORE_PATTERNS, POUCH]) },
  { files: ['lib/scheduler.ts'], rules: restrict(UI_AND_STORAGE, CORE_PATTERNS) },
  // The bridge's own test compares it with the library it wraps.
  { files: ['tests/unit/scheduler.test.ts'], rules: restrict([]) },
  // Statistics run in the browser too: the deck generator (YAML, zod) stays out of them.
  { files: ['lib/stats/**/*.ts'], rules: restrict([...UI_AND_STORAGE, FSRS, 'yaml'], [...CORE_PATTERNS, GENERATOR, POUCH]) },
  // Storage and workers: no generator, no ts-fsrs.
  { files: ['lib/db/**/*.ts', 'worker/**/*.ts'], ignores: ['lib/db/pouch-replica.ts'], rules: restrict([FSRS, 'yaml'], [GENERATOR, POUCH]) },
  { files: ['lib/db/pouch-replica.ts'], rules: restrict([FSRS, 'yaml'], [GENERATOR]) },
  // The cards' layout in IndexedDB is the card store's business (lib/db/card-store.ts); migrations
  // convert the stored rows of their own version, and tests may build a shipped version's rows.
  {
    files: ['**/*.{ts,tsx,mts}'],
    ignores: ['lib/db/card-store.ts', 'lib/db/migrations/**', 'tests/fixtures/db/**', 'tests/unit/db/migrations.test.ts'],
    rules: {
      'no-restricted-properties': ['error', ...['db', 'tx', 'raw'].map((object) => ({ object, property: 'cards', message: 'Read and write cards through lib/db/card-store.ts.' }))],
    },
  },
  // Components and routes reach storage only through lib/db/ (its hooks and operations).
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: restrict(
      [
        { name: 'dexie', message: 'Storage goes through lib/db/.' },
        { name: 'dexie-react-hooks', message: 'Use the live-read hooks of lib/db/hooks.ts.' },
        FSRS,
        'yaml',
      ],
      [GENERATOR, POUCH],
    ),
  },
]);
