import { Feature } from '../harness/features/features.ts';
import type { EchoAssertions, GrpcCase } from '../harness/grpc/types.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'backend-tls.grpc.example';
const CERT_MISMATCH_HOST = 'backend-tls-cert-mismatch.grpc.example';
const POLICIES = ['grpc-normative-test', 'grpc-host-mismatch', 'grpc-cert-mismatch'];

const VALID: GrpcCase = {
  name: 'gRPC request sent to Service with valid BackendTLSPolicy should succeed',
  call: { method: 'Echo', authority: HOST },
  expect: { backend: 'grpc-infra-backend-v1' },
};
const MISMATCHES: readonly GrpcCase[] = [
  {
    name: 'gRPC request sent to Service with BackendTLSPolicy with mismatched hostname should fail',
    call: { method: 'EchoTwo', authority: HOST },
    expect: { anyError: true, answeredBy: 'gateway', allowNoAnswer: true },
  },
  {
    name: 'gRPC request sent to Service with BackendTLSPolicy with mismatched cert should fail',
    call: { method: 'Echo', authority: CERT_MISMATCH_HOST },
    expect: { anyError: true, answeredBy: 'gateway', allowNoAnswer: true },
  },
];

/** The backend answered, but not over the TLS session the policy asks for. */
class BackendTlsNotObservedError extends Error {
  readonly code = 'GRPCCONF_BACKEND_TLS_NOT_OBSERVED';
  readonly expected = { serverName: 'abc.example.com', negotiatedProtocol: 'h2' };

  constructor(readonly observed: EchoAssertions['tlsAssertions'] | null) {
    super(`backend did not see TLS with SNI abc.example.com and ALPN h2: ${JSON.stringify(observed ?? null)}`);
    this.name = 'BackendTlsNotObservedError';
  }
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  observedGeneration?: number;
}
interface Ancestor {
  ancestorRef: { name: string; namespace?: string; kind?: string };
  controllerName: string;
  conditions?: Condition[];
}

const hasCurrent = (conditions: readonly Condition[], type: string, generation: number | undefined): boolean =>
  conditions.some((c) => c.type === type && c.status === 'True' && c.reason === type && c.observedGeneration === generation);

export const backendTlsPolicyGrpcRoute = defineConformanceTest({
  name: 'BackendTLSPolicyGRPCRoute',
  description: 'A BackendTLSPolicy attached to a Service consumed by a GRPCRoute should configure TLS between gateway and backend',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.BackendTLSPolicy],
  manifests: ['backendtlspolicy-grpcroute.yaml'],
  specRefs: [86, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'backendtlspolicy-grpcroute' }, { name: 'backendtlspolicy-grpcroute-cert-mismatch' }],
    });
    const ancestorAccepted = (policy: KubeObject): boolean => {
      const ancestors = (policy.status as { ancestors?: Ancestor[] } | undefined)?.ancestors ?? [];
      return ancestors.some(
        (a) =>
          a.ancestorRef.name === 'same-namespace' &&
          (a.ancestorRef.namespace ?? t.namespaces.infra) === t.namespaces.infra &&
          a.controllerName === t.kube.controllerName &&
          hasCurrent(a.conditions ?? [], 'Accepted', policy.metadata.generation) &&
          hasCurrent(a.conditions ?? [], 'ResolvedRefs', policy.metadata.generation),
      );
    };
    await t.cases(
      POLICIES.map((name) => ({ name: `${name} has ancestor same-namespace Accepted and ResolvedRefs` , policy: name })),
      async ({ policy }) => {
        await t.kube.objectMustSatisfy({ kind: 'BackendTLSPolicy', name: policy }, 'ancestor same-namespace Accepted+ResolvedRefs', ancestorAccepted);
      },
    );
    await t.step('valid policy: the backend answers over TLS with SNI abc.example.com and ALPN h2', async () => {
      const result = await t.grpc.expectEventually(gw, VALID);
      const tls = result.responses[0]?.tlsAssertions;
      if (tls?.serverName !== 'abc.example.com' || tls.negotiatedProtocol !== 'h2') throw new BackendTlsNotObservedError(tls ?? null);
    });
    await t.grpc.expectCases(gw, MISMATCHES);
  },
});
