/** Set in the environment of the process re-executed inside the namespace. */
// Not GRPCCONF_*: those are options, and unknown ones are refused.
export const NETNS_ENV = 'GRPCROUTE_CONFORMANCE_NETNS';

/** True in the CLI process that still has to move the run into its own network namespace. */
export function needsNetworkNamespace(cluster: string, env: Readonly<Record<string, string | undefined>>): boolean {
  return cluster === 'control-plane' && !env[NETNS_ENV];
}

/** A folder the launcher made and removes after the run, whatever happened inside. */
export const RUN_DIR_ENV = 'GRPCROUTE_CONFORMANCE_CONTROL_PLANE_DIR';

/** The API server writes an audit log here when set (npm run bench counts the suite's requests). */
export const AUDIT_LOG_ENV = 'GRPCROUTE_CONFORMANCE_AUDIT_LOG';
