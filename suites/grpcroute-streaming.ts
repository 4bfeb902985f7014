import { Feature } from '../harness/features/features.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import type { Mismatch } from '../harness/grpc/expect.ts';
import type { GrpcCase, GrpcResult } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'streaming.grpc.example';
const V1 = 'grpc-infra-backend-v1';

interface StreamCase extends GrpcCase {
  readonly name: string;
  /** Sequence numbers of the responses, in arrival order. */
  readonly sequence: readonly number[];
  /** Request messages the backend had received when it answered (client streaming). */
  readonly received?: number;
}

const stream = (method: string, count: number, sequence: readonly number[], received?: number): StreamCase => ({
  name: `${method} with ${count} messages: counts, order and metadata pass the gateway`,
  call: {
    service: ECHO_PLUS_SERVICE,
    method,
    authority: HOST,
    plus: { count, responseHeaders: { 'x-stream-header': method }, responseTrailers: { 'x-stream-trailer': method } },
  },
  expect: { backend: V1, authority: HOST, responseCount: sequence.length, responseHeaders: { 'x-stream-header': method }, trailers: { 'x-stream-trailer': method } },
  sequence,
  ...(received === undefined ? {} : { received }),
});

const CASES: readonly StreamCase[] = [
  stream('ServerStream', 5, [0, 1, 2, 3, 4]),
  stream('ClientStream', 4, [0], 4),
  stream('Bidi', 3, [0, 1, 2]),
];

// Checked on every attempt of the convergence loop: messages lost, duplicated or reordered by the gateway.
function streamShape(c: StreamCase): (result: GrpcResult) => readonly Mismatch[] {
  return (result) => {
    const plus = result.plus ?? [];
    const sequence = plus.map((p) => p.sequence);
    const requestIds = [...new Set(plus.map((p) => p.requestId))];
    const received = plus.at(-1)?.received;
    const ok = sequence.join() === c.sequence.join() && requestIds.length === 1 && (c.received === undefined || received === c.received);
    return ok ? [] : [{ field: 'stream', expected: { sequence: c.sequence, received: c.received }, observed: { sequence, requestIds, received } }];
  };
}

export const grpcRouteStreaming = defineConformanceTest({
  name: 'GRPCRouteStreaming',
  description: 'Server-, client- and bidirectional streaming RPCs pass through the gateway over h2c with every message in order, plus response headers and trailers',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-streaming.yaml'],
  specRefs: [3],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'streaming' }],
    });
    await t.cases(CASES, async (c) => {
      await t.grpc.expectEventually(gw, { ...c, alsoExpect: streamShape(c) });
    });
  },
});
