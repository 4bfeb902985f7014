import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareResult } from '../../harness/grpc/expect.ts';
import { createGrpcHelpers } from '../../harness/grpc/helpers.ts';
import { ECHO_PLUS_SERVICE } from '../../harness/grpc/types.ts';
import type { GrpcCall, GrpcExpectation, GrpcResult } from '../../harness/grpc/types.ts';
import { NAMESPACE, TEST_TIMEOUTS, startBackend } from './support/echo-backend.ts';
import { startAnsweringGateway } from './support/fake-gateway.ts';

const grpc = createGrpcHelpers({ timeouts: TEST_TIMEOUTS, infraNamespace: NAMESPACE });

// Real answers, captured once, compared against many expectations.
const calls = {
  echo: { method: 'Echo', authority: 'bar.com', metadata: { 'x-multi': ['1', '2'], version: 'two', 'x-id-bin': Buffer.from([7]) } },
  plusError: {
    service: ECHO_PLUS_SERVICE,
    method: 'Unary',
    plus: { statusCode: 5, statusMessage: 'gone', responseHeaders: { 'x-h': 'v' }, responseTrailers: { 'x-t': ['a', 'b'] } },
  },
  unknown: { service: 'com.example.User', method: 'Login' },
  stream: { service: ECHO_PLUS_SERVICE, method: 'ServerStream', plus: { count: 3 } },
  gateway: { method: 'Echo' },
} satisfies Record<string, GrpcCall>;
type Name = keyof typeof calls;

