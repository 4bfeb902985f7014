import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'prec-name.grpc.example';
const APP = { namespace: 'grpc-conformance-app-backend', name: 'prec-name-z', backend: 'prec-name-app-backend' };
const WEB = { namespace: 'grpc-conformance-web-backend', name: 'prec-name-a', backend: 'prec-name-web-backend' };

export const grpcRoutePrecedenceRouteName = defineConformanceTest({
  name: 'GRPCRoutePrecedenceRouteName',
  description:
    'Of two equally specific routes created in the same second, the first by "{namespace}/{name}" wins (app-backend/prec-name-z over web-backend/prec-name-a). ' +
    'Creation seconds cannot be forced: when they differ, the case checks that the older route wins instead, and says so.',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-precedence-route-name.yaml'],
  specRefs: [43, 44, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'all-namespaces', listeners: ['http'] },
      routes: [APP, WEB].map(({ namespace, name }) => ({ namespace, name })),
    });
    const created = async (route: typeof APP): Promise<string> =>
      (await t.kube.get({ kind: 'GRPCRoute', namespace: route.namespace, name: route.name }))?.metadata.creationTimestamp ?? '';
    const [appCreated, webCreated] = await Promise.all([created(APP), created(WEB)]);
    // The web route was applied first, so when the seconds differ it is the older one.
    const sameSecond = appCreated === webCreated;
    const winner = sameSecond ? APP : WEB;
    t.log(`creationTimestamps: ${APP.namespace}/${APP.name} ${appCreated}, ${WEB.namespace}/${WEB.name} ${webCreated}`);

    await t.grpc.expectCases(gw, [
      {
        name: `${WEB.name} is served (its own EchoTwo rule)`,
        call: { method: 'EchoTwo', authority: HOST },
        expect: { backend: WEB.backend, namespace: WEB.namespace },
      },
      {
        name: `${APP.name} is served (its own EchoThree rule, which the backend does not implement)`,
        call: { method: 'EchoThree', authority: HOST },
        expect: { code: Code.UNIMPLEMENTED, backend: APP.backend, namespace: APP.namespace },
      },
    ]);
    await t.grpc.expectCases(gw, [
      {
        name: sameSecond
          ? 'created in the same second: the first by namespace/name wins'
          : 'created in different seconds (name order NOT tested): the older route wins',
        call: { method: 'Echo', authority: HOST },
        expect: { backend: winner.backend, namespace: winner.namespace, authority: HOST },
      },
    ]);
  },
});
