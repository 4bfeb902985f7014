import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const ROUTE = { name: 'mirror-ref-not-permitted' };
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'mirror-ref-not-permitted.grpc.example';

const CASES: readonly GrpcCase[] = [
  {
    name: 'the ungranted mirror is left out: Echo is still answered by the primary backend',
    call: { method: 'Echo', authority: HOST },
    expect: { backend: 'grpc-infra-backend-v1', authority: HOST },
  },
];

export const grpcRouteMirrorRefNotPermitted = defineConformanceTest({
  name: 'GRPCRouteMirrorRefNotPermitted',
  description: 'A RequestMirror backendRef to another namespace without a ReferenceGrant gives ResolvedRefs=False RefNotPermitted; the route stays Accepted and the primary backend keeps answering',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.ReferenceGrant, Feature.GRPCRouteRequestMirror],
  manifests: ['grpcroute-mirror-ref-not-permitted.yaml'],
  // Not #61: its "not configured" half is unobservable here (the ungranted Service has no pods, and an
  // absent copy needs an ordering marker the mirror path cannot give), so the status half alone is no citation.
  specRefs: [93, 103],
  async run(t) {
    await t.step('Accepted=True, ResolvedRefs=False RefNotPermitted', () =>
      t.kube.routeMustHaveConditions(ROUTE, PARENT, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' },
      ]),
    );
    const gw = await t.kube.gatewayAddress({ name: PARENT.name }, PARENT.sectionName);
    await t.grpc.expectCases(gw, CASES);
  },
});
