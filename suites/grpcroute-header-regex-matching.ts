import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'header-regex.grpc.example';
const REGEX_RULE = 'grpc-infra-backend-v2';
const FALLBACK_RULE = 'grpc-infra-backend-v1';

/** [x-build value sent (undefined = none), backend]; the route's pattern is v[0-9]+. */
const TABLE: readonly [string | undefined, string][] = [
  ['v12', REGEX_RULE],
  ['v7', REGEX_RULE],
  // Each of these contains a match of the pattern, so only full matching keeps them off the regex rule.
  ['v12-beta', FALLBACK_RULE],
  ['av1', FALLBACK_RULE],
  ['v', FALLBACK_RULE],
  [undefined, FALLBACK_RULE],
];

const CASES: readonly GrpcCase[] = TABLE.map(([build, backend]) => ({
  name: `${build === undefined ? 'no x-build' : `x-build: ${build}`} goes to ${backend}`,
  call: { method: 'Echo', authority: HOST, ...(build === undefined ? {} : { metadata: { 'x-build': build } }) },
  expect: { backend, authority: HOST, ...(build === undefined ? { absentRequestHeaders: ['x-build'] } : { requestHeaders: { 'x-build': build } }) },
}));

export const grpcRouteHeaderRegexMatching = defineConformanceTest({
  name: 'GRPCRouteHeaderRegexMatching',
  description: 'A RegularExpression header match must match the whole header value',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteHeaderRegexMatch],
  manifests: ['grpcroute-header-regex-matching.yaml'],
  specRefs: [93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'header-regex-matching' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
