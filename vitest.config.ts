import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Neo4j- and browser-backed suites share one server; keep files from racing on it.
    fileParallelism: false,
  },
});
