import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import type { ConditionExpectation, KubeObject } from '../harness/kube/types.ts';
import type { TestContext } from '../harness/runner/context.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'same-namespace', sectionName: 'http' };
// grpc-xns-backend-a exists in the app namespace, grpc-xns-backend-b does not. Whether a message
// reveals that is judged only by comparing the two (#91); no word is banned: "missing a
// ReferenceGrant?" or "grant not found" say nothing about the target.
const A = { route: 'xns-backend-a', host: 'xns-backend-a.grpc.example', service: 'grpc-xns-backend-a' };
const B = { route: 'xns-backend-b', host: 'xns-backend-b.grpc.example', service: 'grpc-xns-backend-b' };

const notPermitted = (service: string): ConditionExpectation[] => [
  { type: 'Accepted', status: 'True' },
  { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted', messageIncludes: [service] },
];
const unavailable = (target: typeof A): GrpcCase => ({
  name: `${target.route}: not permitted, the gateway answers UNAVAILABLE`,
  call: { method: 'Echo', authority: target.host },
  expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
});

/** The two RefNotPermitted messages differ in more than the names the routes themselves wrote. */
class ExistenceLeakError extends Error {
  readonly code = 'GRPCCONF_REF_NOT_PERMITTED_LEAK';
  constructor(readonly observed: { existing: string; missing: string }) {
    super(`RefNotPermitted messages differ between an existing and a missing target: ${JSON.stringify(observed)}`);
    this.name = 'ExistenceLeakError';
  }
}

async function resolvedRefsMessage(t: TestContext, target: typeof A): Promise<string> {
  const route = await t.kube.get({ kind: 'GRPCRoute', name: target.route });
  const parents = (route?.status as { parents?: { controllerName: string; conditions?: { type: string; message?: string }[] }[] } | undefined)?.parents ?? [];
  const message = parents.find((p) => p.controllerName === t.kube.controllerName)?.conditions?.find((c) => c.type === 'ResolvedRefs')?.message ?? '';
  return message.replaceAll(target.service, '<service>').replaceAll(target.route, '<route>').replaceAll(target.host, '<host>');
}

export const grpcRouteCrossNamespaceBackendRef = defineConformanceTest({
  name: 'GRPCRouteCrossNamespaceBackendRef',
  description: 'A cross-namespace backendRef is refused without a ReferenceGrant (without revealing whether the target exists), routed with one, and refused again once it is deleted',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.ReferenceGrant],
  manifests: ['grpcroute-cross-namespace-backend-ref.yaml'],
  specRefs: [69, 72, 75, 87, 88, 90, 91],
  async run(t) {
    const grant: KubeObject = {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'xns-backend-a-grant', namespace: t.namespaces.app },
      spec: {
        from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: t.namespaces.infra }],
        to: [{ group: '', kind: 'Service', name: A.service }],
      },
    };
    await t.cases(
      [A, B].map((target) => ({ ...target, name: `${target.route}: ResolvedRefs=False RefNotPermitted naming ${target.service}` })),
      (target) => t.kube.routeMustHaveConditions({ name: target.route }, GATEWAY, notPermitted(target.service)),
    );
    // Read in the convergence loop: a message still being rewritten is not a leak, one that keeps differing is.
    await t.step('the messages for an existing and a missing target are the same up to their names', () =>
      t.grpc.converge('the two RefNotPermitted messages agree', async () => {
        const [existing, missing] = await Promise.all([resolvedRefsMessage(t, A), resolvedRefsMessage(t, B)]);
        if (existing !== missing) throw new ExistenceLeakError({ existing, missing });
      }),
    );
    const gw = await t.kube.gatewayAddress({ name: GATEWAY.name }, GATEWAY.sectionName);
    await t.grpc.expectCases(gw, [unavailable(A), unavailable(B)]);

    await t.step('with a ReferenceGrant for grpc-xns-backend-a the route resolves', async () => {
      await t.kube.apply([grant]);
      await t.kube.routeMustHaveConditions({ name: A.route }, GATEWAY, [{ type: 'Accepted', status: 'True' }, { type: 'ResolvedRefs', status: 'True' }]);
    });
    await t.grpc.expectCases(gw, [
      {
        name: `${A.route}: granted, routed to ${A.service} in the app namespace`,
        call: { method: 'Echo', authority: A.host },
        expect: { backend: A.service, namespace: t.namespaces.app, authority: A.host },
      },
    ]);

    await t.step('deleting the ReferenceGrant revokes the reference', async () => {
      await t.kube.delete({ kind: 'ReferenceGrant', name: grant.metadata.name, namespace: t.namespaces.app });
      await t.kube.routeMustHaveConditions({ name: A.route }, GATEWAY, notPermitted(A.service));
    });
    await t.grpc.expectCases(gw, [{ ...unavailable(A), name: `${A.route}: grant deleted, the gateway answers UNAVAILABLE again` }]);
  },
});
