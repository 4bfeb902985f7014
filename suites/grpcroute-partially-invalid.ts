import { Feature } from '../harness/features/features.ts';
import { ECHO_SERVICE, type GrpcCase } from '../harness/grpc/types.ts';
import type { KubeObject, ObjectRef } from '../harness/kube/types.ts';
import type { TestContext } from '../harness/runner/context.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const ROUTE = { kind: 'GRPCRoute', name: 'partially-invalid' } as const;
const ALL_VALID = { kind: 'GRPCRoute', name: 'partially-invalid-all-valid' } as const;
const ALL_INVALID = { kind: 'GRPCRoute', name: 'partially-invalid-all-invalid' } as const;
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'partially-invalid.grpc.example';

interface Entry {
  readonly controllerName: string;
  readonly parentRef: { readonly name: string; readonly sectionName?: string };
  readonly conditions?: readonly { type: string; status: string; message?: string; observedGeneration?: number }[];
}

const ourConditions = (t: TestContext, route: KubeObject) =>
  ((route.status as { parents?: Entry[] } | undefined)?.parents ?? []).find(
    (p) => p.controllerName === t.kube.controllerName && p.parentRef.name === PARENT.name && p.parentRef.sectionName === PARENT.sectionName,
  )?.conditions ?? [];

const conflictingRule = {
  matches: [{ method: { service: ECHO_SERVICE, method: 'EchoTwo' } }],
  filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-conflict', value: 'set' }], remove: ['X-Conflict'] } }],
  backendRefs: [{ name: 'grpc-infra-backend-v2', port: 8080 }],
};

// Both allowed approaches serve the same here: dropping the new rule, or falling back to generation 1 which never had it.
const CASES: readonly GrpcCase[] = [
  { name: 'the valid rule still routes Echo', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v1', authority: HOST } },
  {
    name: 'the invalid rule routes nothing: EchoTwo gets the gateway\'s UNIMPLEMENTED',
    call: { method: 'EchoTwo', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
];

/** "Dropped Rule" at the current generation, or "Fall Back" with Accepted at the last good one. */
function droppedOrFellBack(t: TestContext, lastGood: number) {
  return (route: KubeObject): boolean => {
    const conditions = ourConditions(t, route);
    const accepted = conditions.find((c) => c.type === 'Accepted' && c.status === 'True');
    const partial = conditions.find((c) => c.type === 'PartiallyInvalid' && c.status === 'True');
    if (!accepted || !partial) return false;
    const generation = route.metadata.generation;
    if (partial.message?.startsWith('Dropped Rule')) return accepted.observedGeneration === generation && partial.observedGeneration === generation;
    return (partial.message?.startsWith('Fall Back') ?? false) && accepted.observedGeneration === lastGood;
  };
}

const noPartiallyInvalid = (t: TestContext, ref: ObjectRef) =>
  t.kube.objectMustSatisfy(ref, 'no PartiallyInvalid condition in our entry, at the current generation', (route) => {
    const conditions = ourConditions(t, route);
    return conditions.length > 0 && conditions.every((c) => c.type !== 'PartiallyInvalid' && c.observedGeneration === route.metadata.generation);
  });

export const grpcRoutePartiallyInvalid = defineConformanceTest({
  name: 'GRPCRoutePartiallyInvalid',
  description: 'A rule added with one header in both set and remove is invalid: the route either drops it ("Dropped Rule", Accepted at the current generation) or falls back ("Fall Back", Accepted at the last good generation), and keeps serving the valid rule; fully valid and fully invalid routes carry no PartiallyInvalid',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteRequestHeaderModifier],
  manifests: ['grpcroute-partially-invalid.yaml'],
  specRefs: [56, 94, 103, 107, 108, 109, 111, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: PARENT.name, listeners: [PARENT.sectionName] }, routes: [ROUTE, ALL_VALID] });
    const valid = await t.kube.get(ROUTE);
    const lastGood = valid?.metadata.generation ?? 1;
    await t.step('a fully valid route carries no PartiallyInvalid', () => noPartiallyInvalid(t, ALL_VALID));
    await t.step('a fully invalid route is Accepted=False and carries no PartiallyInvalid', async () => {
      await t.kube.routeMustHaveConditions(ALL_INVALID, PARENT, [{ type: 'Accepted', status: 'False' }]);
      await noPartiallyInvalid(t, ALL_INVALID);
    });

    const rules = (valid?.spec as { rules: unknown[] }).rules;
    await t.kube.patch(ROUTE, { spec: { rules: [...rules, conflictingRule] } });
    await t.step('PartiallyInvalid=True: "Dropped Rule" with Accepted at the current generation, or "Fall Back" with Accepted at the last good one', () =>
      t.kube.objectMustSatisfy(ROUTE, 'Accepted=True and PartiallyInvalid=True per one of the two allowed approaches', droppedOrFellBack(t, lastGood)),
    );
    await t.grpc.expectCases(gw, CASES);
  },
});
