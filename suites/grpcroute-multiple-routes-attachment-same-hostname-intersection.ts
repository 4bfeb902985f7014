import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const NAMESPACE = 'grpc-conformance-infra';
const HOST = 'abc.same-intersection.grpc.example';

/**
 * Upstream v1.7.0's two cases. In each, the fixture's older route and the newer one created here
 * intersect the listener to the same hostname; the newer one also sorts last by name, so age and name
 * both favour the older route and only its more specific original hostname can make the newer one win.
 */
const CASES = [
  {
    name: 'an exact route hostname beats an older wildcard one with the same intersection',
    gateway: 'same-intersection-exact-listener',
    older: 'same-intersection-a-older-wildcard',
    newer: 'same-intersection-z-newer-exact',
    newerHostname: HOST,
  },
  {
    name: 'a more specific wildcard route hostname beats an older less specific one with the same intersection',
    gateway: 'same-intersection-wildcard-listener',
    older: 'same-intersection-a-older-shorter-wildcard',
    newer: 'same-intersection-z-newer-longer-wildcard',
    newerHostname: '*.same-intersection.grpc.example',
  },
];

function newerRoute(name: string, gateway: string, hostname: string): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name, namespace: NAMESPACE },
    spec: { parentRefs: [{ name: gateway }], hostnames: [hostname], rules: [{ backendRefs: [{ name: 'grpc-infra-backend-v2', port: 8080 }] }] },
  };
}

export const grpcRouteMultipleRoutesAttachmentSameHostnameIntersection = defineConformanceTest({
  name: 'GRPCRouteMultipleRoutesAttachmentSameHostnameIntersection',
  description: 'Routes on one listener with the same hostname intersection are ranked by their original hostnames, not by age',
  features: [Feature.Gateway, Feature.GatewayRouteHostnameIntersectionPrecedence, Feature.GRPCRoute],
  manifests: ['grpcroute-multiple-routes-attachment-same-hostname-intersection.yaml'],
  specRefs: [38, 39, 43, 93],
  async run(t) {
    const created = async (name: string, kind = 'GRPCRoute'): Promise<number> => Date.parse((await t.kube.get({ kind, name }))?.metadata.creationTimestamp ?? '');
    await t.cases(CASES, async (c) => {
      const gateway = { name: c.gateway };
      await t.kube.gatewayAndRoutesMustBeAccepted({ gateway, routes: [{ name: c.older }] });
      const olderCreated = await created(c.older);
      // creationTimestamp has one-second resolution: the newer route must be created in a later second by the API server's own clock.
      let probes = 0;
      await t.step('the API server clock passes the older route creation second', () =>
        t.grpc.converge(
          `a new probe ConfigMap created after ${new Date(olderCreated).toISOString()}`,
          async () => {
            const name = `${c.newer}-clock-probe-${++probes}`;
            await t.kube.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: {} }]);
            const probeCreated = await created(name, 'ConfigMap');
            if (!(probeCreated > olderCreated)) throw new Error(`probe ${name} was created at ${new Date(probeCreated).toISOString()}`);
          },
          { successes: 1 },
        ),
      );
      await t.kube.apply([newerRoute(c.newer, c.gateway, c.newerHostname)]);
      const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway, routes: [{ name: c.older }, { name: c.newer }] });
      await t.grpc.expectEventually(gw, {
        name: `${HOST} goes to the newer route's grpc-infra-backend-v2`,
        call: { method: 'Echo', authority: HOST },
        expect: { backend: 'grpc-infra-backend-v2', authority: HOST },
      });
    });
  },
});
