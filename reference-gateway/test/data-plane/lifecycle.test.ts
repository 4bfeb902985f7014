import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataPlane, DataPlaneBindError } from '../../src/data-plane/index.ts';
import type { DataPlaneConfig } from '../../src/model/data-plane-config.ts';
import { backendOf, configOf, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';
import { startEchoBackend, type EchoBackend } from './support/echo-backend.ts';
import { TestClient, grpc } from './support/grpc-client.ts';
import { gatewayAddress } from './support/test-gateway.ts';

function routedTo(backend: EchoBackend, address: string, port: number): DataPlaneConfig {
  return configOf(address, [listenerOf('l', port, [routeOf('ns/r', [ruleOf(0, { backends: [backendOf([backend])] })])])]);
}

function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

// Calls until `expected` backend answers `streak` times in a row, or the deadline passes.
async function convergesTo(client: TestClient, expected: string, deadlineMs: number, streak = 3): Promise<boolean> {
  const end = performance.now() + deadlineMs;
  let good = 0;
  while (performance.now() < end) {
    const result = await client.unary('/svc.S/M');
    good = result.replies[0]?.backend === expected ? good + 1 : 0;
    if (good >= streak) return true;
  }
  return false;
}

describe('data plane: apply and stop', () => {
  let v1: EchoBackend, v2: EchoBackend;

  beforeAll(async () => {
    [v1, v2] = await Promise.all([startEchoBackend('v1'), startEchoBackend('v2')]);
  });

  afterAll(async () => {
    await Promise.all([v1.stop(), v2.stop()]);
  });

  it('swaps routing on the same server without dropping the connection, is idempotent, closes removed servers', async () => {
    const { address, port } = await gatewayAddress();
    const plane = new DataPlane({ faults: new Set() });
    await plane.apply(routedTo(v1, address, port));
    await plane.apply(routedTo(v1, address, port));
    const client = new TestClient(`${address}:${port}`);
    expect((await client.unary('/svc.S/M')).replies[0]?.backend).toBe('v1');
    await plane.apply(routedTo(v2, address, port));
    expect((await client.unary('/svc.S/M')).replies[0]?.backend).toBe('v2');
    await plane.apply({ gateways: [] });
    expect(await accepts(address, port)).toBe(false);
    expect((await client.unary('/svc.S/M')).code).toBe(grpc.status.UNAVAILABLE);
    client.close();
    await plane.stop();
  });

  it('rebinds a port whose protocol changed', async () => {
    const { address, port } = await gatewayAddress();
    const plane = new DataPlane({ faults: new Set() });
    await plane.apply(routedTo(v1, address, port));
    const https = configOf(address, [listenerOf('l', port, [], { protocol: 'HTTPS', certificates: [] })]);
    await plane.apply(https);
    const client = new TestClient(`${address}:${port}`);
    expect((await client.unary('/svc.S/M')).code).toBe(grpc.status.UNAVAILABLE);
    client.close();
    await plane.stop();
  });

  it('reports a port it cannot bind with DataPlaneBindError and still serves the rest', async () => {
    const { address, port } = await gatewayAddress();
    const other = await gatewayAddress();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: address, port }, resolve));
    const plane = new DataPlane({ faults: new Set() });
    const config: DataPlaneConfig = {
      gateways: [
        { key: 'ns/blocked', address, listeners: [listenerOf('l', port, [])] },
        { key: 'ns/fine', address: other.address, listeners: routedTo(v1, other.address, other.port).gateways[0]!.listeners },
      ],
    };
    const error = await plane.apply(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataPlaneBindError);
    expect((error as DataPlaneBindError).code).toBe('REFGW_DATA_PLANE_BIND');
    const client = new TestClient(`${other.address}:${other.port}`);
    expect((await client.unary('/svc.S/M')).replies[0]?.backend).toBe('v1');
    client.close();
    await plane.stop();
    await new Promise((resolve) => blocker.close(resolve));
  });

  it('chaos: a config lands after a delay while the previous one keeps serving; answers may be slow but correct', async () => {
    const { address, port } = await gatewayAddress();
    const plane = new DataPlane({ faults: new Set(), chaos: { maxDelayMs: 300, slowFraction: 0.3, seed: 7 } });
    await plane.apply(routedTo(v1, address, port));
    const client = new TestClient(`${address}:${port}`);
    expect(await convergesTo(client, 'v1', 5_000)).toBe(true);
    await plane.apply(routedTo(v2, address, port));
    expect(await convergesTo(client, 'v2', 5_000)).toBe(true);
    client.close();
    await plane.stop();
  });

  it('chaos: a newer config is never overtaken by an older, slower one', async () => {
    const { address, port } = await gatewayAddress();
    const plane = new DataPlane({ faults: new Set(), chaos: { maxDelayMs: 200, slowFraction: 0, seed: 1 } });
    for (let i = 0; i < 6; i += 1) await plane.apply(routedTo(i % 2 === 0 ? v2 : v1, address, port));
    const client = new TestClient(`${address}:${port}`);
    expect(await convergesTo(client, 'v1', 5_000, 10)).toBe(true);
    client.close();
    await plane.stop();
  });

  it('stop() closes the listeners', async () => {
    const { address, port } = await gatewayAddress();
    const plane = new DataPlane({ faults: new Set() });
    await plane.apply(routedTo(v1, address, port));
    const client = new TestClient(`${address}:${port}`);
    expect((await client.unary('/svc.S/M')).code).toBe(grpc.status.OK);
    await plane.stop();
    expect(await accepts(address, port)).toBe(false);
    client.close();
  });
});
