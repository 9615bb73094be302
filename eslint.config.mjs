import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'out/**', 'next-env.d.ts', 'lib/decks/generated/**', 'public/sw.js', 'test-results/**']),
  {
    // The domain core stays plain TypeScript: no UI, no storage engine, no framework.
    files: ['lib/**/*.ts'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'next'],
          patterns: ['next/*', '@/components/*', '@/app/*', '@/lib/db/*'],
        },
      ],
    },
  },
  {
    // What the browser loads never pulls in the deck generator (YAML parser, zod schemas):
    // the app reads the generated manifest and fetches the card file.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/db/**/*.ts', 'lib/stats/**/*.ts', 'worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['yaml'],
          patterns: [
            {
              regex: '(^|/)decks/(sources|schema|generate|build-manifest|coverage|giveaways|templates/.*)$',
              message: 'The deck generator runs at build time only; import lib/decks/manifest or lib/decks/types instead.',
            },
          ],
        },
      ],
    },
  },
]);
