import { isDeepStrictEqual } from 'node:util';
import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import type { TestContext } from '../harness/runner/context.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { hasLatestConditions } from './gateway-status.ts';

const GATEWAY = { kind: 'Gateway', name: 'gateway-preserve-foreign-conditions' } as const;
const LISTENER = 'http';
// Upstream's type for the seeded condition, so a report of ours and of upstream's seed the same thing.
const FOREIGN_TYPE = 'conformance.gateway.networking.k8s.io/StaleCondition';
const CONFLICT_ATTEMPTS = 5;

interface Condition {
  readonly type: string;
  readonly observedGeneration?: number;
}
interface Listener {
  readonly name: string;
  readonly conditions?: readonly Condition[];
}
interface GatewayStatus {
  readonly conditions?: readonly Condition[];
  readonly listeners?: readonly Listener[];
}

const statusOf = (g: KubeObject): GatewayStatus => (g.status ?? {}) as GatewayStatus;
const listenerOf = (g: KubeObject): Listener | undefined => statusOf(g).listeners?.find((l) => l.name === LISTENER);
const foreignIn = (conditions: readonly Condition[] | undefined): Condition | undefined => conditions?.find((c) => c.type === FOREIGN_TYPE);
const atGeneration = (g: KubeObject, conditions: readonly Condition[] | undefined): boolean =>
  (conditions ?? []).filter((c) => c.type !== FOREIGN_TYPE).every((c) => c.observedGeneration === g.metadata.generation);

interface Seeded {
  readonly gateway: Condition;
  readonly listener: Condition;
}

// Written the way another controller would: read, append its condition, write back conditionally.
async function seedForeignConditions(t: TestContext): Promise<Seeded> {
  for (let attempt = 1; ; attempt++) {
    const gw = await t.kube.objectMustSatisfy(GATEWAY, `status for listener ${LISTENER}`, (g) => listenerOf(g) !== undefined);
    const seed = { type: FOREIGN_TYPE, status: 'True', reason: 'Seeded', message: '', observedGeneration: gw.metadata.generation, lastTransitionTime: new Date().toISOString() };
    const status = statusOf(gw);
    const listeners = (status.listeners ?? []).map((l) => (l.name === LISTENER ? { ...l, conditions: [...(l.conditions ?? []), seed] } : l));
    const patch = { metadata: { resourceVersion: gw.metadata.resourceVersion }, status: { conditions: [...(status.conditions ?? []), seed], listeners } };
    try {
      // What the API server stored (it truncates lastTransitionTime to seconds) is what must survive.
      const stored = await t.kube.patchStatus(GATEWAY, patch);
      const gateway = foreignIn(statusOf(stored).conditions);
      const listener = foreignIn(listenerOf(stored)?.conditions);
      if (!gateway || !listener) throw new Error(`the API server did not store the seeded ${FOREIGN_TYPE} conditions`);
      return { gateway, listener };
    } catch (error) {
      if ((error as { status?: unknown }).status !== 409 || attempt >= CONFLICT_ATTEMPTS) throw error;
    }
  }
}

/**
 * A condition type the implementation does not own, on the Gateway and on one listener, must come
 * through a status rewrite unchanged (§12 102); the rewrite is proven by every own condition
 * reaching the new generation (§12 104).
 */
export const gatewayPreserveForeignConditions = defineConformanceTest({
  name: 'GatewayPreserveForeignConditions',
  description: 'An implementation must not remove or modify Gateway and Listener status conditions whose type it is not responsible for.',
  features: [Feature.Gateway],
  provisional: true,
  manifests: ['gateway-preserve-foreign-conditions.yaml'],
  specRefs: [101, 102, 104],
  async run(t) {
    await t.kube.objectMustSatisfy(GATEWAY, 'all conditions at the current generation', hasLatestConditions);
    const seeded = await t.step('another controller adds a condition to the Gateway and to listener http', () => seedForeignConditions(t));

    const before = await t.kube.objectMustSatisfy(GATEWAY, 'the Gateway exists', () => true);
    const listeners = (before.spec as { listeners: Record<string, unknown>[] }).listeners;
    await t.kube.patch(GATEWAY, { spec: { listeners: listeners.map((l, i) => (i === 0 ? { ...l, hostname: 'second.example.com' } : l)) } });

    const rewritten = (g: KubeObject): boolean =>
      (g.metadata.generation ?? 0) > (before.metadata.generation ?? 0) &&
      (statusOf(g).conditions ?? []).some((c) => c.type !== FOREIGN_TYPE) &&
      atGeneration(g, statusOf(g).conditions) &&
      (statusOf(g).listeners ?? []).every((l) => atGeneration(g, l.conditions));
    const preserved = (g: KubeObject): boolean =>
      isDeepStrictEqual(foreignIn(statusOf(g).conditions), seeded.gateway) && isDeepStrictEqual(foreignIn(listenerOf(g)?.conditions), seeded.listener);
    await t.kube.objectMustSatisfy(
      GATEWAY,
      `own conditions on the Gateway and every listener at the new generation; the seeded ${FOREIGN_TYPE} conditions unchanged`,
      (g) => rewritten(g) && preserved(g),
    );
  },
});
