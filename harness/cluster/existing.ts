import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/types.ts';
import { defaultKubeconfigFiles, KubeClient } from '../kube/client.ts';
import { userAgentFor } from '../kube/user-agent.ts';
import type { ClusterConnection, ClusterProvider } from './provider.ts';

/**
 * A cluster somebody else runs, reached through --kubeconfig/--context (or $KUBECONFIG, then
 * ~/.kube/config). Never creates or deletes anything at the cluster level.
 */
export function existingClusterProvider(config: ResolvedConfig): ClusterProvider {
  let mergedDir: string | undefined;
  return {
    kind: 'existing',
    async start(): Promise<ClusterConnection> {
      // Loading validates the file and the context, with one-line errors, before anything else happens.
      const client = KubeClient.load({ kubeconfigPath: config.kubeconfig, context: config.context, userAgent: userAgentFor('setup') });
      let kubeconfigPath = config.kubeconfig;
      if (kubeconfigPath === undefined) {
        const existing = defaultKubeconfigFiles().filter((f) => existsSync(f));
        if (existing.length === 1) {
          kubeconfigPath = existing[0];
        } else {
          // Workers load one file: hand them the merged view, private to this user, removed at stop().
          mergedDir = await mkdtemp(join(tmpdir(), 'grpcroute-conformance-kubeconfig-'));
          kubeconfigPath = join(mergedDir, 'kubeconfig');
          await writeFile(kubeconfigPath, client.exportConfig(), { mode: 0o600 });
        }
      }
      return {
        kubeconfigPath: kubeconfigPath ?? '',
        context: client.contextName,
        lowPortOffset: 0,
        description: `existing cluster at ${client.server} (context ${client.contextName})`,
      };
    },
    async stop() {
      if (mergedDir) await rm(mergedDir, { recursive: true, force: true });
      mergedDir = undefined;
    },
  };
}
