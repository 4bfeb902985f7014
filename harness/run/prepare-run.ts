import '../cluster/builtin-providers.ts';
import { createClusterProvider, type ClusterConnection } from '../cluster/provider.ts';
import type { ResolvedConfig } from '../config/types.ts';
import { HarnessError, describeError } from '../errors.ts';
import { interruptibleBySignals, unlessAborted } from '../cluster/kind/interrupt-during-setup.ts';
import { prepareObjects, readFixture, type ApplyScope } from '../kube/apply.ts';
import { KubeClient } from '../kube/client.ts';
import { BASE_TEST_LABEL, LABEL_KEEP } from '../kube/labels.ts';
import { userAgentFor } from '../kube/user-agent.ts';
import { generateRunCertificates } from '../tls/run-certificates.ts';
import { applyBaseFixtures, BASE_FIXTURES, waitForBaseReady } from './base-fixtures.ts';
import { requirePermissions } from './check-permissions.ts';
import { RUN_NAMESPACES, type RunFacts } from './facts.ts';
import { checkApiReachable, checkGatewayApiCrds, checkGatewayClass, checkNamespacesAdoptable, controllerNameOf } from './preflight.ts';
import { describeLeftBehind, setLeftBehindNotice } from './left-behind.ts';
import { acquireRunLease, type RunLease } from './run-lease.ts';
import { resolveSupportedFeatures } from './supported-features.ts';
import { sweepDeadRuns } from './sweep.ts';

export interface PreparedRun {
  readonly facts: RunFacts;
  teardown(): Promise<void>;
}

/**
 * Starts/connects the cluster provider, preflight (API reachable, CRDs present, GatewayClass exists
 * and Accepted, every permission granted, unlabelled pre-existing namespaces refused), takes the
 * cluster's run lease (waiting for a live run, removing a proven-dead one), sweeps what other runs
 * left, generates certificates, applies fixtures/base, waits for backends ready, resolves supported
 * features. Throws HarnessError on bad input; nothing of the run is left behind when it throws.
 * A Ctrl-C during all this aborts the current wait and cleans up like any failure.
 */
export function prepareRun(config: ResolvedConfig, log: (line: string) => void): Promise<PreparedRun> {
  // The run's own abort signal does not reach setup (the runner owns it), so setup listens itself.
  return interruptibleBySignals((signal) => prepareInterruptibly(config, log, signal));
}

async function prepareInterruptibly(config: ResolvedConfig, log: (line: string) => void, signal: AbortSignal): Promise<PreparedRun> {
  const provider = createClusterProvider(config, log);
  const cleanups: (() => Promise<void>)[] = [];
  let lease: RunLease | undefined;
  try {
    const connection = await unlessAborted(signal, provider.start());
    log(`cluster: ${connection.description}`);
    const client = KubeClient.load({ kubeconfigPath: connection.kubeconfigPath, context: connection.context, userAgent: userAgentFor('setup') });

    // Read-only checks first: a refused run creates nothing.
    await checkApiReachable(client);
    // Before any other request, so a limited identity gets the whole list instead of one 403.
    await requirePermissions(client, log);
    const apiVersion = await checkGatewayApiCrds(client);
    const gatewayClass = await checkGatewayClass(client, config.gatewayClass, config.timeouts, signal);
    const controllerName = controllerNameOf(gatewayClass);
    const features = resolveSupportedFeatures(config, gatewayClass, log);
    await checkNamespacesAdoptable(client, Object.values(RUN_NAMESPACES));
    log(`GatewayClass ${config.gatewayClass} Accepted (controller ${controllerName}); Gateway API ${apiVersion.version} ${apiVersion.channel}; ${features.features.length} features (${features.source})`);

    lease = await acquireRunLease(client, {
      runId: config.runId,
      namespace: infraNamespaceOf(config),
      waitMs: config.timeouts.clusterInUse,
      deleteTimeoutMs: config.timeouts.delete,
      signal,
      log,
    });
    // Registered first, so it runs last: the lease is held until every other object is gone.
    const held = lease;
    cleanups.push(() => held.release({ deleteNamespace: !config.keep }));
    setLeftBehindNotice(describeLeftBehind(config, connection.kubeconfigPath));
    await unlessAborted(signal, sweepDeadRuns(client, config.runId, config.timeouts.delete, log));
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
    await waitForBaseReady(scope, applied, config.timeouts, signal);
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
      staticAddresses: { ...connection.staticAddresses, ...config.staticAddresses },
      ...(config.echoImage === undefined ? {} : { echoImage: config.echoImage }),
    };
    let tornDown: Promise<void> | undefined;
    return {
      facts,
      teardown: () =>
        (tornDown ??= (async () => {
          try {
            lease?.ending();
            if (config.keep) {
              await keepBase(client, connection, config.cluster === 'embedded', log);
              await cleanups[0]?.();
            } else await runCleanups(cleanups, log);
            setLeftBehindNotice(undefined);
          } finally {
            await provider.stop();
          }
        })()),
    };
  } catch (error) {
    lease?.ending();
    await runCleanups(cleanups, log).catch((cleanupError: unknown) => log(`cleanup after failed setup: ${describeError(cleanupError)}`));
    setLeftBehindNotice(undefined);
    await provider.stop().catch((stopError: unknown) => log(`stopping the cluster provider: ${describeError(stopError)}`));
    if (error instanceof HarnessError) throw error;
    throw new HarnessError('GRPCCONF_SETUP_FAILED', `run setup failed: ${describeError(error)}`, { cause: error });
  }
}

/** The infra namespace of fixtures/base with the run's labels: the object whose creation claims the cluster. */
function infraNamespaceOf(config: ResolvedConfig) {
  const namespaces = readFixture(BASE_FIXTURES[0]).filter((o) => o.metadata.name === RUN_NAMESPACES.infra);
  const [namespace] = prepareObjects(namespaces, { runId: config.runId, testName: BASE_TEST_LABEL, gatewayClass: config.gatewayClass });
  if (!namespace) throw new HarnessError('GRPCCONF_FIXTURE', `${BASE_FIXTURES[0]} has no namespace ${RUN_NAMESPACES.infra}`);
  return namespace;
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
