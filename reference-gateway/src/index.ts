import { parseChaos, validateChaos } from './chaos.ts';
import type { ChaosOptions } from './chaos.ts';
import type { ConfigSink } from './controller/config-pusher.ts';
import { Reconciler } from './controller/reconciler.ts';
import { StatusWriter } from './controller/status-writer.ts';
import { AccountWriter } from './controller/account-writer.ts';
import { DataPlane } from './data-plane/index.ts';
import { GatewayConfigError } from './errors.ts';
import { parseFaultList, resolveSwitches } from './faults.ts';
import { ObjectCache } from './kube/cache.ts';
import { loadKubeconfig } from '../../kube-rest/kubeconfig.ts';
import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import { WATCHED_KINDS } from './kube/resources.ts';
import type { WatchedKind } from './kube/resources.ts';
import { KindInformer } from './kube/watch.ts';

export { FAULTS } from './faults.ts';
export type { FaultInfo } from './faults.ts';
export { VARIANTS } from './variants.ts';
export type { VariantInfo } from './variants.ts';

export const DEFAULT_CONTROLLER_NAME = 'grpcroute-conformance.dev/reference-gateway';
export const DEFAULT_ADDRESS_POOL = '127.2.0.0/16';

export interface ReferenceGatewayOptions {
  kubeconfigPath: string;
  context?: string;
  /** Default 'grpcroute-conformance.dev/reference-gateway'. */
  controllerName?: string;
  /** Default '127.2.0.0/16'; each Gateway gets its own address. */
  addressPool?: string;
  /** Listener ports < 1024 bind at port + offset (default 0 = bind as is). */
  lowPortOffset?: number;
  /** Named faults for mutation testing (see FAULTS); default from env GRPCROUTE_REFERENCE_FAULTS. */
  faults?: readonly string[];
  /** Neutral variants, spec-allowed behaviour the suite must pass (see VARIANTS); default from env GRPCROUTE_REFERENCE_VARIANTS. */
  variants?: readonly string[];
  /** Default from env GRPCROUTE_REFERENCE_CHAOS (`maxDelayMs=3000,slowFraction=0.2`). */
  chaos?: ChaosOptions;
  /**
   * `allow` (default): HTTPRoutes and GRPCRoutes may share hostnames on a listener. `exclusive`: the
   * younger of an intersecting pair is rejected. Default from env GRPCROUTE_REFERENCE_CROSS_SERVING.
   */
  crossServing?: 'allow' | 'exclusive';
  log?: (line: string) => void;
  /** Replaces the HTTP/2 data plane (tests of the controller alone). */
  dataPlane?: ConfigSink & { stop(): Promise<void> };
}

export interface RunningReferenceGateway {
  stop(): Promise<void>;
}

/**
 * Starts the controller (watching the cluster over its REST API) and the data plane. Resolves after
 * the first full list of every watched kind and the first reconcile.
 */
export async function startReferenceGateway(options: ReferenceGatewayOptions): Promise<RunningReferenceGateway> {
  const log = options.log ?? (() => {});
  const faults = resolveSwitches(
    options.faults ?? parseFaultList(process.env.GRPCROUTE_REFERENCE_FAULTS),
    options.variants ?? parseFaultList(process.env.GRPCROUTE_REFERENCE_VARIANTS),
  );
  const chaos = options.chaos ? validateChaos(options.chaos) : parseChaos(process.env.GRPCROUTE_REFERENCE_CHAOS);
  // The cross-serving fault is a bug of exclusive mode: without it the test it targets is not supported and could not be killed.
  const crossServing = faults.has('cross-serving-prefers-httproute')
    ? 'exclusive'
    : (options.crossServing ?? crossServingFromEnv(process.env.GRPCROUTE_REFERENCE_CROSS_SERVING));
  const settings = {
    controllerName: options.controllerName ?? DEFAULT_CONTROLLER_NAME,
    lowPortOffset: options.lowPortOffset ?? 0,
    crossServing,
    faults,
  };
  const client = new KubeRestClient(loadKubeconfig(options.kubeconfigPath, options.context));
  const dataPlane = options.dataPlane ?? new DataPlane({ faults, chaos, log });
  // The cache reports changes to the reconciler, which reads the cache: the closure breaks the cycle.
  const cache = new ObjectCache(() => reconciler.trigger());
  const reconciler = new Reconciler({
    cache,
    writer: new StatusWriter(client, cache, settings, log),
    accounts: new AccountWriter(client, cache, settings.controllerName, log),
    sink: dataPlane,
    settings,
    addressPool: options.addressPool ?? DEFAULT_ADDRESS_POOL,
    log,
  });
  const informers = (Object.keys(WATCHED_KINDS) as WatchedKind[]).map((kind) => new KindInformer(kind, client, cache, log));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const informer of informers) informer.stop();
      await reconciler.stop();
      client.close();
      await dataPlane.stop();
    })());
  try {
    for (const informer of informers) informer.start();
    await Promise.all(informers.map((i) => i.synced));
    await reconciler.start();
  } catch (error) {
    await stop();
    throw error;
  }
  log(`reference gateway started as ${settings.controllerName}${faults.size ? ` with switches ${[...faults].join(',')}` : ''}`);
  return { stop };
}

function crossServingFromEnv(value: string | undefined): 'allow' | 'exclusive' {
  if (value === undefined || value === '' || value === 'allow') return 'allow';
  if (value === 'exclusive') return 'exclusive';
  throw new GatewayConfigError(`GRPCROUTE_REFERENCE_CROSS_SERVING must be allow or exclusive, got ${value}`, { value });
}
