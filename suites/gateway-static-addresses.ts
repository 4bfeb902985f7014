import { isIP } from 'node:net';
import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';
import { describeListeners, hasCondition, hasLatestConditions, listenersMatch, type ExpectedListener } from './gateway-status.ts';

const GATEWAY = { kind: 'Gateway', name: 'gateway-static-addresses' } as const;
// Upstream's address of a type nobody supports: a domain-prefixed type is valid to the API server.
const INVALID = { type: 'test/fake-invalid-type', value: 'fake address teehee!' };
const SERVING: readonly ExpectedListener[] = [
  {
    name: 'http',
    supportedKinds: ['HTTPRoute'],
    conditions: [
      { type: 'Accepted', status: 'True' },
      { type: 'ResolvedRefs', status: 'True' },
    ],
    attachedRoutes: 0,
  },
];

interface SpecAddress {
  readonly type: string;
  readonly value: string;
}

/** Like upstream's flags: an IP is requested as IPAddress, anything else as Hostname. */
const requested = (value: string): SpecAddress => ({ type: isIP(value) ? 'IPAddress' : 'Hostname', value });
const statusAddresses = (g: KubeObject): { type?: string; value: string }[] => (g.status as { addresses?: { type?: string; value: string }[] } | undefined)?.addresses ?? [];

function gatewayRequesting(namespace: string, addresses: readonly SpecAddress[]): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: GATEWAY.name, namespace },
    spec: {
      gatewayClassName: 'GATEWAY_CLASS_NAME',
      addresses,
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }],
    },
  };
}

/**
 * Upstream's three states of one Gateway's spec.addresses. Gateway API (GatewaySpec.addresses): a
 * requested address that is invalid or unavailable MUST be indicated in the Gateway's conditions:
 * an unsupported type as Accepted=False UnsupportedAddress, an address that cannot be used as
 * Programmed=False AddressNotUsable (GatewayConditionReason); and the implementation MUST bind all
 * listeners to every address it assigns and list it in status.addresses, which lists the addresses
 * bound. Stricter than upstream in one place, for that MUST: the usable address must answer (no
 * route is attached, so with UNIMPLEMENTED, §12 114).
 */
export const gatewayStaticAddresses = defineConformanceTest({
  name: 'GatewayStaticAddresses',
  description: 'A Gateway in the infra namespace uses a usable address it requests, and reports an unsupported address type and an unusable address in its conditions.',
  features: [Feature.Gateway, Feature.GatewayStaticAddresses],
  manifests: [],
  specRefs: [104, 114],
  async run(t) {
    const { usable, unusable } = t.staticAddresses;
    if (!usable || !unusable) {
      throw new Error(
        'GatewayStaticAddresses needs an address your implementation can give a Gateway and one it must refuse: run with --usable-address ADDRESS --unusable-address ADDRESS, or --exempt-features GatewayStaticAddresses',
      );
    }
    const [usableAddress, unusableAddress] = [requested(usable), requested(unusable)];
    await t.kube.apply([gatewayRequesting(t.namespaces.infra, [INVALID, unusableAddress, usableAddress])]);
    const before = await t.step('an address of an unsupported type: Accepted=False, reason UnsupportedAddress', () =>
      t.kube.objectMustSatisfy(GATEWAY, 'conditions at the current generation, Accepted=False UnsupportedAddress', (g) =>
        hasLatestConditions(g) && hasCondition(g, { type: 'Accepted', status: 'False', reason: 'UnsupportedAddress' }),
      ),
    );

    const newer = (than: KubeObject) => (g: KubeObject) => (g.metadata.generation ?? 0) > (than.metadata.generation ?? 0) && hasLatestConditions(g);
    await t.kube.patch(GATEWAY, { spec: { addresses: [unusableAddress, usableAddress] } });
    const unusableOnly = await t.step(`unsupported type removed, ${unusable} left: Accepted=True Accepted, Programmed=False AddressNotUsable`, () =>
      t.kube.objectMustSatisfy(GATEWAY, 'a new generation, Accepted=True Accepted and Programmed=False AddressNotUsable at it', (g) =>
        newer(before)(g) &&
        hasCondition(g, { type: 'Accepted', status: 'True', reason: 'Accepted' }) &&
        hasCondition(g, { type: 'Programmed', status: 'False', reason: 'AddressNotUsable' }),
      ),
    );

    await t.kube.patch(GATEWAY, { spec: { addresses: [usableAddress] } });
    await t.step(`only ${usable} left: Accepted, Programmed, listener http serving, status.addresses exactly ${usableAddress.type} ${usable}`, () =>
      t.kube.objectMustSatisfy(GATEWAY, `a new generation, Accepted=True and Programmed=True with their own reasons; ${describeListeners(SERVING)}; one status address`, (g) => {
        const addresses = statusAddresses(g);
        return (
          newer(unusableOnly)(g) &&
          hasCondition(g, { type: 'Accepted', status: 'True', reason: 'Accepted' }) &&
          hasCondition(g, { type: 'Programmed', status: 'True', reason: 'Programmed' }) &&
          listenersMatch(g, SERVING) &&
          addresses.length === 1 &&
          addresses[0]!.value === usable &&
          addresses[0]!.type === usableAddress.type
        );
      }),
    );
    const gw = await t.kube.gatewayAddress({ name: GATEWAY.name }, 'http');
    await t.grpc.expectEventually(gw, { name: `${usable} is bound: a call nothing routes is answered UNIMPLEMENTED`, call: { method: 'Echo' }, expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } });
  },
});
