import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

export const KUBECONFIG_CONTEXT = 'embedded';

/** Writes a kubeconfig (mode 0600) whose only context, `embedded`, reaches `url` with `token`, trusting `caPem`. */
export async function writeKubeconfig(path: string, url: string, token: string, caPem: string): Promise<void> {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: KUBECONFIG_CONTEXT, cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name: KUBECONFIG_CONTEXT, user: { token } }],
    contexts: [{ name: KUBECONFIG_CONTEXT, context: { cluster: KUBECONFIG_CONTEXT, user: KUBECONFIG_CONTEXT, namespace: 'default' } }],
    'current-context': KUBECONFIG_CONTEXT,
    preferences: {},
  };
  await writeFile(path, stringify(config), { mode: 0o600 });
}
