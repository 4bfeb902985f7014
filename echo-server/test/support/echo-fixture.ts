import { startEchoServer } from '../../src/index.ts';
import type { EchoServerOptions, RunningEchoServer } from '../../src/index.ts';
import { ECHO_PLUS_SERVICE, ECHO_SERVICE, serviceMethods } from '../../src/protos.ts';

export interface EchoFixture {
  readonly server: RunningEchoServer;
  readonly logs: Record<string, unknown>[];
}

/** An echo server on loopback port 0 whose log lines are collected as parsed JSON. */
export async function startTestEcho(overrides: Partial<EchoServerOptions> = {}): Promise<EchoFixture> {
  const logs: Record<string, unknown>[] = [];
  const server = await startEchoServer({
    host: '127.0.0.1',
    httpPort: 0,
    env: { POD_NAME: 'grpc-infra-backend-v1-abc12-xyz', NAMESPACE: 'grpc-conformance-infra', SERVICE_NAME: 'grpc-infra-backend-v1' },
    log: (line) => void logs.push(JSON.parse(line) as Record<string, unknown>),
    ...overrides,
  });
  return { server, logs };
}

export const echo = serviceMethods(ECHO_SERVICE);
export const plus = serviceMethods(ECHO_PLUS_SERVICE);

export const encodeEmpty = (): Buffer => echo.Echo!.requestSerialize({});
export const decodeEcho = (b: Buffer): unknown => echo.Echo!.responseDeserialize(b);
export const encodePlus = (request: object): Buffer => plus.Unary!.requestSerialize(request);
export const decodePlus = (b: Buffer): unknown => plus.Unary!.responseDeserialize(b);
