import type { RunFacts } from '../run/facts.ts';

const LABEL_DOMAIN = 'grpcroute-conformance.dev';

/** kubectl commands that show what a kept test left behind. */
export function inspectHint(facts: Pick<RunFacts, 'runId' | 'kubeconfigPath' | 'context'>, testName: string): string {
  const selector = `${LABEL_DOMAIN}/run-id=${facts.runId},${LABEL_DOMAIN}/test=${testName}`;
  const target = `--kubeconfig ${facts.kubeconfigPath}${facts.context ? ` --context ${facts.context}` : ''}`;
  return [
    `kubectl ${target} get gateways,grpcroutes,httproutes,referencegrants,services,pods -A -l ${selector} -o wide`,
    `kubectl ${target} get grpcroutes -A -l ${selector} -o yaml`,
    `kubectl ${target} delete gateways,grpcroutes,httproutes,referencegrants,services,deployments -A -l ${selector}`,
  ].join('\n');
}
