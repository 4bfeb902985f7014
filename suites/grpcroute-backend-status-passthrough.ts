import { Feature } from '../harness/features/features.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import type { EchoPlusRequestInit, GrpcCase, GrpcExpectation } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'status-passthrough.grpc.example';
const BYTES = Buffer.from([0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff]);
const B64 = BYTES.toString('base64');
const NON_ASCII = 'Frist überschritten: 100% – ☃ (50%25 literal)';

const plusCase = (name: string, plus: EchoPlusRequestInit, expect: GrpcExpectation): GrpcCase => ({
  name,
  call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST, plus },
  expect: { answeredBy: 'backend', backend: 'grpc-infra-backend-v1', ...expect },
});

const CASES: readonly GrpcCase[] = [
  plusCase('NOT_FOUND and its message pass unchanged', { statusCode: Code.NOT_FOUND, statusMessage: 'no such item' }, { code: Code.NOT_FOUND, details: 'no such item' }),
  plusCase('PERMISSION_DENIED passes unchanged', { statusCode: Code.PERMISSION_DENIED, statusMessage: 'denied by the backend' }, { code: Code.PERMISSION_DENIED, details: 'denied by the backend' }),
  plusCase('the backend\'s own UNAVAILABLE is passed on as it is', { statusCode: Code.UNAVAILABLE, statusMessage: 'backend overloaded' }, { code: Code.UNAVAILABLE, details: 'backend overloaded' }),
  plusCase('a non-ASCII message with % signs arrives unchanged (percent-encoding survives)', { statusCode: Code.INTERNAL, statusMessage: NON_ASCII }, { code: Code.INTERNAL, details: NON_ASCII }),
  plusCase(
    'OK with custom and -bin response headers and trailers',
    {
      responseHeaders: { 'x-custom-header': 'header-value', 'x-custom-header-bin': BYTES },
      responseTrailers: { 'x-custom-trailer': 'trailer-value', 'x-custom-trailer-bin': BYTES },
    },
    {
      responseHeaders: { 'x-custom-header': 'header-value', 'x-custom-header-bin': B64 },
      trailers: { 'x-custom-trailer': 'trailer-value', 'x-custom-trailer-bin': B64 },
    },
  ),
  plusCase(
    'FAILED_PRECONDITION with custom and -bin trailers',
    { statusCode: Code.FAILED_PRECONDITION, statusMessage: 'precondition', responseTrailers: { 'x-error-detail': 'why', 'x-error-detail-bin': BYTES } },
    { code: Code.FAILED_PRECONDITION, details: 'precondition', trailers: { 'x-error-detail': 'why', 'x-error-detail-bin': B64 } },
  ),
];

export const grpcRouteBackendStatusPassthrough = defineConformanceTest({
  name: 'GRPCRouteBackendStatusPassthrough',
  description: 'Backend status codes, messages (non-ASCII and % included), custom and -bin headers and trailers reach the client unchanged through the gateway',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-backend-status-passthrough.yaml'],
  specRefs: [3, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'backend-status-passthrough' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
