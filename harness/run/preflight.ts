import type { TimeoutConfig } from '../config/types.ts';
import { HarnessError } from '../errors.ts';
import type { KubeClient } from '../kube/client.ts';
import { KubeApiError, StatusTimeoutError, formatSeconds } from '../kube/errors.ts';
import { LABEL_KEEP, LABEL_MANAGED_BY, LABEL_RUN_ID, MANAGED_BY_VALUE } from '../kube/labels.ts';
import { conditionProblems, conditionsOf, describeConditions } from '../kube/status.ts';
import type { KubeObject } from '../kube/types.ts';
import { done, notYet, waitForObject } from '../kube/wait.ts';

const GATEWAY_V1 = 'gateway.networking.k8s.io/v1';
/** What GRPCRoute conformance cannot run without. */
const REQUIRED_KINDS: readonly { kind: string; apiVersions: readonly string[] }[] = [
  { kind: 'GatewayClass', apiVersions: [GATEWAY_V1] },
  { kind: 'Gateway', apiVersions: [GATEWAY_V1] },
  { kind: 'GRPCRoute', apiVersions: [GATEWAY_V1] },
  { kind: 'ReferenceGrant', apiVersions: ['gateway.networking.k8s.io/v1beta1', GATEWAY_V1] },
];
/** An API server that has not answered /version by then is not one we can run against. */
const REACHABILITY_TIMEOUT_MS = 10_000;
/** How long a GatewayClass that does not exist yet may take to appear (an install racing the run). */
const GATEWAY_CLASS_APPEAR_MS = 5_000;

/** One request to prove the API server answers and accepts our credentials. */
export async function checkApiReachable(client: KubeClient): Promise<void> {
  try {
    await client.getPath('/version', REACHABILITY_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof KubeApiError && (error.status === 401 || error.status === 403)) {
      throw new HarnessError(
        'GRPCCONF_API_UNAUTHORIZED',
        `the Kubernetes API server at ${client.server} refused our credentials (HTTP ${error.status}); check --kubeconfig and --context`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** Throws naming every missing Gateway API kind; returns the bundle version and channel of the CRDs. */
export async function checkGatewayApiCrds(client: KubeClient): Promise<{ version: string; channel: string }> {
  const missing: string[] = [];
  for (const required of REQUIRED_KINDS) {
    let served = false;
    for (const apiVersion of required.apiVersions) {
      if (await client.resource(apiVersion, required.kind)) served = true;
    }
    if (!served) missing.push(required.kind);
  }
  if (missing.length > 0) {
    throw new HarnessError(
      'GRPCCONF_CRDS_MISSING',
      `the cluster at ${client.server} does not serve the Gateway API kinds ${missing.join(', ')}; install the Gateway API CRDs (standard channel, v1.1 or newer; --gateway-api-version VERSION installs them) and the implementation under test`,
      { context: { missing } },
    );
  }
  return gatewayApiVersion(client);
}

/** From the CRDs' `gateway.networking.k8s.io/bundle-version` and `.../channel` annotations; 'UNDEFINED' when absent. */
export async function gatewayApiVersion(client: KubeClient): Promise<{ version: string; channel: string }> {
  let crd: KubeObject | undefined;
  try {
    if (await client.resource('apiextensions.k8s.io/v1', 'CustomResourceDefinition')) {
      crd = await client.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'grpcroutes.gateway.networking.k8s.io' });
    }
  } catch {
    crd = undefined; // Not allowed to read CRDs: the version is simply unknown.
  }
  const annotations = crd?.metadata.annotations ?? {};
  return {
    version: annotations['gateway.networking.k8s.io/bundle-version'] ?? 'UNDEFINED',
    channel: annotations['gateway.networking.k8s.io/channel'] ?? 'UNDEFINED',
  };
}

/**
 * The GatewayClass must exist (fails within a few seconds if it does not) and be Accepted=True at
 * its current generation within timeouts.gatewayClassMustBeAccepted. Returns it.
 */
export async function checkGatewayClass(client: KubeClient, name: string, timeouts: TimeoutConfig, signal?: AbortSignal): Promise<KubeObject> {
  const interruptible = signal ? { signal } : {};
  const key = { apiVersion: GATEWAY_V1, kind: 'GatewayClass', name };
  const appearMs = Math.min(GATEWAY_CLASS_APPEAR_MS, timeouts.gatewayClassMustBeAccepted);
  const exists = await waitForObject(client, key, (o) => (o ? done(true) : notYet('does not exist')), {
    object: `GatewayClass ${name}`,
    wanted: 'to exist',
    timeoutName: 'gatewayClassMustBeAccepted',
    timeoutMs: appearMs,
    ...interruptible,
  }).catch((error: unknown) => {
    if (error instanceof StatusTimeoutError) return false;
    throw error;
  });
  if (!exists) {
    throw new HarnessError(
      'GRPCCONF_GATEWAYCLASS_MISSING',
      `GatewayClass "${name}" does not exist; install the implementation under test or pass --gateway-class with an existing class`,
    );
  }
  try {
    return await waitForObject(
      client,
      key,
      (o) => {
        if (!o) return notYet('deleted');
        const conditions = conditionsOf(o.status);
        const problems = conditionProblems(conditions, [{ type: 'Accepted', status: 'True' }], o.metadata.generation);
        return problems.length === 0 ? done(o) : notYet(`generation ${o.metadata.generation ?? '?'}, conditions ${describeConditions(conditions)}`);
      },
      { object: `GatewayClass ${name}`, wanted: 'Accepted=True', timeoutName: 'gatewayClassMustBeAccepted', timeoutMs: timeouts.gatewayClassMustBeAccepted, ...interruptible },
    );
  } catch (error) {
    if (!(error instanceof StatusTimeoutError)) throw error;
    throw new HarnessError(
      'GRPCCONF_GATEWAYCLASS_NOT_ACCEPTED',
      `GatewayClass "${name}" is not Accepted after ${formatSeconds(error.timeoutMs)}: last state ${error.lastState}; check that the controller for it is running, or raise --timeouts gatewayClassMustBeAccepted`,
      { cause: error },
    );
  }
}

/** Our controllerName, from the GatewayClass spec. */
export function controllerNameOf(gatewayClass: KubeObject): string {
  return (gatewayClass.spec as { controllerName?: string } | undefined)?.controllerName ?? '';
}

/**
 * Refuses to touch a namespace the suite did not create, or one a previous run kept on purpose.
 * Namespaces of other runs are left for the sweep.
 */
export async function checkNamespacesAdoptable(client: KubeClient, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const namespace = await client.get({ apiVersion: 'v1', kind: 'Namespace', name });
    if (!namespace) continue;
    const labels = namespace.metadata.labels ?? {};
    if (labels[LABEL_MANAGED_BY] !== MANAGED_BY_VALUE) {
      throw new HarnessError(
        'GRPCCONF_NAMESPACE_NOT_OURS',
        `namespace "${name}" already exists without the label ${LABEL_MANAGED_BY}=${MANAGED_BY_VALUE}; the suite never adopts or deletes a namespace it did not create: delete it yourself or use another cluster`,
      );
    }
    if (labels[LABEL_KEEP] === 'true') {
      throw new HarnessError(
        'GRPCCONF_NAMESPACE_KEPT',
        `namespace "${name}" was kept by run ${labels[LABEL_RUN_ID] ?? '(unknown)'} (--keep); delete it before a new run: kubectl delete namespace ${name}`,
      );
    }
  }
}