describe('compareResult', () => {
  const results = {} as Record<Name, GrpcResult>;
  const stops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const backend = await startBackend();
    const gateway = await startAnsweringGateway(12, 'no route');
    stops.push(() => backend.server.stop(), gateway.stop);
    for (const name of ['echo', 'plusError', 'unknown', 'stream'] as const) results[name] = await grpc.send(backend.gw, calls[name]);
    results.gateway = await grpc.send(gateway.gw, calls.gateway);
  });
  afterAll(async () => Promise.all(stops.map((stop) => stop())));

  const cases: [string, Name, GrpcExpectation, string[]][] = [
    ['OK by default', 'echo', {}, []],
    ['code mismatch', 'echo', { code: 12 }, ['code']],
    ['codeOneOf hit', 'unknown', { codeOneOf: [5, 12] }, []],
    ['codeOneOf miss', 'unknown', { codeOneOf: [5, 14] }, ['code']],
    ['anyError hit', 'plusError', { anyError: true }, []],
    ['anyError miss', 'echo', { anyError: true }, ['code']],
    ['backend prefix and default namespace', 'echo', { backend: 'grpc-infra-backend-v1' }, []],
    ['wrong backend', 'echo', { backend: 'grpc-infra-backend-v2' }, ['backend']],
    ['wrong namespace', 'echo', { backend: 'grpc-infra-backend-v1', namespace: 'grpc-conformance-app-backend' }, ['namespace']],
    ['backend of an error answer from x-echo-pod', 'unknown', { code: 12, backend: 'grpc-infra-backend-v1', answeredBy: 'backend' }, []],
    ['wrong backend of an error answer', 'unknown', { code: 12, backend: 'grpc-infra-backend-v3' }, ['backend']],
    ['gateway answer has no backend', 'gateway', { code: 12, backend: 'grpc-infra-backend-v1' }, ['backend', 'namespace']],
    ['answeredBy gateway hit', 'gateway', { code: 12, answeredBy: 'gateway' }, []],
    ['answeredBy gateway miss', 'unknown', { code: 12, answeredBy: 'gateway' }, ['answeredBy']],
    ['answeredBy backend miss', 'gateway', { code: 12, answeredBy: 'backend' }, ['answeredBy']],
    ['authority hit', 'echo', { authority: 'bar.com' }, []],
    ['authority miss', 'echo', { authority: 'foo.com' }, ['authority']],
    ['request headers exact and ordered, keys case-insensitive', 'echo', { requestHeaders: { 'X-Multi': ['1', '2'], version: 'two', 'x-id-bin': 'Bw==' } }, []],
    ['request header order matters', 'echo', { requestHeaders: { 'x-multi': ['2', '1'] } }, ['requestHeaders.x-multi']],
    ['request header extra value', 'echo', { requestHeaders: { version: ['two', 'two'] } }, ['requestHeaders.version']],
    ['request header missing', 'echo', { requestHeaders: { color: 'blue' } }, ['requestHeaders.color']],
    ['request headers need an echo answer', 'unknown', { code: 12, requestHeaders: { version: 'two' } }, ['requestHeaders.version']],
    ['absent request header hit', 'echo', { absentRequestHeaders: ['x-removed'] }, []],
    ['absent request header miss', 'echo', { absentRequestHeaders: ['Version'] }, ['absentRequestHeaders.version']],
    ['response header hit', 'plusError', { code: 5, responseHeaders: { 'x-h': 'v' } }, []],
    ['response header miss', 'plusError', { code: 5, responseHeaders: { 'x-h': 'w' } }, ['responseHeaders.x-h']],
    ['absent response header miss', 'plusError', { code: 5, absentResponseHeaders: ['x-h'] }, ['absentResponseHeaders.x-h']],
    ['absent response header hit', 'plusError', { code: 5, absentResponseHeaders: ['x-nope'] }, []],
    ['trailers hit (repeated values)', 'plusError', { code: 5, trailers: { 'x-t': ['a', 'b'] } }, []],
    ['trailers miss', 'plusError', { code: 5, trailers: { 'x-t': 'a' } }, ['trailers.x-t']],
    ['details hit', 'plusError', { code: 5, details: 'gone' }, []],
    ['details miss', 'plusError', { code: 5, details: 'went' }, ['details']],
    ['responseCount hit', 'stream', { responseCount: 3 }, []],
    ['responseCount miss', 'stream', { responseCount: 2 }, ['responseCount']],
    ['alpn without TLS', 'echo', { alpn: 'h2' }, ['alpn']],
  ];

  it.each(cases)('%s', (_title, name, expectation, fields) => {
    const mismatches = compareResult(results[name], expectation, { call: calls[name], defaultNamespace: NAMESPACE });
    expect(mismatches.map((m) => m.field)).toEqual(fields);
  });

  it('treats a comma-joined field and repeated fields alike, never splitting -bin values', () => {
    const joined: GrpcResult = {
      ...results.echo,
      responses: results.echo.responses.map((r) => ({ ...r, headers: [...r.headers.filter((h) => h.key !== 'x-multi'), { key: 'x-multi', value: '1,2' }] })),
      headers: { 'x-rsp': ['a,b'], 'x-rsp-bin': ['YQ==,Yg=='] },
    };
    const compare = (expectation: GrpcExpectation) => compareResult(joined, expectation, { call: calls.echo, defaultNamespace: NAMESPACE }).map((m) => m.field);
    expect(compare({ requestHeaders: { 'x-multi': ['1', '2'] }, responseHeaders: { 'x-rsp': ['a', 'b'] } })).toEqual([]);
    expect(compare({ requestHeaders: { 'x-multi': ['2', '1'] } })).toEqual(['requestHeaders.x-multi']);
    expect(compare({ responseHeaders: { 'x-rsp-bin': ['YQ==', 'Yg=='] } })).toEqual(['responseHeaders.x-rsp-bin']);
  });

  it('never takes a transport failure for a status, unless the case allows no answer', () => {
    const reset: GrpcResult = { ...results.gateway, code: 14, transportError: 'Received RST_STREAM with code 2' };
    const compare = (expectation: GrpcExpectation) => compareResult(reset, expectation, { call: calls.gateway, defaultNamespace: NAMESPACE }).map((m) => m.field);
    expect(compare({ code: 14, answeredBy: 'gateway' })).toEqual(['answer']);
    expect(compare({ anyError: true })).toEqual(['answer']);
    expect(compare({ anyError: true, allowNoAnswer: true })).toEqual([]);
  });

  it('never reads an undecodable body as "no message"', () => {
    const corrupt: GrpcResult = { ...results.echo, responses: [], decodeError: '3-byte response message does not decode' };
    const mismatches = compareResult(corrupt, { backend: 'grpc-infra-backend-v1' }, { call: calls.echo, defaultNamespace: NAMESPACE });
    expect(mismatches.map((m) => m.field)).toContain('body');
  });

  it('checks the method the backend received on OK echo answers', () => {
    const mismatches = compareResult(results.echo, {}, { call: { method: 'EchoTwo' }, defaultNamespace: NAMESPACE });
    expect(mismatches).toEqual([
      { field: 'method', expected: '/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoTwo', observed: '/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo' },
    ]);
  });
});
