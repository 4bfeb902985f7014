import type { KubeObject } from '../harness/kube/types.ts';
import type { TestContext } from '../harness/runner/context.ts';
import { describeListeners, listenersMatch, type ExpectedListener } from './gateway-status.ts';

/**
 * Upstream's base manifests hold a Secret `certificate` in the web-backend namespace; our
 * certificates exist only in infra, made per run. Each GatewaySecret* test copies one under its
 * own name, so the four tests can run at once without deleting each other's Secret.
 */
export async function copyCertificateToWeb(t: TestContext, name: string): Promise<void> {
  const source = await t.kube.get({ kind: 'Secret', name: 'tls-checks-certificate', namespace: t.namespaces.infra });
  if (!source) throw new Error('Secret tls-checks-certificate is missing from the infra namespace');
  const copy: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: t.namespaces.web }, type: 'kubernetes.io/tls', data: source.data };
  await t.kube.apply([copy]);
}

/** The single `https` listener of upstream's GatewaySecret* Gateways, HTTPRoute among its kinds. */
export const httpsListener = (conditions: ExpectedListener['conditions']): readonly ExpectedListener[] => [
  { name: 'https', supportedKinds: ['HTTPRoute'], conditions, attachedRoutes: 0 },
];

export async function gatewayListenersMustBe(t: TestContext, gateway: string, listeners: readonly ExpectedListener[]): Promise<void> {
  await t.kube.objectMustSatisfy({ kind: 'Gateway', name: gateway }, describeListeners(listeners), (g) => listenersMatch(g, listeners));
}
