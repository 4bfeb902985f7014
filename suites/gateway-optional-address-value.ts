import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';
import { hasLatestConditions } from './gateway-status.ts';

const GATEWAY = { kind: 'Gateway', name: 'gateway-without-address-value' } as const;

/**
 * An address entry without a value (GatewaySpecAddress.value): an implementation that supports it
 * (GatewayAddressEmpty) assigns an address; one that does not MUST say Programmed=False
 * AddressNotAssigned, and so must not claim the feature. Like upstream, any typed status address
 * will do. Stricter for the MUST to bind every listener to every assigned address: the address
 * must answer (no route is attached, so with UNIMPLEMENTED, §12 114).
 */
export const gatewayOptionalAddressValue = defineConformanceTest({
  name: 'GatewayOptionalAddressValue',
  description: 'A Gateway asking for an IPAddress without a value gets an address assigned, and its listener is served there.',
  features: [Feature.Gateway, Feature.GatewayAddressEmpty],
  provisionalBefore: 'v1.7.0',
  manifests: ['gateway-optional-address-value.yaml'],
  specRefs: [104, 114],
  async run(t) {
    await t.kube.objectMustSatisfy(GATEWAY, 'all conditions at the current generation', hasLatestConditions);
    const gw = await t.step('an address is assigned and listed in status.addresses with its type', () => t.kube.gatewayAddress({ name: GATEWAY.name }, 'http'));
    await t.grpc.expectEventually(gw, { name: `${gw.host} is bound: a call nothing routes is answered UNIMPLEMENTED`, call: { method: 'Echo' }, expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } });
  },
});
