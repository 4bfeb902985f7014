import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { expectWeightedSplit } from '../harness/stats/expect-weighted-split.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'mixed-backends.grpc.example';
// expectWeightedSplit labels every non-OK answer `grpc-status-<code>`, so the invalid backend's share
// is the UNAVAILABLE label; any other code (e.g. UNKNOWN from a bare 500) rejects at once.
const UNAVAILABLE_SHARE = `grpc-status-${Code.UNAVAILABLE}`;

export const grpcRouteMixedValidInvalidBackends = defineConformanceTest({
  name: 'GRPCRouteMixedValidInvalidBackends',
  description: 'With weights 3:1 on a live and a missing Service, a quarter of the RPCs get UNAVAILABLE and the rest reach the live backend (sequential test, false failure ≤ 1e-4)',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-mixed-valid-invalid-backends.yaml'],
  specRefs: [70, 72, 74, 80],
  slow: true,
  async run(t) {
    await t.kube.routeMustHaveConditions({ name: 'mixed-valid-invalid-backends' }, GATEWAY, [
      { type: 'Accepted', status: 'True' },
      { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', messageIncludes: ['grpc-mixed-missing-backend'] },
    ]);
    const gw = await t.kube.gatewayAddress({ name: GATEWAY.name }, GATEWAY.sectionName);
    const observed = await t.step('3:1 split: 75 % OK from grpc-infra-backend-v1, 25 % UNAVAILABLE', () =>
      expectWeightedSplit(t.grpc, gw, {
        call: { method: 'Echo', authority: HOST },
        namespace: t.namespaces.infra,
        weights: { 'grpc-infra-backend-v1': 3, [UNAVAILABLE_SHARE]: 1 },
      }),
    );
    t.log(`3:1 valid/invalid: ${JSON.stringify(observed)}`);
  },
});
