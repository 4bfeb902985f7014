import { Feature } from '../harness/features/features.ts';
import type { ObservedCondition } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';
import { convergeOnOneReading } from './one-allowed-reading.ts';

const ROUTE = { name: 'mixed-protocol-port' };
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'mixed-protocol-port.grpc.example';

type Reading = 'multiplexing supported' | 'unsupported';

// GEP-1911: "Implementations MAY support ... multiplexing TCP and UDP on the same port. Otherwise
// implementations MUST set ... UnsupportedProtocol". Either reading passes, each checked whole.
function readingOf(conditions: readonly ObservedCondition[] | undefined): Reading | undefined {
  const accepted = conditions?.find((c) => c.type === 'Accepted');
  const resolved = conditions?.find((c) => c.type === 'ResolvedRefs');
  if (accepted?.status !== 'True' || !resolved) return undefined;
  if (resolved.status === 'True') return 'multiplexing supported';
  return resolved.status === 'False' && resolved.reason === 'UnsupportedProtocol' ? 'unsupported' : undefined;
}

export const grpcRouteMixedProtocolPort = defineConformanceTest({
  name: 'GRPCRouteMixedProtocolPort',
  description:
    'A backend Service port number carrying both TCP and UDP: the route stays Accepted and either the gateway supports it ' +
    '(ResolvedRefs=True, RPCs reach the backend) or it does not (ResolvedRefs=False UnsupportedProtocol, RPCs get UNAVAILABLE from the gateway)',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-mixed-protocol-port.yaml'],
  specRefs: [68, 85, 93, 103],
  async run(t) {
    const gw = await t.kube.gatewayAddress({ name: PARENT.name }, PARENT.sectionName);
    await convergeOnOneReading(t, 'status and traffic agree on one allowed reading', gw, async () => readingOf(await t.kube.readRouteConditions(ROUTE, PARENT)), {
      'multiplexing supported': {
        name: 'supported: RPCs reach the Service',
        call: { method: 'Echo', authority: HOST },
        expect: { backend: 'grpc-infra-backend-v1', authority: HOST },
      },
      unsupported: {
        name: 'unsupported: the backend is invalid, UNAVAILABLE from the gateway',
        call: { method: 'Echo', authority: HOST },
        expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
      },
    });
  },
});
