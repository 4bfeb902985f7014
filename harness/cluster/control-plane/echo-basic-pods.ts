import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeAgentOptions } from '../../../node-agent/src/index.ts';
import { BUILD_CACHE_BIN } from './binaries.ts';
import { NETNS_ENV, RUN_DIR_ENV } from './launcher-env.ts';

/** Where tools/real-peers/build.sh puts upstream's echo-basic. */
export const ECHO_BASIC_BINARY = join(BUILD_CACHE_BIN, 'echo-basic');

/**
 * Pods of upstream's echo-basic images get their own network namespaces with addresses from
 * here: outside the run's 10.244.0.0/16, which sits on `lo` and would answer for them.
 */
export const PROCESS_POD_POOL = '10.245.0.0/16';

/** The node agent's echoBasic option when the binary was built (upstream's suite then runs on this control plane); none otherwise. */
export function echoBasicPods(env: Readonly<Record<string, string | undefined>>): Pick<NodeAgentOptions, 'echoBasic'> {
  const runNamespace = env[NETNS_ENV];
  if (!runNamespace || !existsSync(ECHO_BASIC_BINARY)) return {};
  // Pod folders go into the run's folder, which the launcher removes however the run ends.
  const folder = env[RUN_DIR_ENV];
  return { echoBasic: { binary: ECHO_BASIC_BINARY, namespacePrefix: runNamespace, podAddresses: PROCESS_POD_POOL, ...(folder ? { folder } : {}) } };
}
