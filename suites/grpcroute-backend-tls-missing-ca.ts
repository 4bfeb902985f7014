import { Feature } from '../harness/features/features.ts';
import type { KubeObject, ObservedCondition } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';
import { convergeOnOneReading } from './one-allowed-reading.ts';

const ROUTE = { name: 'backend-tls-missing-ca' };
const POLICY = { kind: 'BackendTLSPolicy', name: 'backend-tls-missing-ca' };
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'backend-tls-missing-ca.grpc.example';

type Reading = 'backend invalid' | 'policy invalid';

interface Ancestor {
  ancestorRef: { name: string; namespace?: string };
  controllerName: string;
  conditions?: (ObservedCondition & { observedGeneration?: number })[];
}

/**
 * Two texts cover a policy whose only CA ConfigMap is missing, and neither says which one rules:
 * GRPCBackendRef makes the backend invalid when "the implementation is unable to meet the
 * requirement" of a BackendTLSPolicy (route ResolvedRefs=False, RPCs UNAVAILABLE, #76/#69);
 * BackendTLSPolicy itself asks for `Accepted=False` reason `NoValidCACertificate` on the policy and
 * says "Connections using an invalid CACertificateRef MUST fail, and the client MUST receive an
 * HTTP 5xx error response". Either reading passes, each checked whole with its traffic.
 */
function readingOf(route: readonly ObservedCondition[] | undefined, policy: KubeObject | undefined, controllerName: string, infra: string): Reading | undefined {
  const accepted = route?.find((c) => c.type === 'Accepted');
  const resolved = route?.find((c) => c.type === 'ResolvedRefs');
  if (accepted?.status !== 'True' || !resolved) return undefined;
  if (resolved.status === 'False') return 'backend invalid';
  const ancestors = (policy?.status as { ancestors?: Ancestor[] } | undefined)?.ancestors ?? [];
  const ours = ancestors.find((a) => a.controllerName === controllerName && a.ancestorRef.name === PARENT.name && (a.ancestorRef.namespace ?? infra) === infra);
  const policyAccepted = ours?.conditions?.find((c) => c.type === 'Accepted');
  const current = policyAccepted?.observedGeneration === policy?.metadata.generation;
  return policyAccepted?.status === 'False' && policyAccepted.reason === 'NoValidCACertificate' && current ? 'policy invalid' : undefined;
}

export const grpcRouteBackendTlsMissingCa = defineConformanceTest({
  name: 'GRPCRouteBackendTLSMissingCA',
  description:
    'A BackendTLSPolicy whose caCertificateRefs names a ConfigMap that does not exist cannot be met: either the route gets ' +
    'ResolvedRefs=False and RPCs fail UNAVAILABLE, or the policy gets Accepted=False NoValidCACertificate and RPCs get a gateway-made 5xx',
  // Before v1.7.0 no upstream feature promised BackendTLSPolicy for GRPCRoute backends (#86 is the
  // v1.7.0 union, with BackendTLSPolicyGRPCRoute): there it takes our feature as well.
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.BackendTLSPolicy, Feature.GRPCRouteBackendTLSPolicy],
  featuresFrom: [{ since: 'v1.7.0', features: [Feature.Gateway, Feature.GRPCRoute, Feature.BackendTLSPolicy] }],
  manifests: ['grpcroute-backend-tls-missing-ca.yaml'],
  specRefs: [69, 76, 86, 93],
  async run(t) {
    const gw = await t.kube.gatewayAddress({ name: PARENT.name }, PARENT.sectionName);
    const read = async (): Promise<Reading | undefined> =>
      readingOf(await t.kube.readRouteConditions(ROUTE, PARENT), await t.kube.get(POLICY), t.kube.controllerName, t.namespaces.infra);
    await convergeOnOneReading(t, 'status and traffic agree on one allowed reading', gw, read, {
      'backend invalid': {
        name: 'route ResolvedRefs=False: the backend is invalid, UNAVAILABLE from the gateway',
        call: { method: 'Echo', authority: HOST },
        expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
      },
      'policy invalid': {
        // What gRPC clients make of an HTTP 5xx: 500/501 UNKNOWN, 502-504 UNAVAILABLE.
        name: 'policy Accepted=False NoValidCACertificate: the connection fails with a gateway-made 5xx',
        call: { method: 'Echo', authority: HOST },
        expect: { codeOneOf: [Code.UNKNOWN, Code.UNAVAILABLE], answeredBy: 'gateway' },
      },
    });
  },
});
