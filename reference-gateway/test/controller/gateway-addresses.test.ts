import { describe, expect, it } from 'vitest';
import type { Condition, KubeObject } from '../../src/kube/objects.ts';
import { computeState } from './compute-state.ts';
import { gateway, gatewayClass, httpListener, namespace, INFRA } from './object-builders.ts';

const requesting = (addresses: { type?: string; value?: string }[], name = 'gw'): KubeObject => {
  const gw = gateway(name, [httpListener()]);
  return { ...gw, spec: { ...(gw.spec as object), addresses } };
};
const base = [gatewayClass(), namespace(INFRA)];
const conditionOf = (status: Record<string, unknown> | undefined, type: string) => (status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);

function outcome(objects: KubeObject[], target: KubeObject, faults: string[] = []) {
  const state = computeState([...base, ...objects], { faults });
  const status = state.statusOf(target)!;
  return {
    accepted: `${conditionOf(status, 'Accepted')?.status} ${conditionOf(status, 'Accepted')?.reason}`,
    programmed: `${conditionOf(status, 'Programmed')?.status} ${conditionOf(status, 'Programmed')?.reason}`,
    addresses: status.addresses,
    served: state.config.gateways.map((g) => `${g.key}@${g.address}`),
  };
}

describe('Gateway spec.addresses', () => {
  it('refuses a type other than IPAddress (Accepted=False UnsupportedAddress) and serves nothing', () => {
    const gw = requesting([{ type: 'test/fake-invalid-type', value: 'x' }, { value: '127.2.0.254' }]);
    expect(outcome([gw], gw)).toEqual({ accepted: 'False UnsupportedAddress', programmed: 'False Invalid', addresses: [], served: [] });
  });

  it('reports an address outside the pool as AddressNotUsable, naming it, and serves nothing', () => {
    const gw = requesting([{ type: 'IPAddress', value: '192.0.2.1' }, { type: 'IPAddress', value: '127.2.0.254' }]);
    expect(outcome([gw], gw)).toEqual({ accepted: 'True Accepted', programmed: 'False AddressNotUsable', addresses: [], served: [] });
    const message = conditionOf(computeState([...base, gw]).statusOf(gw), 'Programmed')?.message;
    expect(message).toMatch(/192\.0\.2\.1 is not in this gateway's address pool 127\.2\.0\.0\/16/);
  });

  it('serves a usable static address and lists exactly it', () => {
    const gw = requesting([{ type: 'IPAddress', value: '127.2.0.254' }]);
    expect(outcome([gw], gw)).toEqual({ accepted: 'True Accepted', programmed: 'True Programmed', addresses: [{ type: 'IPAddress', value: '127.2.0.254' }], served: [`${INFRA}/gw@127.2.0.254`] });
  });

  it('refuses an address another Gateway holds, and more than one value', () => {
    const first = requesting([{ value: '127.2.0.9' }], 'first');
    const second = requesting([{ value: '127.2.0.9' }], 'second');
    expect(outcome([first, second], second).programmed).toBe('False AddressNotUsable');
    const two = requesting([{ value: '127.2.0.9' }, { value: '127.2.0.10' }]);
    expect(outcome([two], two).programmed).toBe('False AddressNotUsable');
  });

  it('assigns a pool address to an entry without a value (GatewayAddressEmpty)', () => {
    const gw = requesting([{ type: 'IPAddress' }]);
    expect(outcome([gw], gw)).toMatchObject({ programmed: 'True Programmed', addresses: [{ type: 'IPAddress', value: '127.2.0.1' }] });
  });

  it('the variant serves the usable address beside an unusable one, still saying AddressNotUsable', () => {
    const gw = requesting([{ value: '192.0.2.1' }, { value: '127.2.0.254' }]);
    expect(outcome([gw], gw, ['usable-addresses-served-beside-unusable'])).toEqual({
      accepted: 'True Accepted',
      programmed: 'False AddressNotUsable',
      addresses: [{ type: 'IPAddress', value: '127.2.0.254' }],
      served: [`${INFRA}/gw@127.2.0.254`],
    });
  });

  it('each address fault breaks what GatewayStaticAddresses and GatewayOptionalAddressValue check', () => {
    const invalid = requesting([{ type: 'test/fake-invalid-type', value: 'x' }]);
    expect(outcome([invalid], invalid, ['static-addresses-ignored']).accepted).toBe('True Accepted');
    const unusable = requesting([{ value: '192.0.2.1' }, { value: '127.2.0.254' }]);
    expect(outcome([unusable], unusable, ['unusable-address-dropped']).programmed).toBe('True Programmed');
    const empty = requesting([{ type: 'IPAddress' }]);
    expect(outcome([empty], empty, ['empty-address-value-unassigned'])).toMatchObject({ programmed: 'False AddressNotAssigned', addresses: [] });
  });
});
