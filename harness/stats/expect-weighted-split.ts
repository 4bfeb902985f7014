import type { GatewayAddress } from '../kube/types.ts';
import type { GrpcCall, GrpcHelpers, GrpcResult } from '../grpc/types.ts';
import { sampleSequentially } from './sample-sequentially.ts';
import type { WeightSplitSummary, WeightSplitTestOptions } from './weight-split-test.ts';
import { WeightSplitTest } from './weight-split-test.ts';

export interface WeightedSplitExpectation extends WeightSplitTestOptions {
  /** The call every sample sends (authority included). */
  readonly call: GrpcCall;
  /** Namespace every answering pod must be in. */
  readonly namespace: string;
  /** RPCs in flight at once; default and maximum 10. */
  readonly concurrency?: number;
}

/** What a weighted-split check used and decided; JSON-safe, for a case's `observed`. */
export interface WeightedSplitObservation extends WeightSplitSummary {
  /** RPCs sent by the sequential test (excluding the warm-up that waited for programming). */
  readonly rpcs: number;
}

/** The sequential test rejected the split; `expected`/`observed` are picked up by the case recorder. */
export class WeightedSplitRejectedError extends Error {
  readonly code = 'GRPCCONF_WEIGHTED_SPLIT_REJECTED';
  readonly expected: { readonly shares: Readonly<Record<string, number>>; readonly tolerance: number };

  constructor(readonly observed: WeightedSplitObservation) {
    super(`weighted split rejected after ${observed.rpcs} RPCs: ${observed.reason ?? ''}; ${JSON.stringify(observed)}`);
    this.name = 'WeightedSplitRejectedError';
    this.expected = { shares: observed.expectedShares, tolerance: observed.tolerance };
  }
}

/**
 * Checks that traffic is split by the route's weights. First converges until every backend
 * with a positive weight has answered and whole batches come back OK from expected backends
 * (the route is programmed); then runs a fresh {@link WeightSplitTest}, so warm-up answers
 * never enter the statistics. Resolves with the observation on accept, throws
 * {@link WeightedSplitRejectedError} on reject.
 */
export async function expectWeightedSplit(
  grpc: GrpcHelpers,
  gw: GatewayAddress,
  expectation: WeightedSplitExpectation,
): Promise<WeightedSplitObservation> {
  const concurrency = Math.min(expectation.concurrency ?? 10, 10);
  const backends = Object.keys(expectation.weights).sort((a, b) => b.length - a.length);
  const classify = (result: GrpcResult): string => {
    // A reset or lost connection is no status from the gateway: it never counts as an UNAVAILABLE share.
    if (result.transportError) return 'transport-failure';
    if (result.decodeError) return 'undecodable-response';
    // An HTTP answer without gRPC framing counts under the code gRPC clients derive from its HTTP
    // status (`code`), as in every other expectation: a bare 503 is UNAVAILABLE, a bare 500 UNKNOWN.
    if (result.code !== 0) return `grpc-status-${result.code}`;
    const context = result.responses[0]?.context;
    if (!context) return 'no-echo-response';
    const backend = backends.find((name) => context.pod.startsWith(`${name}-`));
    if (context.namespace !== expectation.namespace) return `namespace:${context.namespace}/${context.pod}`;
    return backend ?? `unexpected-pod:${context.pod}`;
  };
  const wanted = backends.filter((name) => (expectation.weights[name] ?? 0) > 0);
  const seen = new Set<string>();

  // One channel for the whole case: the gateway must balance per RPC, so sharing a connection hides nothing.
  const channel = grpc.openChannel(gw, expectation.call);
  let drawn: number;
  const test = new WeightSplitTest(expectation);
  try {
    await grpc.converge('every weighted backend answers', async () => {
      const batch = await Promise.all(Array.from({ length: concurrency }, () => channel.send(expectation.call)));
      const labels = batch.map(classify);
      const wrong = labels.filter((label) => !wanted.includes(label));
      const missing = wanted.filter((name) => !labels.includes(name) && !seen.has(name));
      if (wrong.length > 0 || missing.length > 0) channel.renew();
      if (wrong.length > 0) throw new Error(`answers not from a weighted backend: ${wrong.join(', ')}`);
      labels.forEach((label) => seen.add(label));
      if (missing.length > 0) throw new Error(`not answered yet: ${missing.join(', ')}`);
      return labels;
    });
    ({ drawn } = await sampleSequentially({
      draw: () => channel.send(expectation.call),
      observe: (result) => (test.observe(classify(result)) === 'undecided' ? 'continue' : 'stop'),
      concurrency,
      maxDraws: expectation.maxSamples ?? 2000,
    }));
  } finally {
    channel.close();
  }
  const observation: WeightedSplitObservation = { ...test.summary(), rpcs: drawn };
  if (observation.verdict !== 'accept') throw new WeightedSplitRejectedError(observation);
  return observation;
}
