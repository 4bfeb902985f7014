import { Feature } from '../harness/features/features.ts';
import type { GrpcCase, GrpcExpectation, MetadataInit } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'request-header-modifier.grpc.example';
const V1 = 'grpc-infra-backend-v1';
const V2 = 'grpc-infra-backend-v2';

const echo = (testCase: string, metadata: MetadataInit, method = 'Echo') => ({
  method,
  authority: HOST,
  metadata: { 'x-test-case': testCase, ...metadata },
});
const expectAt = (backend: string, expectation: GrpcExpectation): GrpcExpectation => ({ backend, ...expectation });

// An added value must follow the values the client sent; the backend sees one entry per value.
const CASES: readonly GrpcCase[] = [
  {
    name: 'Set headers -- X-Header-Set is added when absent',
    call: echo('set', { 'Some-Other-Header': 'this-header-should-be-set' }),
    expect: expectAt(V1, { requestHeaders: { 'x-header-set': 'set-overwrites-values', 'some-other-header': 'this-header-should-be-set' } }),
  },
  {
    name: 'Set headers -- X-Header-Set overwrites the value sent',
    call: echo('set', { 'Some-Other-Header': 'this-header-should-be-set', 'X-Header-Set': 'this-value-should-be-overwritten' }),
    expect: expectAt(V1, { requestHeaders: { 'x-header-set': ['set-overwrites-values'] } }),
  },
  {
    name: 'Add headers -- X-Header-Add is added when absent, and only this rule filters',
    call: echo('add', { 'Some-Other-Header': 'this-header-should-be-set' }),
    expect: expectAt(V1, { requestHeaders: { 'x-header-add': 'add-appends-values' }, absentRequestHeaders: ['x-header-set'] }),
  },
  {
    name: 'Add headers -- X-Header-Add appends to the value sent',
    call: echo('add', { 'X-Header-Add': 'this-value-should-be-appended' }),
    expect: expectAt(V1, { requestHeaders: { 'x-header-add': ['this-value-should-be-appended', 'add-appends-values'] } }),
  },
  {
    name: 'Remove headers -- X-Header-Remove is removed',
    call: echo('remove', { 'X-Header-Remove': 'this-should-be-removed' }),
    expect: expectAt(V1, { requestHeaders: { 'x-test-case': 'remove' }, absentRequestHeaders: ['x-header-remove'] }),
  },
  {
    name: 'Multiple operations -- set, add and remove in one filter',
    call: echo(
      'multi',
      {
        'X-Header-Set-2': 'set-header-2',
        'X-Header-Add-2': 'add-header-2',
        'X-Header-Remove-2': 'should-be-removed-2',
        'Some-Other-Header': 'another-header-val',
      },
      'EchoTwo',
    ),
    expect: expectAt(V2, {
      requestHeaders: {
        'x-header-set-1': 'header-set-1',
        'x-header-set-2': ['header-set-2'],
        'x-header-add-1': 'header-add-1',
        'x-header-add-2': ['add-header-2', 'header-add-2'],
        'some-other-header': 'another-header-val',
      },
      absentRequestHeaders: ['x-header-remove-1', 'x-header-remove-2'],
    }),
  },
  {
    name: 'Case-insensitive names -- mixed-case route names act on lower-case request headers',
    call: echo('multi', { 'x-header-set-1': 'original-set-1', 'x-header-add-1': 'existing-add-1', 'x-header-remove-1': 'should-be-removed-1' }, 'EchoTwo'),
    expect: expectAt(V2, {
      requestHeaders: { 'x-header-set-1': ['header-set-1'], 'x-header-add-1': ['existing-add-1', 'header-add-1'] },
      absentRequestHeaders: ['x-header-remove-1'],
    }),
  },
  {
    name: 'Case-insensitive names -- lower-case route names act on mixed-case request headers',
    call: echo('lower-case-names', { 'X-Header-Set': 'original', 'X-Header-Add': 'existing', 'X-Header-Remove': 'should-be-removed' }),
    expect: expectAt(V1, {
      requestHeaders: { 'x-header-set': ['set-by-lower-case-rule'], 'x-header-add': ['existing', 'added-by-lower-case-rule'] },
      absentRequestHeaders: ['x-header-remove'],
    }),
  },
  {
    name: 'Equivalent names in one list -- the first entry wins, the later one is ignored',
    call: echo('equivalent-names', { 'x-header-add-twice': 'existing' }),
    expect: expectAt(V1, { requestHeaders: { 'x-header-set-twice': ['first-set'], 'x-header-add-twice': ['existing', 'first-add'] } }),
  },
];

export const grpcRouteRequestHeaderModifier = defineConformanceTest({
  name: 'GRPCRouteRequestHeaderModifier',
  description: 'A GRPCRoute with RequestHeaderModifier filter should modify request headers',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteRequestHeaderModifier],
  manifests: ['grpcroute-request-header-modifier.yaml'],
  specRefs: [3, 29, 48, 54, 55, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'grpc-request-header-modifier' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
