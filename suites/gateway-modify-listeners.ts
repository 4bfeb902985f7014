import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import type { TestContext } from '../harness/runner/context.ts';
import { describeListeners, hasLatestConditions, listenersMatch, type ExpectedListener } from './gateway-status.ts';

const serving = (name: string): ExpectedListener => ({
  name,
  supportedKinds: ['HTTPRoute'],
  conditions: [
    { type: 'Accepted', status: 'True' },
    { type: 'ResolvedRefs', status: 'True' },
  ],
  attachedRoutes: 1,
});

type Listener = { name: string };

/** Upstream's shape of the check: patch the listeners, then new listener statuses at a new generation. */
async function changeListeners(t: TestContext, gateway: string, change: (listeners: Listener[]) => Listener[], expected: readonly ExpectedListener[]) {
  const ref = { kind: 'Gateway', name: gateway };
  const original = await t.kube.objectMustSatisfy(ref, 'all conditions at the current generation', hasLatestConditions);
  await t.kube.patch(ref, { spec: { listeners: change((original.spec as { listeners: Listener[] }).listeners) } });
  const newer = (g: KubeObject) => (g.metadata.generation ?? 0) > (original.metadata.generation ?? 0);
  await t.kube.objectMustSatisfy(ref, `a new generation, conditions at it; ${describeListeners(expected)}`, (g) => newer(g) && hasLatestConditions(g) && listenersMatch(g, expected));
}

export const gatewayModifyListeners = defineConformanceTest({
  name: 'GatewayModifyListeners',
  description: 'Listeners added to a Gateway are reported and admit routes; removed listeners disappear from status',
  features: [Feature.Gateway],
  manifests: ['gateway-modify-listeners.yaml'],
  specRefs: [104, 129, 132, 133],
  async run(t) {
    await t.cases(
      [
        {
          name: 'should be able to add a listener that then becomes available for routing traffic',
          gateway: 'gateway-add-listener',
          change: (listeners: Listener[]) => [...listeners, { name: 'http', port: 80, protocol: 'HTTP', hostname: 'data.test.com', allowedRoutes: { namespaces: { from: 'All' } } }],
          expected: [serving('https'), serving('http')],
        },
        {
          name: 'should be able to remove listeners, which would then stop routing the relevant traffic',
          gateway: 'gateway-remove-listener',
          change: (listeners: Listener[]) => listeners.filter((l) => l.name === 'http'),
          expected: [serving('http')],
        },
      ],
      (c) => changeListeners(t, c.gateway, c.change, c.expected),
    );
  },
});
