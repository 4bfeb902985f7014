import { Feature } from '../harness/features/features.ts';
import type { GrpcCase, MetadataInit } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'prec-headers.grpc.example';
const ONE = { 'x-one': '1' };
const TWO = { ...ONE, 'x-two': '2' };
const THREE = { ...TWO, 'x-three': '3' };

/**
 * [case, method, metadata, backend]. Routes, oldest and first by name first: GrpcEcho/Echo + x-one → v1;
 * GrpcEcho/Echo + x-one, x-two → v2; GrpcEcho (any method) + x-one, x-two, x-three → v3.
 */
const TABLE: readonly [string, string, MetadataInit, string][] = [
  ['one header: only the one-header route matches', 'Echo', ONE, 'grpc-infra-backend-v1'],
  ['two headers: the two-header route beats the older one-header route', 'Echo', TWO, 'grpc-infra-backend-v2'],
  ['three headers: the method outranks the header count', 'Echo', THREE, 'grpc-infra-backend-v2'],
  ['three headers on EchoTwo: only the service route matches', 'EchoTwo', THREE, 'grpc-infra-backend-v3'],
];

const CASES: readonly GrpcCase[] = TABLE.map(([name, method, metadata, backend]) => ({
  name,
  call: { method, authority: HOST, metadata },
  expect: { backend, authority: HOST },
}));

export const grpcRoutePrecedenceHeaderCount = defineConformanceTest({
  name: 'GRPCRoutePrecedenceHeaderCount',
  description: 'Across routes, more header matches win, but only after service and method characters',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-precedence-header-count.yaml'],
  specRefs: [29, 41, 42, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'prec-headers-a-one' }, { name: 'prec-headers-b-two' }, { name: 'prec-headers-c-three-no-method' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
