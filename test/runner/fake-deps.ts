import type { GrpcHelpers } from '../../harness/grpc/types.ts';
import type { KubeHelpers } from '../../harness/kube/types.ts';
import type { RunFacts } from '../../harness/run/facts.ts';
import type { TestDeps } from '../../harness/runner/test-deps.ts';
import { finalizeConfig } from '../../harness/config/finalize-config.ts';
import type { ResolvedConfig } from '../../harness/config/types.ts';
import { FEATURES } from '../../harness/features/features.ts';

/** Facts of a pretend run; nothing here reaches a cluster. */
export const FAKE_FACTS: RunFacts = {
  runId: 'rfake',
  kubeconfigPath: '/tmp/fake-kubeconfig',
  gatewayClass: 'grpcroute-reference',
  controllerName: 'grpcroute-conformance.dev/reference-gateway',
  gatewayAPIVersion: 'v1.4.0',
  gatewayAPIChannel: 'standard',
  supportedFeatures: FEATURES.map((f) => f.name),
  featureSource: 'inferred',
  namespaces: { infra: 'grpc-conformance-infra', app: 'grpc-conformance-app-backend', web: 'grpc-conformance-web-backend' },
  certificates: { caPem: '', otherCaPem: '' },
  dial: { lowPortOffset: 10000, gatewayAddresses: {} },
  staticAddresses: {},
};

export function fakeConfig(overrides: Parameters<typeof finalizeConfig>[0] = {}): ResolvedConfig {
  return finalizeConfig(overrides, { cwd: '/tmp', runId: 'rfake' });
}

export interface FakeLog {
  readonly events: string[];
}

/**
 * Kube and gRPC fakes that record what the runner did with them: applied fixtures, cleanup
 * registrations, diagnostics. Only the members the runner itself touches are implemented.
 */
export function fakeDeps(log: FakeLog, options: { failFixture?: string } = {}): TestDeps {
  return {
    createKubeHelpers: (deps) =>
      ({
        applyFixture: async (path: string) => {
          if (path === options.failFixture) throw new Error(`cannot apply ${path}`);
          log.events.push(`apply ${path}`);
          deps.cleanup(async () => {
            log.events.push(`delete ${path}`);
          });
          return [];
        },
      }) as unknown as KubeHelpers,
    createGrpcHelpers: (deps) =>
      ({
        send: async () => {
          deps.recordCase?.({ name: 'recorded by grpc', outcome: 'passed', durationMs: 1 });
          return { code: 0 };
        },
      }) as unknown as GrpcHelpers,
    collectDiagnostics: async (_facts, testName) => {
      log.events.push(`diagnostics ${testName}`);
      return { resourcesYaml: `kind: GRPCRoute # ${testName}` };
    },
  };
}
