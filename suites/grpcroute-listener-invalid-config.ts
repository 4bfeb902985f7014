import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const GATEWAY = { name: 'grpcroute-listener-invalid' };

export const grpcRouteListenerInvalidConfig = defineConformanceTest({
  name: 'GRPCRouteListenerInvalidConfig',
  description:
    'An unsupported protocol is Accepted=False UnsupportedProtocol and still reports attachedRoutes 0; a kind the protocol cannot carry, ' +
    'or an unknown kind, makes ResolvedRefs=False InvalidRouteKinds and is not listed in supportedKinds, while valid kinds beside it are',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-listener-invalid-config.yaml'],
  specRefs: [125, 127, 128, 130, 131, 132],
  async run(t) {
    const invalidKinds = { type: 'ResolvedRefs', status: 'False', reason: 'InvalidRouteKinds' } as const;
    await t.cases(
      [
        {
          name: 'unknown-protocol: Accepted=False UnsupportedProtocol, attachedRoutes 0',
          listener: 'unknown-protocol',
          conditions: [{ type: 'Accepted', status: 'False', reason: 'UnsupportedProtocol' }],
          attached: 0,
          kinds: undefined,
        },
        {
          name: 'incompatible-kind: TCPRoute on HTTP is InvalidRouteKinds and not listed',
          listener: 'incompatible-kind',
          conditions: [invalidKinds],
          attached: 0,
          kinds: [],
        },
        {
          name: 'mixed-kinds: the unknown kind is InvalidRouteKinds, GRPCRoute is listed and admits its route',
          listener: 'mixed-kinds',
          conditions: [invalidKinds],
          attached: 1,
          kinds: ['GRPCRoute'],
        },
      ] as const,
      async (c) => {
        await t.kube.listenerMustHaveConditions(GATEWAY, c.listener, c.conditions);
        await t.kube.listenerMustHaveAttachedRoutes(GATEWAY, c.listener, c.attached, c.kinds);
      },
    );
  },
});
