import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'lib/**/*.test.ts'],
    environment: 'node',
    // Day boundaries use local time; pin it so results do not depend on the machine.
    env: { TZ: 'UTC' },
  },
});
