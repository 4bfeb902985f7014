import type { ResolvedConfig } from '../config/types.ts';
import { realClusterSettingsOf } from '../cluster/kind/real-cluster-settings.ts';
import { LABEL_RUN_ID, toLabelValue } from '../kube/labels.ts';

/**
 * What a forced exit (a second Ctrl-C) would leave in the cluster, and the one command that removes
 * it. Set by the run while it has something there; printed by the signal handler, which cannot wait
 * for a cleanup any more.
 */
let notice: string | undefined;

export function setLeftBehindNotice(text: string | undefined): void {
  notice = text;
}

/** What a cluster provider created outside any run object (a kind cluster), shown when the run has set nothing yet. */
let providerNotice: string | undefined;

export function setProviderLeftBehindNotice(text: string | undefined): void {
  providerNotice = text;
}

export function leftBehindNotice(): string | undefined {
  return notice ?? providerNotice;
}

/**
 * Every object of a run carries its run-id label and lives in the run's namespaces, except the
 * cluster-scoped GatewayClasses a test may create; deleting both kinds by label removes the lot
 * (the run's lease lives in its infra namespace).
 */
export function describeLeftBehind(config: ResolvedConfig, kubeconfigPath: string | undefined): string | undefined {
  if (config.cluster === 'kind') {
    const name = realClusterSettingsOf(config).kindClusterName;
    return `left behind: kind cluster ${name} with the objects of run ${config.runId}; remove it: kind delete cluster --name ${name}`;
  }
  if (config.cluster !== 'existing') return undefined; // The embedded cluster dies with the process; the control plane's launcher removes its own.
  const target = [kubeconfigPath ? ` --kubeconfig ${kubeconfigPath}` : '', config.context ? ` --context ${config.context}` : ''].join('');
  const selector = `${LABEL_RUN_ID}=${toLabelValue(config.runId)}`;
  return `left behind: the namespaces and GatewayClasses labelled ${selector} (everything run ${config.runId} created); remove them: kubectl${target} delete namespaces,gatewayclasses.gateway.networking.k8s.io -l ${selector}`;
}
