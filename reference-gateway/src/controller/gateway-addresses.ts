import type { Gateway } from '../kube/objects.ts';
import type { AddressPool } from './address-pool.ts';
import type { ControllerSettings } from './settings.ts';

/** Why spec.addresses cannot be honoured. The Gateway is then not served and reports no address (but see usable-addresses-served-beside-unusable). */
export interface AddressProblem {
  /** UnsupportedAddress: Accepted=False (an address type we do not have). The others: Programmed=False. */
  readonly reason: 'UnsupportedAddress' | 'AddressNotUsable' | 'AddressNotAssigned';
  readonly message: string;
}

export type AddressAssignment = { readonly address: string; readonly problem?: AddressProblem } | { readonly address?: undefined; readonly problem: AddressProblem };

/**
 * The one address a Gateway is served on (this implementation binds one per Gateway). Gateway API
 * (GatewaySpec.addresses): a requested address that is invalid or unavailable MUST be reported in
 * the Gateway's conditions; an unsupported type gets Accepted=False UnsupportedAddress, an unusable
 * value Programmed=False AddressNotUsable. An IPAddress entry without a value asks for any address
 * (GatewaySpecAddress.value: SHOULD assign one of the type), and so does an empty spec.addresses.
 */
export function assignAddress(gateway: Gateway, key: string, pool: AddressPool, settings: ControllerSettings): AddressAssignment {
  const requested = settings.faults.has('static-addresses-ignored') ? [] : (gateway.spec.addresses ?? []);
  const unsupported = requested.find((a) => (a.type ?? 'IPAddress') !== 'IPAddress');
  if (unsupported) {
    pool.release(key);
    return { problem: { reason: 'UnsupportedAddress', message: `address type ${unsupported.type} is not supported; this gateway supports IPAddress only` } };
  }
  const values = requested.flatMap((a) => (a.value ? [a.value] : []));
  if (values.length === 0) {
    if (requested.length > 0 && settings.faults.has('empty-address-value-unassigned')) {
      pool.release(key);
      return { problem: { reason: 'AddressNotAssigned', message: 'addresses without a value are not supported' } };
    }
    const previous = gateway.status?.addresses?.find((a) => (a.type ?? 'IPAddress') === 'IPAddress')?.value;
    return { address: pool.acquire(key, previous) };
  }
  const unusable = values.map((value) => pool.whyUnusable(key, value)).filter((why) => why !== undefined);
  const usable = values.filter((value) => pool.whyUnusable(key, value) === undefined);
  const notUsable = (message: string): AddressAssignment => {
    pool.release(key);
    return { problem: { reason: 'AddressNotUsable', message } };
  };
  const unusableMessage = `address ${unusable[0]}; use a free address of the pool or leave the value out`;
  if (unusable.length > 0 && usable.length === 1 && settings.faults.has('usable-addresses-served-beside-unusable')) {
    pool.acquireExactly(key, usable[0]!);
    return { address: usable[0]!, problem: { reason: 'AddressNotUsable', message: unusableMessage } };
  }
  if (unusable.length > 0 && !settings.faults.has('unusable-address-dropped')) return notUsable(unusableMessage);
  if (usable.length !== 1) return notUsable(usable.length === 0 ? `none of ${values.join(', ')} can be used` : `this gateway binds one address per Gateway; keep one of ${usable.join(', ')}`);
  pool.acquireExactly(key, usable[0]!);
  return { address: usable[0]! };
}
