import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEcho } from './support/echo-fixture.ts';
import type { EchoFixture } from './support/echo-fixture.ts';
import { grpcCall } from './support/grpc-call.ts';

const require = createRequire(import.meta.url);
const options = { keepCase: false, defaults: true, oneofs: true, enums: String };
const reflectionMethod = (version: 'v1' | 'v1alpha') => {
  const file = require.resolve(`@grpc/reflection/build/proto/grpc/reflection/${version}/reflection.proto`);
  const service = protoLoader.loadSync(file, options)[`grpc.reflection.${version}.ServerReflection`] as protoLoader.ServiceDefinition;
  return service.ServerReflectionInfo!;
};
const health = protoLoader.loadSync(healthProtoPath, options)['grpc.health.v1.Health'] as protoLoader.ServiceDefinition;

describe('reflection and health', () => {
  let fx: EchoFixture;
  beforeAll(async () => {
    fx = await startTestEcho();
  });
  afterAll(async () => fx.server.stop());

  it.each(['v1', 'v1alpha'] as const)('reflection %s lists the echo services', async (version) => {
    const method = reflectionMethod(version);
    const result = await grpcCall(fx.server.httpPort, method.path, 'bidi', [method.requestSerialize({ listServices: '*' })], (b) => method.responseDeserialize(b));
    expect(result.code).toBe(0);
    const names = (result.messages[0] as { listServicesResponse: { service: { name: string }[] } }).listServicesResponse.service.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['gateway_api_conformance.echo_basic.grpcecho.GrpcEcho', 'grpcroute_conformance.echo.v1.EchoPlus']));
  });

  it('reflection resolves a symbol to its file descriptor', async () => {
    const method = reflectionMethod('v1');
    const result = await grpcCall(
      fx.server.httpPort,
      method.path,
      'bidi',
      [method.requestSerialize({ fileContainingSymbol: 'grpcroute_conformance.echo.v1.EchoPlus' })],
      (b) => method.responseDeserialize(b),
    );
    expect(result.code).toBe(0);
    expect((result.messages[0] as { fileDescriptorResponse: { fileDescriptorProto: Buffer[] } }).fileDescriptorResponse.fileDescriptorProto.length).toBeGreaterThan(0);
  });

  it('health Check reports SERVING for the server and the echo services', async () => {
    for (const service of ['', 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho']) {
      const check = health.Check!;
      const result = await grpcCall(fx.server.httpPort, check.path, 'unary', [check.requestSerialize({ service })], (b) => check.responseDeserialize(b));
      expect(result.code).toBe(0);
      expect(result.messages).toEqual([{ status: 'SERVING' }]);
      expect(result.headers['x-echo-pod']).toEqual(['grpc-infra-backend-v1-abc12-xyz']);
    }
  });

  it('health Check for an unknown service is NOT_FOUND', async () => {
    const check = health.Check!;
    const result = await grpcCall(fx.server.httpPort, check.path, 'unary', [check.requestSerialize({ service: 'nope' })], (b) => check.responseDeserialize(b));
    expect(result.code).toBe(grpc.status.NOT_FOUND);
  });
});
