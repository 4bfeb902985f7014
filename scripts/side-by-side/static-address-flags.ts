import type { StaticAddresses } from '../../harness/config/types.ts';

/** Upstream's flag names, which ours share: both suites ask GatewayStaticAddresses of the same two values. */
export function staticAddressFlags(addresses: StaticAddresses | undefined): string[] {
  return [
    ...(addresses?.usable ? [`--usable-address=${addresses.usable}`] : []),
    ...(addresses?.unusable ? [`--unusable-address=${addresses.unusable}`] : []),
  ];
}
