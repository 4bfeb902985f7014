import type { RunResult } from '../../harness/runner/results.ts';

const ROUTE_STATUS = `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: header-matching
  namespace: grpc-conformance-infra
  generation: 1
spec:
  parentRefs:
    - name: same-namespace
status:
  parents:
    - parentRef:
        name: same-namespace
      controllerName: grpcroute-conformance.dev/reference-gateway
      conditions:
        - type: Accepted
          status: "True"
          reason: Accepted
          observedGeneration: 1
        - type: ResolvedRefs
          status: "False"
          reason: BackendNotFound
          message: service "grpc-infra-backend-v9" not found
          observedGeneration: 1
`;

/**
 * One run with every outcome the reports render: passed (core, extended), failed with
 * diagnostics, skipped, not supported, provisional passed and provisional skipped; plus text
 * that needs escaping (ANSI, <, &, quotes, pipes, a script tag, a control character).
 */
export const FIXTURE_RUN: RunResult = {
  startedAt: '2026-03-01T10:00:00.000Z',
  finishedAt: '2026-03-01T10:01:30.500Z',
  gatewayClass: 'grpcroute-reference',
  cluster: 'embedded',
  mode: 'default',
  gatewayAPIVersion: 'v1.4.0',
  gatewayAPIChannel: 'standard',
  supportedFeatures: ['GRPCRoute', 'Gateway', 'ReferenceGrant', 'GRPCRouteNamedRouteRule', 'GRPCRouteRequestMirror', 'GatewayPort8080'],
  featureSource: 'inferred',
  implementation: {
    organization: 'grpcroute-conformance',
    project: 'reference-gateway',
    url: 'https://example.invalid/reference-gateway',
    version: 'v0.1.0',
    contact: ['@maintainers'],
  },
  tests: [
    {
      name: 'GRPCRouteHeaderMatching',
      description: 'Header matches pick the backend; all headers of a match must match.',
      features: ['Gateway', 'GRPCRoute'],
      level: 'core',
      provisional: false,
      specRefs: [32, 29, 93],
      outcome: 'failed',
      durationMs: 30_412,
      error: '\u001b[31mcase "version=two & env=<canary>" failed\u001b[0m after 30s',
      cases: [
        { name: 'version=one', outcome: 'passed', durationMs: 1_850, attempts: 4, convergedAfterMs: 850, expected: { backend: 'grpc-infra-backend-v1' }, observed: { backend: 'grpc-infra-backend-v1', code: 'OK' } },
        {
          name: 'version=two & env=<canary>',
          outcome: 'failed',
          durationMs: 30_000,
          attempts: 61,
          expected: { backend: 'grpc-infra-backend-v2', code: 'OK' },
          observed: { code: 'UNAVAILABLE', details: 'no healthy upstream | "v9" </script><b>x</b>\u0007' },
          error: 'not converged: 0 of 3 consecutive good answers before the 30s deadline',
        },
      ],
      diagnostics: {
        resourcesYaml: ROUTE_STATUS,
        events: 'Warning BackendNotFound grpcroute/header-matching service "grpc-infra-backend-v9" not found',
        inspectHint: 'kubectl get grpcroute -n grpc-conformance-infra -l grpcroute-conformance.dev/test=GRPCRouteHeaderMatching -o yaml',
      },
    },
    {
      name: 'GRPCExactMethodMatching',
      description: 'Exact service and method matches route to the right backend.',
      features: ['Gateway', 'GRPCRoute'],
      level: 'core',
      provisional: false,
      specRefs: [40, 41, 27],
      outcome: 'passed',
      durationMs: 2_400,
      cases: [
        { name: 'grpc.testing.Echo/Echo', outcome: 'passed', durationMs: 1_200, attempts: 3, convergedAfterMs: 400, expected: { backend: 'grpc-infra-backend-v1' }, observed: { backend: 'grpc-infra-backend-v1' } },
        { name: 'grpc.testing.Echo/EchoTwo', outcome: 'passed', durationMs: 900, attempts: 3, convergedAfterMs: 0, expected: { backend: 'grpc-infra-backend-v2' }, observed: { backend: 'grpc-infra-backend-v2' } },
      ],
    },
    {
      name: 'GRPCRouteListenerPort8080',
      description: 'A route attached to a port 8080 listener serves there.',
      features: ['Gateway', 'GRPCRoute', 'GatewayPort8080'],
      level: 'extended',
      provisional: false,
      specRefs: [17],
      outcome: 'passed',
      durationMs: 1_100,
      cases: [{ name: 'port 8080', outcome: 'passed', durationMs: 1_100, attempts: 3, convergedAfterMs: 100 }],
    },
    {
      name: 'GRPCRouteWeight',
      description: 'Traffic splits by backend weight.',
      features: ['Gateway', 'GRPCRoute'],
      level: 'core',
      provisional: false,
      specRefs: [80],
      outcome: 'skipped',
      reason: 'skipped by --skip-tests',
      durationMs: 0,
      cases: [],
    },
    {
      name: 'GRPCRouteMethodRegexMatching',
      description: 'RegularExpression method matches.',
      features: ['Gateway', 'GRPCRoute', 'GRPCRouteMethodRegexMatch'],
      level: 'implementation-specific',
      provisional: false,
      specRefs: [],
      outcome: 'notSupported',
      reason: 'needs features the implementation does not support',
      missingFeatures: ['GRPCRouteMethodRegexMatch'],
      durationMs: 0,
      cases: [],
    },
    {
      name: 'GRPCRouteNamedRule',
      description: 'Named rules are accepted and routed.',
      features: ['Gateway', 'GRPCRoute', 'GRPCRouteNamedRouteRule'],
      level: 'extended',
      provisional: true,
      specRefs: [26],
      outcome: 'passed',
      durationMs: 700,
      cases: [{ name: 'rule name accepted', outcome: 'passed', durationMs: 700, attempts: 3, convergedAfterMs: 200 }],
    },
    {
      name: 'GRPCRouteRequestMirror',
      description: 'Mirrored requests reach the mirror backend.',
      features: ['Gateway', 'GRPCRoute', 'GRPCRouteRequestMirror'],
      level: 'extended',
      provisional: true,
      specRefs: [57, 58],
      outcome: 'provisionalSkipped',
      reason: 'provisional test; run with --allow-provisional',
      durationMs: 0,
      cases: [],
    },
  ],
};
