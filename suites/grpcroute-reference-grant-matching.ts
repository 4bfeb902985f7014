import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'same-namespace', sectionName: 'http' };
const host = (route: string): string => `${route}.grpc.example`;

// Each route's grant is wrong in exactly one way (see the fixture); all Services select live pods,
// so a gateway that lets one through answers OK instead of UNAVAILABLE.
const REFUSED: readonly { route: string; service: string; why: string }[] = [
  { route: 'refgrant-wrong-from-kind', service: 'grpc-refgrant-wrong-from-kind', why: 'from kind HTTPRoute' },
  { route: 'refgrant-wrong-from-namespace', service: 'grpc-refgrant-wrong-from-namespace', why: 'from another namespace' },
  { route: 'refgrant-wrong-to-kind', service: 'grpc-refgrant-wrong-to-kind', why: 'to kind Secret' },
  { route: 'refgrant-wrong-to-name', service: 'grpc-refgrant-wrong-to-name', why: 'to another Service name' },
  { route: 'refgrant-wrong-grant-namespace', service: 'grpc-refgrant-wrong-grant-namespace', why: 'grant in the route namespace' },
];
const ORED = { route: 'refgrant-ored', service: 'grpc-refgrant-ored' };

export const grpcRouteReferenceGrantMatching = defineConformanceTest({
  name: 'GRPCRouteReferenceGrantMatching',
  description: 'A ReferenceGrant permits a GRPCRoute backendRef only when one from entry and one to entry match (entries OR\'ed); near misses do not permit',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.ReferenceGrant],
  manifests: ['grpcroute-reference-grant-matching.yaml'],
  specRefs: [69, 75, 87, 89],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: GATEWAY.name, listeners: [GATEWAY.sectionName] },
      routes: [{ name: ORED.route }],
    });
    await t.cases(
      REFUSED.map((r) => ({ ...r, name: `${r.route} (${r.why}): ResolvedRefs=False RefNotPermitted` })),
      (r) =>
        t.kube.routeMustHaveConditions({ name: r.route }, GATEWAY, [
          { type: 'Accepted', status: 'True' },
          { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted', messageIncludes: [r.service] },
        ]),
    );
    const cases: GrpcCase[] = [
      ...REFUSED.map((r) => ({
        name: `${r.route} (${r.why}): not permitted, the gateway answers UNAVAILABLE`,
        call: { method: 'Echo', authority: host(r.route) },
        expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' as const },
      })),
      {
        name: `${ORED.route}: the second from and the second to entry match, routed to the app namespace`,
        call: { method: 'Echo', authority: host(ORED.route) },
        expect: { backend: 'grpc-refgrant-backend', namespace: t.namespaces.app, authority: host(ORED.route) },
      },
    ];
    await t.grpc.expectCases(gw, cases);
  },
});
