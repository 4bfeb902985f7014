import type { ResolvedConfig } from '../../config/types.ts';
import { KubeClient } from '../../kube/client.ts';
import { userAgentFor } from '../../kube/user-agent.ts';
import type { ClusterConnection, ClusterProvider } from '../provider.ts';
import { runCommand, type CommandSpec } from './command.ts';
import { ensureGatewayApiCrds } from './gateway-api-crds.ts';
import { interruptibleBySignals } from './interrupt-during-setup.ts';
import { realClusterSettingsOf } from './real-cluster-settings.ts';
import { createStepLog } from './step-log.ts';

/**
 * An existing-cluster provider that, when --gateway-api-version or --gateway-api-channel was
 * given, installs the Gateway API CRDs the cluster lacks once connected. CRDs already present are
 * never changed; without those flags the provider is returned as it is.
 */
export function withGatewayApiInstall(inner: ClusterProvider, config: ResolvedConfig, log: (line: string) => void): ClusterProvider {
  const settings = realClusterSettingsOf(config);
  if (!settings.installGatewayApi) return inner;
  return {
    kind: inner.kind,
    async start(): Promise<ClusterConnection> {
      const connection = await inner.start();
      const target = ['--kubeconfig', connection.kubeconfigPath, ...(connection.context ? ['--context', connection.context] : [])];
      const kubectl = (args: string[]): CommandSpec => ({ file: 'kubectl', args: [...target, ...args] });
      const client = KubeClient.load({ kubeconfigPath: connection.kubeconfigPath, context: connection.context, userAgent: userAgentFor('setup') });
      await interruptibleBySignals((signal) =>
        ensureGatewayApiCrds({ client, kubectl, run: (spec) => runCommand(spec, signal), steps: createStepLog(log), signal, settings }),
      );
      return connection;
    },
    stop: () => inner.stop(),
  };
}
