import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const PARENT = { name: 'cross-serving-exclusive', sectionName: 'http' };
const OLDER_GRPC = 'cross-serving-z-grpc';
const NEWER_HTTP = 'cross-serving-a-http';

/** Sorts first by namespace/name, so only its younger age can make it lose (#21 against #22). */
const HTTP_ROUTE: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: NEWER_HTTP, namespace: 'grpc-conformance-infra' },
  spec: {
    parentRefs: [{ name: PARENT.name, sectionName: PARENT.sectionName }],
    hostnames: ['shared.cross-serving.example'],
    rules: [{ backendRefs: [{ name: 'grpc-infra-backend-v1', port: 8080 }] }],
  },
};

export const grpcRouteCrossServingExclusive = defineConformanceTest({
  name: 'GRPCRouteCrossServingExclusive',
  description:
    'A GRPCRoute and a younger HTTPRoute (first by name) with intersecting hostnames on one listener: the older GRPCRoute keeps the listener, ' +
    'the HTTPRoute gets Accepted=False; a GRPCRoute with its own hostname is unaffected. Equal age (#22) is not staged',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteCrossServingExclusive],
  manifests: ['grpcroute-cross-serving-exclusive.yaml'],
  specRefs: [20, 21, 23],
  async run(t) {
    await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: PARENT.name, listeners: [PARENT.sectionName] }, routes: [{ name: OLDER_GRPC }] });
    const created = async (name: string, kind = 'GRPCRoute'): Promise<number> => Date.parse((await t.kube.get({ kind, name }))?.metadata.creationTimestamp ?? '');
    const olderCreated = await created(OLDER_GRPC);
    // creationTimestamp has one-second resolution: the HTTPRoute must land in a later second by the API server's own clock.
    let probes = 0;
    await t.step('the API server clock passes the GRPCRoute creation second', () =>
      t.grpc.converge(
        `a new probe ConfigMap created after ${new Date(olderCreated).toISOString()}`,
        async () => {
          const name = `cross-serving-clock-probe-${++probes}`;
          await t.kube.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: {} }]);
          const probeCreated = await created(name, 'ConfigMap');
          if (!(probeCreated > olderCreated)) throw new Error(`probe ${name} was created at ${new Date(probeCreated).toISOString()}`);
        },
        { successes: 1 },
      ),
    );
    await t.kube.apply([HTTP_ROUTE]);
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: PARENT.name, listeners: [PARENT.sectionName] },
      routes: [{ name: 'cross-serving-c-separate' }],
    });
    // No reason is defined for the loser (digest §7), so only the status is asserted.
    await t.cases(
      [
        { name: 'the older GRPCRoute keeps the hostname: Accepted=True', route: { name: OLDER_GRPC }, status: 'True' as const },
        { name: 'the younger HTTPRoute is rejected: Accepted=False', route: { name: NEWER_HTTP, kind: 'HTTPRoute' as const }, status: 'False' as const },
      ],
      ({ route, status }) => t.kube.routeMustHaveConditions(route, PARENT, [{ type: 'Accepted', status }]),
    );
    await t.grpc.expectCases(gw, [
      {
        name: 'the older GRPCRoute still routes the shared hostname',
        call: { method: 'Echo', authority: 'shared.cross-serving.example' },
        expect: { backend: 'grpc-infra-backend-v1' },
      },
      {
        name: 'the GRPCRoute with its own hostname still routes',
        call: { method: 'Echo', authority: 'separate.cross-serving.example' },
        expect: { backend: 'grpc-infra-backend-v2', authority: 'separate.cross-serving.example' },
      },
    ]);
  },
});
