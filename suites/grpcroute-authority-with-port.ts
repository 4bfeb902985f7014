import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'authority-port.grpc.example';
const BACKEND = 'grpc-infra-backend-v1';

/** [authority sent, backend or error code]; the route's only hostname is authority-port.grpc.example. */
const TABLE: readonly [string, string | number][] = [
  [HOST, BACKEND],
  [`${HOST}:80`, BACKEND],
  [`${HOST}:8443`, BACKEND],
  ['Authority-Port.GRPC.example:80', BACKEND],
  ['authority-port-other.grpc.example:80', Code.UNIMPLEMENTED],
];

const CASES: readonly GrpcCase[] = TABLE.map(([authority, outcome]) => ({
  name: typeof outcome === 'number' ? `${authority} matches no route` : `${authority} goes to ${outcome}`,
  call: { method: 'Echo', authority },
  expect: typeof outcome === 'number' ? { code: outcome, answeredBy: 'gateway' } : { backend: outcome },
}));

export const grpcRouteAuthorityWithPort = defineConformanceTest({
  name: 'GRPCRouteAuthorityWithPort',
  description: 'The hostname of :authority matches route hostnames whatever port it carries, case-insensitively',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-authority-with-port.yaml'],
  specRefs: [93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'authority-with-port' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
