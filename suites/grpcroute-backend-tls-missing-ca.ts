import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const ROUTE = { name: 'backend-tls-missing-ca' };
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'backend-tls-missing-ca.grpc.example';

const CASES: readonly GrpcCase[] = [
  {
    name: 'a backend whose TLS requirement cannot be met is invalid: UNAVAILABLE',
    call: { method: 'Echo', authority: HOST },
    expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
  },
];

export const grpcRouteBackendTlsMissingCa = defineConformanceTest({
  name: 'GRPCRouteBackendTLSMissingCA',
  description: 'A BackendTLSPolicy whose caCertificateRefs names a ConfigMap that does not exist cannot be met: the route gets ResolvedRefs=False and RPCs to the backend fail UNAVAILABLE',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.BackendTLSPolicy],
  manifests: ['grpcroute-backend-tls-missing-ca.yaml'],
  specRefs: [76, 93],
  async run(t) {
    await t.step('Accepted=True, ResolvedRefs=False', () =>
      t.kube.routeMustHaveConditions(ROUTE, PARENT, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'False' },
      ]),
    );
    const gw = await t.kube.gatewayAddress({ name: PARENT.name }, PARENT.sectionName);
    await t.grpc.expectCases(gw, CASES);
  },
});
