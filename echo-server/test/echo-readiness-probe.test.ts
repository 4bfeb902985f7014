import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEcho, type EchoFixture } from './support/echo-fixture.ts';

// What the fixtures' `readinessProbe: {grpc: {port: 3000}}` makes a kubelet do: grpc.health.v1.Health/Check
// for service "" over plaintext HTTP/2, here from grpc-js, a client that is not ours.
const healthPackage = grpc.loadPackageDefinition(protoLoader.loadSync(healthProtoPath, { keepCase: true, enums: String })) as unknown as {
  grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
};

let fx: EchoFixture;
let client: grpc.Client & { Check: (req: { service: string }, cb: (err: grpc.ServiceError | null, res?: { status: string }) => void) => void };

beforeAll(async () => {
  fx = await startTestEcho();
  client = new healthPackage.grpc.health.v1.Health(`127.0.0.1:${fx.server.httpPort}`, grpc.credentials.createInsecure()) as unknown as typeof client;
});
afterAll(async () => {
  client?.close();
  await fx?.server.stop();
});

const check = (service: string) =>
  new Promise<{ status: string }>((resolve, reject) => client.Check({ service }, (err, res) => (err ? reject(err) : resolve(res!))));

describe('the echo server answers a kubelet gRPC readiness probe', () => {
  it('reports SERVING for the whole server as soon as it listens', async () => {
    await expect(check('')).resolves.toEqual({ status: 'SERVING' });
  });

  it('an unknown service is NOT_FOUND, which a kubelet counts as not ready', async () => {
    await expect(check('no.such.Service')).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
  });
});
