import '../cluster/builtin-providers.ts';
import { createClusterProvider, type ClusterConnection } from '../cluster/provider.ts';
import type { ResolvedConfig } from '../config/types.ts';
import { HarnessError, describeError } from '../errors.ts';
import type { ApplyScope } from '../kube/apply.ts';
import { KubeClient } from '../kube/client.ts';
import { BASE_TEST_LABEL, LABEL_KEEP } from '../kube/labels.ts';
import { userAgentFor } from '../kube/user-agent.ts';
import { generateRunCertificates } from '../tls/run-certificates.ts';
import { applyBaseFixtures, waitForBaseReady } from './base-fixtures.ts';
import { RUN_NAMESPACES, type RunFacts } from './facts.ts';
import { checkApiReachable, checkGatewayApiCrds, checkGatewayClass, checkNamespacesAdoptable, controllerNameOf } from './preflight.ts';
import { resolveSupportedFeatures } from './supported-features.ts';
import { sweepDeadRuns } from './sweep.ts';

export interface PreparedRun {
  readonly facts: RunFacts;
  teardown(): Promise<void>;
}

/**
 * Starts/connects the cluster provider, preflight (API reachable, CRDs present, GatewayClass exists
 * and Accepted, unlabelled pre-existing namespaces refused), sweeps leftovers of dead runs by label,
 * generates certificates, applies fixtures/base, waits for backends ready, resolves supported
 * features. Throws HarnessError on bad input; nothing of the run is left behind when it throws.
 */
export async function prepareRun(config: ResolvedConfig, log: (line: string) => void): Promise<PreparedRun> {
  const provider = createClusterProvider(config, log);
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const connection = await provider.start();
    log(`cluster: ${connection.description}`);
    const client = KubeClient.load({ kubeconfigPath: connection.kubeconfigPath, context: connection.context, userAgent: userAgentFor('setup') });

    // Read-only checks first: a refused run creates nothing.
    await checkApiReachable(client);
    const apiVersion = await checkGatewayApiCrds(client);
    const gatewayClass = await checkGatewayClass(client, config.gatewayClass, config.timeouts);
    const controllerName = controllerNameOf(gatewayClass);
    const features = resolveSupportedFeatures(config, gatewayClass, log);
    await checkNamespacesAdoptable(client, Object.values(RUN_NAMESPACES));
    log(`GatewayClass ${config.gatewayClass} Accepted (controller ${controllerName}); Gateway API ${apiVersion.version} ${apiVersion.channel}; ${features.features.length} features (${features.source})`);

    await sweepDeadRuns(client, config.runId, config.timeouts.delete, log);
    const certificates = await generateRunCertificates(RUN_NAMESPACES.infra);
    const scope: ApplyScope = {
      client,
      runId: config.runId,
      testName: BASE_TEST_LABEL,
      gatewayClass: config.gatewayClass,
      defaultNamespace: RUN_NAMESPACES.infra,
      echoImage: config.echoImage,
      deleteTimeoutMs: config.timeouts.delete,
    };
    const applied = await applyBaseFixtures(scope, certificates.objects, (fn) => cleanups.push(fn));
    await waitForBaseReady(scope, applied, config.timeouts);
    log('base fixtures ready');

    const facts: RunFacts = {
      runId: config.runId,
      kubeconfigPath: connection.kubeconfigPath,
      ...(connection.context === undefined ? {} : { context: connection.context }),
      gatewayClass: config.gatewayClass,
      controllerName,
      gatewayAPIVersion: apiVersion.version,
      gatewayAPIChannel: apiVersion.channel,
      supportedFeatures: features.features,
      featureSource: features.source,
      namespaces: { ...RUN_NAMESPACES },
      certificates: certificates.certificates,
      dial: { lowPortOffset: connection.lowPortOffset, gatewayAddresses: { ...config.gatewayAddresses }, dialMap: { ...config.dialMap } },
      ...(config.echoImage === undefined ? {} : { echoImage: config.echoImage }),
    };
    let tornDown: Promise<void> | undefined;
    return {
      facts,
      teardown: () =>
        (tornDown ??= (async () => {
          try {
            if (config.keep) await keepBase(client, connection, config.cluster === 'embedded', log);
            else await runCleanups(cleanups, log);
          } finally {
            await provider.stop();
          }
        })()),
    };
  } catch (error) {
    await runCleanups(cleanups, log).catch((cleanupError: unknown) => log(`cleanup after failed setup: ${describeError(cleanupError)}`));
    await provider.stop().catch((stopError: unknown) => log(`stopping the cluster provider: ${describeError(stopError)}`));
    if (error instanceof HarnessError) throw error;
    throw new HarnessError('GRPCCONF_SETUP_FAILED', `run setup failed: ${describeError(error)}`, { cause: error });
  }
}

/** LIFO; every cleanup runs even if an earlier one fails; the first failure is rethrown at the end. */
async function runCleanups(cleanups: (() => Promise<void>)[], log: (line: string) => void): Promise<void> {
  let first: unknown;
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop() as () => Promise<void>;
    try {
      await cleanup();
    } catch (error) {
      log(`cleanup failed: ${describeError(error)}`);
      first ??= error;
    }
  }
  if (first !== undefined) throw first;
}

async function keepBase(client: KubeClient, connection: ClusterConnection, embedded: boolean, log: (line: string) => void): Promise<void> {
  for (const name of Object.values(RUN_NAMESPACES)) {
    await client.mergePatch({ apiVersion: 'v1', kind: 'Namespace', name }, { metadata: { labels: { [LABEL_KEEP]: 'true' } } });
  }
  const target = `--kubeconfig ${connection.kubeconfigPath}${connection.context ? ` --context ${connection.context}` : ''}`;
  const namespaces = Object.values(RUN_NAMESPACES).join(' ');
  log(
    embedded
      ? 'kept objects live in the embedded cluster, which stops with this run; to inspect kept state, start `grpcroute-conformance embedded` and run with --cluster existing --keep'
      : `kept (label ${LABEL_KEEP}=true). Inspect: kubectl ${target} get gateways,grpcroutes,services,pods -n ${RUN_NAMESPACES.infra} -o wide; remove: kubectl ${target} delete namespace ${namespaces}`,
  );
}
