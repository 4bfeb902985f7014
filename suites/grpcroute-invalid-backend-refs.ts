import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import type { ConditionExpectation } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'same-namespace', sectionName: 'http' };

const ROUTES: readonly { route: string; host: string; resolvedRefs: ConditionExpectation }[] = [
  {
    route: 'backend-not-found',
    host: 'backend-not-found.grpc.example',
    resolvedRefs: { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', messageIncludes: ['grpc-missing-backend'] },
  },
  {
    route: 'backend-invalid-kind',
    host: 'backend-invalid-kind.grpc.example',
    resolvedRefs: { type: 'ResolvedRefs', status: 'False', reason: 'InvalidKind', messageIncludes: ['ConfigMap'] },
  },
];

// Strictly UNAVAILABLE: the types say MUST (digest §11 #3); a bare HTTP 500 (UNKNOWN) fails.
const CASES: readonly GrpcCase[] = ROUTES.map(({ route, host }) => ({
  name: `${route}: every RPC gets a gateway-made UNAVAILABLE`,
  call: { method: 'Echo', authority: host },
  expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
}));

export const grpcRouteInvalidBackendRefs = defineConformanceTest({
  name: 'GRPCRouteInvalidBackendRefs',
  description: 'A missing Service gives ResolvedRefs=False BackendNotFound, a ConfigMap backend InvalidKind; both stay Accepted and their RPCs get UNAVAILABLE',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-invalid-backend-refs.yaml'],
  specRefs: [68, 69, 72, 73, 74, 93, 103],
  async run(t) {
    const statuses = ROUTES.map((r) => ({ ...r, name: `${r.route}: Accepted=True, ResolvedRefs=False ${r.resolvedRefs.reason ?? ''}` }));
    await t.cases(statuses, ({ route, resolvedRefs }) =>
      t.kube.routeMustHaveConditions({ name: route }, GATEWAY, [{ type: 'Accepted', status: 'True' }, resolvedRefs]),
    );
    const gw = await t.kube.gatewayAddress({ name: GATEWAY.name }, GATEWAY.sectionName);
    await t.grpc.expectCases(gw, CASES);
  },
});
