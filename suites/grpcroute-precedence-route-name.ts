import { Feature } from '../harness/features/features.ts';
import type { TestContext } from '../harness/runner/context.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'prec-name.grpc.example';
const ECHO_SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
const ATTEMPTS = 5;

interface NamedRoute {
  readonly namespace: string;
  readonly name: string;
  readonly backend: string;
  /** A method only this route matches, to see when the data plane serves it. */
  readonly ownMethod: string;
}

// app-backend/prec-name-z is first by "{namespace}/{name}" although its name alone sorts last.
const APP: NamedRoute = { namespace: 'grpc-conformance-app-backend', name: 'prec-name-z', backend: 'prec-name-app-backend', ownMethod: 'EchoThree' };
const WEB: NamedRoute = { namespace: 'grpc-conformance-web-backend', name: 'prec-name-a', backend: 'prec-name-web-backend', ownMethod: 'EchoTwo' };

const routeObject = (r: NamedRoute): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'GRPCRoute',
  metadata: { name: r.name, namespace: r.namespace },
  spec: {
    parentRefs: [{ name: 'all-namespaces', namespace: 'grpc-conformance-infra', sectionName: 'http' }],
    hostnames: [HOST],
    rules: [r.ownMethod, 'Echo'].map((method) => ({ matches: [{ method: { service: ECHO_SERVICE, method } }], backendRefs: [{ name: r.backend, port: 8080 }] })),
  },
});

/** creationTimestamp has one-second resolution and cannot be set: create the pair until both land in one second. */
async function createInOneSecond(t: TestContext): Promise<{ app: string; web: string }> {
  const created = async (r: NamedRoute): Promise<string> =>
    (await t.kube.get({ kind: 'GRPCRoute', namespace: r.namespace, name: r.name }))?.metadata.creationTimestamp ?? '';
  for (let attempt = 1; ; attempt++) {
    await Promise.all([t.kube.apply([routeObject(WEB)]), t.kube.apply([routeObject(APP)])]);
    const [app, web] = await Promise.all([created(APP), created(WEB)]);
    t.log(`attempt ${attempt}: ${APP.namespace}/${APP.name} created ${app}, ${WEB.namespace}/${WEB.name} created ${web}`);
    if (app === web || attempt === ATTEMPTS) return { app, web };
    await Promise.all([APP, WEB].map((r) => t.kube.delete({ kind: 'GRPCRoute', namespace: r.namespace, name: r.name })));
  }
}

export const grpcRoutePrecedenceRouteName = defineConformanceTest({
  name: 'GRPCRoutePrecedenceRouteName',
  description:
    'Of two equally specific routes created in the same second, the first by "{namespace}/{name}" wins. The pair is re-created until both land in one ' +
    'second; if that never happens the case checks that the older route wins instead, and the result reports #44 as not exercised and does not cite it.',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-precedence-route-name.yaml'],
  specRefs: [43, 44, 93],
  async run(t) {
    const { app, web } = await createInOneSecond(t);
    const winner = app === web ? APP : Date.parse(app) < Date.parse(web) ? APP : WEB;
    // Without a shared second only age (#43) decides; crediting the name order then would be a pass that checked nothing.
    if (app !== web) t.notExercised(44, `no ${ATTEMPTS} attempts put both routes in one creation second (${app} vs ${web})`);
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'all-namespaces', listeners: ['http'] },
      routes: [APP, WEB].map(({ namespace, name }) => ({ namespace, name })),
    });
    await t.grpc.expectCases(gw, [
      { name: `${WEB.name} is served`, call: { method: WEB.ownMethod, authority: HOST }, expect: { backend: WEB.backend, namespace: WEB.namespace } },
      {
        name: `${APP.name} is served (its backend answers EchoThree with UNIMPLEMENTED)`,
        call: { method: APP.ownMethod, authority: HOST },
        expect: { code: Code.UNIMPLEMENTED, backend: APP.backend, namespace: APP.namespace },
      },
    ]);
    await t.grpc.expectCases(gw, [
      {
        name: app === web ? 'created in the same second: the first by namespace/name wins' : 'created in different seconds: the older route wins (#43)',
        call: { method: 'Echo', authority: HOST },
        expect: { backend: winner.backend, namespace: winner.namespace, authority: HOST },
      },
    ]);
  },
});
