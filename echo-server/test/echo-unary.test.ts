import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEcho, encodeEmpty, startTestEcho } from './support/echo-fixture.ts';
import type { EchoFixture } from './support/echo-fixture.ts';
import { grpcCall } from './support/grpc-call.ts';

const ECHO = '/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
interface EchoResponse {
  assertions: {
    fullyQualifiedMethod: string;
    headers: { key: string; value: string }[];
    authority: string;
    context: { namespace: string; ingress: string; serviceName: string; pod: string };
    tlsAssertions: unknown;
  };
}

describe('GrpcEcho', () => {
  let fx: EchoFixture;
  beforeAll(async () => {
    fx = await startTestEcho();
  });
  afterAll(async () => fx.server.stop());

  it('echoes method, every header value in order, authority and pod context, and stamps its identity', async () => {
    const md = new grpc.Metadata();
    md.add('x-multi', 'one');
    md.add('x-multi', 'two');
    md.add('x-trace-bin', Buffer.from([0, 1, 254, 255]));
    const result = await grpcCall(fx.server.httpPort, `${ECHO}/Echo`, 'unary', [encodeEmpty()], decodeEcho, { metadata: md, authority: 'bar.com' });
    expect(result.code).toBe(0);
    const { assertions } = result.messages[0] as EchoResponse;
    expect(assertions.fullyQualifiedMethod).toBe(`${ECHO}/Echo`);
    expect(assertions.authority).toBe('bar.com');
    expect(assertions.headers[0]).toEqual({ key: ':authority', value: 'bar.com' });
    expect(assertions.headers.filter((h) => h.key === 'x-multi').map((h) => h.value)).toEqual(['one', 'two']);
    expect(assertions.headers.find((h) => h.key === 'x-trace-bin')?.value).toBe(Buffer.from([0, 1, 254, 255]).toString('base64'));
    expect(assertions.context).toEqual({ namespace: 'grpc-conformance-infra', ingress: '', serviceName: 'grpc-infra-backend-v1', pod: 'grpc-infra-backend-v1-abc12-xyz' });
    expect(assertions.tlsAssertions).toBeNull();
    expect(result.headers['x-echo-pod']).toEqual(['grpc-infra-backend-v1-abc12-xyz']);
    expect(result.headers['x-echo-namespace']).toEqual(['grpc-conformance-infra']);
  });

  it('EchoTwo echoes too', async () => {
    const result = await grpcCall(fx.server.httpPort, `${ECHO}/EchoTwo`, 'unary', [encodeEmpty()], decodeEcho);
    expect(result.code).toBe(0);
    expect((result.messages[0] as EchoResponse).assertions.fullyQualifiedMethod).toBe(`${ECHO}/EchoTwo`);
  });

  it.each([
    [`${ECHO}/EchoThree`, 'method EchoThree not implemented'],
    ['/com.example.User/Login', 'unknown service com.example.User'],
    [`${ECHO}/EchoFour`, 'unknown method EchoFour for service gateway_api_conformance.echo_basic.grpcecho.GrpcEcho'],
  ])('%s answers UNIMPLEMENTED with the pod identity in the trailers-only answer', async (path, details) => {
    const result = await grpcCall(fx.server.httpPort, path, 'unary', [encodeEmpty()], decodeEcho);
    expect(result.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(result.details).toBe(details);
    expect(result.trailers['x-echo-pod']).toEqual(['grpc-infra-backend-v1-abc12-xyz']);
    expect(result.trailers['x-echo-namespace']).toEqual(['grpc-conformance-infra']);
  });

  it('writes one JSON log line per RPC with method, authority, request id and headers', async () => {
    const before = fx.logs.length;
    const md = new grpc.Metadata();
    md.add('x-request-id', 'req-42');
    await grpcCall(fx.server.httpPort, '/com.example.User/Login', 'unary', [encodeEmpty()], decodeEcho, { metadata: md, authority: 'foo.example.com' });
    await grpcCall(fx.server.httpPort, `${ECHO}/Echo`, 'unary', [encodeEmpty()], decodeEcho);
    expect(fx.logs.length - before).toBe(2);
    expect(fx.logs[before]).toMatchObject({
      pod: 'grpc-infra-backend-v1-abc12-xyz',
      namespace: 'grpc-conformance-infra',
      method: '/com.example.User/Login',
      authority: 'foo.example.com',
      requestId: 'req-42',
      code: 12,
      headers: expect.objectContaining({ ':authority': ['foo.example.com'], 'x-request-id': ['req-42'] }),
    });
    expect(typeof fx.logs[before]?.time).toBe('string');
  });
});
