import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'prec-age.grpc.example';
const GATEWAY = { name: 'same-namespace', listeners: ['http'] };
const OLDER = 'prec-age-b-older';
const NEWER = 'prec-age-a-newer';

/**
 * Same parent, hostname and Echo match as the fixture's older route; it sorts first by name, so only age can
 * lose it. Its EchoTwo rule, which only it has, shows when the data plane serves it.
 */
const NEWER_ROUTE: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'GRPCRoute',
  metadata: { name: NEWER, namespace: 'grpc-conformance-infra' },
  spec: {
    parentRefs: [{ name: 'same-namespace', sectionName: 'http' }],
    hostnames: [HOST],
    rules: [
      {
        matches: [{ method: { service: 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho', method: 'Echo' } }],
        backendRefs: [{ name: 'grpc-infra-backend-v2', port: 8080 }],
      },
      {
        matches: [{ method: { service: 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho', method: 'EchoTwo' } }],
        backendRefs: [{ name: 'grpc-infra-backend-v2', port: 8080 }],
      },
    ],
  },
};

export const grpcRoutePrecedenceRouteAge = defineConformanceTest({
  name: 'GRPCRoutePrecedenceRouteAge',
  description: 'Of two routes with equally specific matches, the one with the older creationTimestamp wins, even when its name sorts last',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-precedence-route-age.yaml'],
  specRefs: [43, 93],
  async run(t) {
    await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: GATEWAY, routes: [{ name: OLDER }] });
    const created = async (name: string, kind = 'GRPCRoute'): Promise<number> =>
      Date.parse((await t.kube.get({ kind, name }))?.metadata.creationTimestamp ?? '');
    const olderCreated = await created(OLDER);

    // creationTimestamp has one-second resolution: the newer route must be created in a later second by the API server's own clock.
    let probes = 0;
    await t.step('the API server clock passes the older route creation second', () =>
      t.grpc.converge(
        `a new probe ConfigMap created after ${new Date(olderCreated).toISOString()}`,
        async () => {
          const name = `prec-age-clock-probe-${++probes}`;
          await t.kube.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: {} }]);
          const probeCreated = await created(name, 'ConfigMap');
          if (!(probeCreated > olderCreated)) throw new Error(`probe ${name} was created at ${new Date(probeCreated).toISOString()}`);
        },
        { successes: 1 },
      ),
    );
    await t.kube.apply([NEWER_ROUTE]);
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: GATEWAY, routes: [{ name: OLDER }, { name: NEWER }] });
    await t.step(`${NEWER} is newer by creationTimestamp`, async () => {
      const newerCreated = await created(NEWER);
      if (!(newerCreated > olderCreated)) throw new Error(`${NEWER} created ${newerCreated}, ${OLDER} created ${olderCreated}`);
    });
    await t.grpc.expectCases(gw, [
      { name: 'the newer route is served', call: { method: 'EchoTwo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v2', authority: HOST } },
    ]);
    await t.grpc.expectCases(gw, [
      { name: 'the older route wins Echo', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v1', authority: HOST } },
    ]);
  },
});
