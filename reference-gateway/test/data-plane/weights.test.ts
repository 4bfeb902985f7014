import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataPlane } from '../../src/data-plane/index.ts';
import { backendOf, configOf, exact, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';
import { startEchoBackend, type EchoBackend } from './support/echo-backend.ts';
import { TestClient, grpc, type CallResult } from './support/grpc-client.ts';
import { dataPlaneWith, gatewayAddress } from './support/test-gateway.ts';

const SAMPLES = 400;

describe('data plane: weighted backends, per RPC on one connection', () => {
  let v1: EchoBackend, v2: EchoBackend, v2b: EchoBackend;
  let plane: DataPlane;
  let client: TestClient;

  const sample = async (method: string): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    for (let batch = 0; batch < SAMPLES / 50; batch += 1) {
      const results: CallResult[] = await Promise.all(Array.from({ length: 50 }, () => client.unary(`/svc.Weights/${method}`)));
      for (const r of results) {
        const key = r.code === grpc.status.OK ? r.replies[0]!.backend : `code-${r.code}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  };

  beforeAll(async () => {
    [v1, v2, v2b] = await Promise.all([startEchoBackend('v1'), startEchoBackend('v2'), startEchoBackend('v2b')]);
    const { address, port } = await gatewayAddress();
    ({ plane } = dataPlaneWith());
    const rule = (index: number, method: string, backends: Parameters<typeof ruleOf>[1]['backends']) =>
      ruleOf(index, { matches: [exact('svc.Weights', method)], backends: backends ?? [] });
    await plane.apply(
      configOf(address, [
        listenerOf('only', port, [
          routeOf('ns/weights', [
            rule(0, 'ThreeToOne', [backendOf([v1], { weight: 3 }), backendOf([v2, v2b], { weight: 1 })]),
            rule(1, 'HalfInvalid', [backendOf([v1], { weight: 1 }), backendOf([], { weight: 1, valid: false })]),
            rule(2, 'ZeroWeight', [backendOf([v1], { weight: 1 }), backendOf([v2], { weight: 0 })]),
          ]),
        ]),
      ]),
    );
    client = new TestClient(`${address}:${port}`);
  });

  afterAll(async () => {
    client.close();
    await plane.stop();
    await Promise.all([v1, v2, v2b].map((b) => b.stop()));
  });

  it('splits by weight / sum (3:1 ≈ 75 %) and round-robins across endpoints', async () => {
    const counts = await sample('ThreeToOne');
    expect((counts.get('v1') ?? 0) / SAMPLES).toBeGreaterThan(0.65);
    expect((counts.get('v1') ?? 0) / SAMPLES).toBeLessThan(0.85);
    expect(Math.abs((counts.get('v2') ?? 0) - (counts.get('v2b') ?? 0))).toBeLessThanOrEqual(1);
  });

  it("gives an invalid backend's share UNAVAILABLE", async () => {
    const counts = await sample('HalfInvalid');
    const unavailable = (counts.get(`code-${grpc.status.UNAVAILABLE}`) ?? 0) / SAMPLES;
    expect(unavailable).toBeGreaterThan(0.38);
    expect(unavailable).toBeLessThan(0.62);
    expect(counts.get('v1')! + counts.get(`code-${grpc.status.UNAVAILABLE}`)!).toBe(SAMPLES);
  });

  it('never picks a weight-0 backend', async () => {
    const counts = await sample('ZeroWeight');
    expect(counts.get('v1')).toBe(SAMPLES);
  });
});
