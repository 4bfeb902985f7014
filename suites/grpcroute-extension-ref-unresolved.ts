import { Feature } from '../harness/features/features.ts';
import { ECHO_SERVICE } from '../harness/grpc/types.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const ROUTE = { kind: 'GRPCRoute', name: 'extension-ref-unresolved' } as const;
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'extension-ref-unresolved.grpc.example';
// Any error but OK and the gateway's "no route" answer: the rule exists, only its filter failed.
const FILTER_ERRORS = Object.values(Code).filter((c) => c !== Code.OK && c !== Code.UNIMPLEMENTED);

interface Condition {
  type: string;
  status: string;
  observedGeneration?: number;
}

const rule = (method: string, backend: string, filters: readonly unknown[] = []) => ({
  matches: [{ method: { service: ECHO_SERVICE, method } }],
  ...(filters.length > 0 ? { filters } : {}),
  backendRefs: [{ name: backend, port: 8080 }],
});

export const grpcRouteExtensionRefUnresolved = defineConformanceTest({
  name: 'GRPCRouteExtensionRefUnresolved',
  description: 'An ExtensionRef filter that cannot be resolved is reported in route status and is never skipped: RPCs through it get a gateway-made error other than "no route", while a sibling rule routes; without the filter the same RPC reaches the backend',
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
      t.kube.objectMustSatisfy(ROUTE, 'ResolvedRefs=False or Accepted=False at the current generation', reported),
    );
    const gw = await t.kube.gatewayAddress({ name: PARENT.name }, PARENT.sectionName);
    await t.grpc.expectCases(gw, [
      {
        name: 'Echo passes the unresolved filter: a gateway-made error that is not the "no route" UNIMPLEMENTED',
        call: { method: 'Echo', authority: HOST },
        expect: { codeOneOf: FILTER_ERRORS, answeredBy: 'gateway' },
      },
      {
        name: 'EchoTwo, a sibling rule without the filter, reaches grpc-infra-backend-v2',
        call: { method: 'EchoTwo', authority: HOST },
        expect: { backend: 'grpc-infra-backend-v2', authority: HOST },
      },
    ]);

    // Without the filter the same RPC must be routed: the error above came from the filter, not a missing route.
    await t.kube.patch(ROUTE, { spec: { rules: [rule('Echo', 'grpc-infra-backend-v1'), rule('EchoTwo', 'grpc-infra-backend-v2')] } });
    await t.step('without the filter the route is Accepted and ResolvedRefs at the new generation', () =>
      t.kube.routeMustHaveConditions(ROUTE, PARENT, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'True' },
      ]),
    );
    await t.grpc.expectCases(gw, [
      {
        name: 'with the filter patched out, Echo reaches grpc-infra-backend-v1',
        call: { method: 'Echo', authority: HOST },
        expect: { backend: 'grpc-infra-backend-v1', authority: HOST },
      },
    ]);
  },
});
