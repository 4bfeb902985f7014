import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const ROUTE = 'partially-invalid';
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'partially-invalid.grpc.example';

const CASES: readonly GrpcCase[] = [
  { name: 'the valid rule still routes Echo', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v1', authority: HOST } },
  {
    name: 'the dropped rule routes nothing: EchoTwo gets the gateway\'s UNIMPLEMENTED',
    call: { method: 'EchoTwo', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
];

export const grpcRoutePartiallyInvalid = defineConformanceTest({
  name: 'GRPCRoutePartiallyInvalid',
  description: 'A rule whose header filter names one header in set and remove is dropped: the route stays Accepted with PartiallyInvalid=True UnsupportedValue "Dropped Rule…", and only the valid rule routes',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteRequestHeaderModifier],
  manifests: ['grpcroute-partially-invalid.yaml'],
  specRefs: [56, 94, 107, 108, 114],
  async run(t) {
    await t.step('Accepted=True and PartiallyInvalid=True UnsupportedValue at the current generation', () =>
      t.kube.routeMustHaveConditions({ name: ROUTE }, PARENT, [
        { type: 'Accepted', status: 'True' },
        { type: 'PartiallyInvalid', status: 'True', reason: 'UnsupportedValue' },
      ]),
    );
    await t.step('the PartiallyInvalid message starts with "Dropped Rule"', () =>
      t.kube.objectMustSatisfy({ kind: 'GRPCRoute', name: ROUTE }, 'PartiallyInvalid message starting "Dropped Rule"', (route: KubeObject) => {
        const parents = (route.status as { parents?: { controllerName: string; conditions?: { type: string; message?: string }[] }[] } | undefined)?.parents ?? [];
        const condition = parents.find((p) => p.controllerName === t.kube.controllerName)?.conditions?.find((c) => c.type === 'PartiallyInvalid');
        return condition?.message?.startsWith('Dropped Rule') ?? false;
      }),
    );
    const gw = await t.kube.gatewayAddress({ name: PARENT.name }, PARENT.sectionName);
    await t.grpc.expectCases(gw, CASES);
  },
});
