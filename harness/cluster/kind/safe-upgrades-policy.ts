import { CommandFailedError } from './command.ts';

/** The ValidatingAdmissionPolicy Gateway API's standard-install.yaml carries since v1.6 (config/crd/standard/*_vap_safeupgrades.yaml). */
export const SAFE_UPGRADES_POLICY = 'safe-upgrades.gateway.networking.k8s.io';

const MEANING =
  `the Gateway API CRDs in the cluster carry upstream's ${SAFE_UPGRADES_POLICY} admission policy, which refuses CRDs older than the installed bundle and experimental over standard ones; ` +
  'pass --gateway-api-crds vendor so only your install step installs CRDs, or --gateway-api-version/--gateway-api-channel matching the CRDs it applies';

/** A CRD apply the policy refused gets a line that says why and what to do; any other error is returned as it is. */
export function explainSafeUpgradesDenial(error: unknown): unknown {
  if (error instanceof CommandFailedError && error.output.includes(SAFE_UPGRADES_POLICY)) return error.withHint(MEANING);
  return error;
}
