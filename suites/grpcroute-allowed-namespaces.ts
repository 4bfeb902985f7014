import { Feature } from '../harness/features/features.ts';
import type { ConditionExpectation } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const GATEWAY = { name: 'grpcroute-allowed-namespaces' };
const APP = 'grpc-conformance-app-backend';
const WEB = 'grpc-conformance-web-backend';
const INFRA = 'grpc-conformance-infra';

/** Rejected for the namespace; no statement asks for ResolvedRefs on a route no listener admits, so it is not read. */
const NOT_ALLOWED: readonly ConditionExpectation[] = [{ type: 'Accepted', status: 'False', reason: 'NotAllowedByListeners' }];

/** [route namespace, route name, listener it pins, backend for accepted routes (undefined = must be rejected)]. */
const ROUTES: readonly [string, string, string, string | undefined][] = [
  [INFRA, 'allowed-ns-infra-same', 'same', 'grpc-infra-backend-v1'],
  [APP, 'allowed-ns-app-all', 'all', 'allowed-ns-app-backend'],
  [WEB, 'allowed-ns-web-selector', 'selector', 'allowed-ns-web-backend'],
  [APP, 'allowed-ns-app-same', 'same', undefined],
  [INFRA, 'allowed-ns-infra-selector', 'selector', undefined],
];

export const grpcRouteAllowedNamespaces = defineConformanceTest({
  name: 'GRPCRouteAllowedNamespaces',
  description:
    'allowedRoutes.namespaces Same, All and Selector admit routes from the right namespaces only; a refused route is NotAllowedByListeners and is not counted',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-allowed-namespaces.yaml'],
  specRefs: [93, 114, 133, 134],
  async run(t) {
    const accepted = ROUTES.filter(([, , , backend]) => backend !== undefined);
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: GATEWAY, routes: accepted.map(([namespace, name]) => ({ namespace, name })) });
    await t.cases(
      ROUTES.map(([namespace, name, sectionName, backend]) => ({ name: `${namespace}/${name} on listener ${sectionName}`, namespace, route: name, sectionName, backend })),
      (c) =>
        t.kube.routeMustHaveConditions({ namespace: c.namespace, name: c.route }, { ...GATEWAY, sectionName: c.sectionName }, c.backend ? [
          { type: 'Accepted', status: 'True' },
          { type: 'ResolvedRefs', status: 'True' },
        ] : NOT_ALLOWED),
    );
    await t.step('each listener counts its one admitted route', () =>
      Promise.all(['same', 'all', 'selector'].map((listener) => t.kube.listenerMustHaveAttachedRoutes(GATEWAY, listener, 1))),
    );
    await t.grpc.expectCases(
      gw,
      accepted.map(([namespace, , sectionName, backend]) => {
        const authority = `${sectionName}.allowed-ns.example`;
        return { name: `${authority} reaches ${namespace}/${backend ?? ''}`, call: { method: 'Echo', authority }, expect: { backend, namespace, authority } };
      }),
    );
  },
});
