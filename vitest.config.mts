import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'lib/**/*.test.ts'],
    environment: 'node',
    // Unit tests only: end-to-end tests use real IndexedDB in Chromium.
    setupFiles: ['fake-indexeddb/auto'],
    // Day boundaries use local time; pin it so results do not depend on the machine.
    env: { TZ: 'UTC' },
    // The deck tests build every deck (1-2 s each on this 2-core machine); while builds or browsers
    // share the cores they passed 5 s, the default, without anything being wrong.
    testTimeout: 30_000,
  },
});
