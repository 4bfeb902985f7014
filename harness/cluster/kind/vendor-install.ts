import type { CommandSpec } from './command.ts';
import type { RealClusterSettings } from './real-cluster-settings.ts';

/**
 * The implementation's install step: each --install-manifests file, then --install-command through
 * a shell with KUBECONFIG pointing at the new cluster (so a helm or kubectl inside it finds it).
 */
export function vendorInstallCommands(
  settings: Pick<RealClusterSettings, 'installManifests' | 'installCommand'>,
  kubectl: (args: string[]) => CommandSpec,
  kubeconfigPath: string,
): CommandSpec[] {
  const manifests = settings.installManifests.map((path) => kubectl(['apply', '--server-side', '-f', path]));
  const command = settings.installCommand === undefined ? [] : [{ file: 'sh', args: ['-c', settings.installCommand], env: { KUBECONFIG: kubeconfigPath }, processGroup: true }];
  return [...manifests, ...command];
}
