import { defineConfig } from 'vitest/config';

// The project's own tests (not the conformance suite): unit and integration tests of every part.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'echo-server/**/*.test.ts', 'embedded-cluster/**/*.test.ts', 'reference-gateway/**/*.test.ts', 'kube-rest/**/*.test.ts', 'node-agent/**/*.test.ts', 'harness/**/*.test.ts'],
    exclude: ['node_modules/**', 'reports/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
