// A gateway repository's own test file: our suite, chosen in code, plus the gateway's own test.
// With no cluster options it runs against the embedded cluster and our reference gateway; a vendor
// sets `gatewayClass`, `cluster: 'existing'` and `kubeconfig` instead.
import { expect, it } from 'vitest';
import { CONFORMANCE_TESTS, runConformance } from 'grpcroute-conformance';
import { tests as vendorTests } from './vendor-tests.ts';

const OURS = ['GRPCExactMethodMatching', 'GRPCRouteHeaderMatching'];

it('passes the chosen GRPCRoute conformance tests and our own', async () => {
  const outcome = await runConformance({
    config: { supportedFeatures: ['Gateway', 'GRPCRoute'], reportDir: 'reports/vendor' },
    tests: [...CONFORMANCE_TESTS.filter((t) => OURS.includes(t.name)), ...vendorTests],
    // The suite runs its tests in a worker process, which imports this module again.
    testModules: [new URL('./vendor-tests.ts', import.meta.url)],
  });
  const failed = outcome.run.tests.filter((t) => t.outcome === 'failed');
  expect(failed.map((t) => `${t.name}: ${t.error}`)).toEqual([]);
  expect(outcome.run.tests.map((t) => [t.name, t.outcome])).toEqual([
    ['GRPCExactMethodMatching', 'passed'],
    ['GRPCRouteHeaderMatching', 'passed'],
    ['VendorEchoRoute', 'passed'],
  ]);
  expect(outcome.exitCode).toBe(0);
}, 600_000);
