import { defineConfig } from 'vitest/config';

// For IDEs and watch mode: `npx vitest --config vitest.conformance.config.ts`. Configure the run
// with GRPCCONF_* variables. `npm test` does not read this file; it builds the same config in code.
export default defineConfig({
  test: {
    include: ['suites/conformance.test.ts'],
    globalSetup: ['lib/vitest-global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    maxConcurrency: 16,
    // Each conformance test enforces its own deadline (timeouts.test).
    testTimeout: 0,
    hookTimeout: 600_000,
  },
});
