import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const ROUTE = 'extension-ref-unresolved';
const HOST = 'extension-ref-unresolved.grpc.example';

interface Condition {
  type: string;
  status: string;
  observedGeneration?: number;
}

export const grpcRouteExtensionRefUnresolved = defineConformanceTest({
  name: 'GRPCRouteExtensionRefUnresolved',
  description: 'An ExtensionRef filter that cannot be resolved is reported in route status (ResolvedRefs=False or Accepted=False) and is never skipped: RPCs get a gateway-made error',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteExtensionRef],
  manifests: ['grpcroute-extension-ref-unresolved.yaml'],
  specRefs: [65, 66, 67],
  async run(t) {
    // The spec names no condition for this; either a False ResolvedRefs or a False Accepted reports it.
    const reported = (route: KubeObject): boolean => {
      const parents = (route.status as { parents?: { controllerName: string; conditions?: Condition[] }[] } | undefined)?.parents ?? [];
      const ours = parents.find((p) => p.controllerName === t.kube.controllerName);
      return (ours?.conditions ?? []).some(
        (c) => (c.type === 'ResolvedRefs' || c.type === 'Accepted') && c.status === 'False' && c.observedGeneration === route.metadata.generation,
      );
    };
    await t.step('route status reports the unresolved filter (ResolvedRefs=False or Accepted=False)', () =>
      t.kube.objectMustSatisfy({ kind: 'GRPCRoute', name: ROUTE }, 'ResolvedRefs=False or Accepted=False at the current generation', reported),
    );
    const gw = await t.kube.gatewayAddress({ name: 'same-namespace' }, 'http');
    await t.grpc.expectCases(gw, [
      {
        name: 'RPCs through the unresolved filter get an error made by the gateway, not the backend\'s answer',
        call: { method: 'Echo', authority: HOST },
        expect: { anyError: true, answeredBy: 'gateway' },
      },
    ]);
  },
});
