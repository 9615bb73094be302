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
]);
