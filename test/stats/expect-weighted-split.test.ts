import { describe, expect, it } from 'vitest';
import type { GrpcHelpers, GrpcResult } from '../../harness/grpc/types.ts';
import type { GatewayAddress } from '../../harness/kube/types.ts';
import { expectWeightedSplit, WeightedSplitRejectedError } from '../../harness/stats/expect-weighted-split.ts';
import { seededRandom, weightedPicker } from './seeded-random.ts';

const gw: GatewayAddress = { host: '127.2.0.1', port: 80, dialHost: '127.2.0.1', dialPort: 10080 };

function answerFrom(pod: string, code = 0): GrpcResult {
  const context = { namespace: 'grpc-conformance-infra', ingress: '', serviceName: '', pod };
  const responses = code === 0 ? [{ fullyQualifiedMethod: '/x/Echo', headers: [], authority: 'w', context }] : [];
  return { code, details: '', headers: {}, trailers: {}, responses, elapsedMs: 1 };
}

/** A simulated gateway: answers `warmup` RPCs with UNIMPLEMENTED, then picks pods by `served`. */
function simulatedGrpc(served: Record<string, number>, warmup: number): GrpcHelpers & { sent: () => number } {
  const pick = weightedPicker(served, seededRandom(5));
  let sent = 0;
  const send = async (): Promise<GrpcResult> => {
    sent += 1;
    return sent <= warmup ? answerFrom('', 12) : answerFrom(`${pick()}-5d8f7-abcde`);
  };
  const converge = async <T>(_what: string, check: () => Promise<T>): Promise<T> => {
    for (let good = 0, attempts = 0; attempts < 100; attempts++) {
      try {
        const value = await check();
        if (++good === 3) return value;
      } catch {
        good = 0;
      }
    }
    throw new Error('did not converge');
  };
  const openChannel = () => ({ send, renew: () => undefined, close: () => undefined });
  return { send, openChannel, converge, sent: () => sent } as unknown as GrpcHelpers & { sent: () => number };
}

const call = { method: 'Echo', authority: 'weight.grpc.example' };
const namespace = 'grpc-conformance-infra';

describe('expectWeightedSplit', () => {
  it('waits out the warm-up, then accepts a correct split and reports the RPCs it used', async () => {
    const grpc = simulatedGrpc({ 'grpc-infra-backend-v1': 70, 'grpc-infra-backend-v2': 30 }, 25);
    const weights = { 'grpc-infra-backend-v1': 70, 'grpc-infra-backend-v2': 30, 'grpc-infra-backend-v3': 0 };
    const observation = await expectWeightedSplit(grpc, gw, { call, namespace, weights });
    expect(observation.verdict).toBe('accept');
    expect(observation.falseFailureBound).toBe(1e-4);
    expect(observation.rpcs).toBeGreaterThanOrEqual(observation.samples);
    expect(observation.counts['grpc-infra-backend-v3']).toBe(0);
  });

  it('rejects a gateway that leaks traffic to the weight-0 backend', async () => {
    const grpc = simulatedGrpc({ 'grpc-infra-backend-v1': 70, 'grpc-infra-backend-v2': 25, 'grpc-infra-backend-v3': 5 }, 0);
    const weights = { 'grpc-infra-backend-v1': 70, 'grpc-infra-backend-v2': 30, 'grpc-infra-backend-v3': 0 };
    const run = expectWeightedSplit(grpc, gw, { call, namespace, weights });
    await expect(run).rejects.toThrow(WeightedSplitRejectedError);
  });

  it('tells grpc-infra-backend-v1 from a longer name sharing its prefix', async () => {
    const grpc = simulatedGrpc({ 'grpc-infra-backend-v1': 50, 'grpc-infra-backend-v10': 50 }, 0);
    const weights = { 'grpc-infra-backend-v1': 1, 'grpc-infra-backend-v10': 1 };
    const observation = await expectWeightedSplit(grpc, gw, { call, namespace, weights });
    expect(observation.verdict).toBe('accept');
  });
});
