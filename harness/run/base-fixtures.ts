import type { TimeoutConfig } from '../config/types.ts';
import { applyObjects, readFixture, type ApplyScope } from '../kube/apply.ts';
import { describeGateway, gatewayProblems } from '../kube/status.ts';
import { unlessPodsFail } from '../kube/pod-failures.ts';
import type { KubeObject } from '../kube/types.ts';
import { done, notYet, waitForObject } from '../kube/wait.ts';

/** Applied in this order (namespaces first, so everything else has somewhere to live). */
export const BASE_FIXTURES = ['base/namespaces.yaml', 'base/gateways.yaml', 'base/backends.yaml'] as const;

/**
 * Applies the shared namespaces, the run's certificates, Gateways and backends; each batch's cleanup
 * goes on `registerCleanup` (LIFO). Returns the applied objects.
 */
export async function applyBaseFixtures(
  scope: ApplyScope,
  certificateObjects: readonly KubeObject[],
  registerCleanup: (fn: () => Promise<void>) => void,
): Promise<KubeObject[]> {
  const [namespaces, ...rest] = BASE_FIXTURES.map(readFixture);
  const applied = await applyObjects(scope, namespaces ?? [], registerCleanup);
  applied.push(...(await applyObjects(scope, certificateObjects, registerCleanup)));
  for (const objects of rest) applied.push(...(await applyObjects(scope, objects, registerCleanup)));
  return applied;
}

/**
 * Every base Deployment has all replicas ready and every base Gateway is Accepted and Programmed
 * (like upstream's NamespacesMustBeReady), within timeouts.namespacesMustBeReady. A backend Pod
 * that cannot pull its image, crash-loops or cannot be scheduled ends the wait at once (PodFailureError).
 */
export function waitForBaseReady(scope: ApplyScope, applied: readonly KubeObject[], timeouts: TimeoutConfig, signal?: AbortSignal): Promise<void> {
  const deployments = applied.filter((o) => o.kind === 'Deployment');
  return unlessPodsFail(scope.client, deployments, signal, (waitSignal) => waitForAll(scope, applied, timeouts, waitSignal));
}

async function waitForAll(scope: ApplyScope, applied: readonly KubeObject[], timeouts: TimeoutConfig, signal: AbortSignal): Promise<void> {
  const options = (object: KubeObject, wanted: string) => ({
    object: `${object.kind} ${object.metadata.namespace}/${object.metadata.name}`,
    wanted,
    timeoutName: 'namespacesMustBeReady',
    timeoutMs: timeouts.namespacesMustBeReady,
    signal,
  });
  const waits = applied.map((object) => {
    const target = { apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name };
    if (object.kind === 'Deployment') {
      return waitForObject(scope.client, target, (d) => deploymentReadiness(d), options(object, 'all replicas ready'));
    }
    if (object.kind === 'Gateway') {
      return waitForObject(
        scope.client,
        target,
        (g) => {
          if (!g) return notYet('does not exist');
          const problems = gatewayProblems(g);
          return problems.length === 0 ? done(undefined) : notYet(`${problems.join('; ')} | ${describeGateway(g)}`);
        },
        options(object, 'Accepted=True, Programmed=True and ready listeners'),
      );
    }
    return Promise.resolve();
  });
  await Promise.all(waits);
}

function deploymentReadiness(deployment: KubeObject | undefined) {
  if (!deployment) return notYet('does not exist');
  const wanted = (deployment.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  const status = (deployment.status ?? {}) as { readyReplicas?: number; observedGeneration?: number; replicas?: number };
  const current = status.observedGeneration === undefined || status.observedGeneration >= (deployment.metadata.generation ?? 0);
  if (current && (status.readyReplicas ?? 0) >= wanted) return done(undefined);
  return notYet(
    `readyReplicas ${status.readyReplicas ?? 0}/${wanted}, observedGeneration ${status.observedGeneration ?? 'unset'} (generation ${deployment.metadata.generation ?? '?'})`,
  );
}
