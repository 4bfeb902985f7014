import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

/** A kubeconfig (mode 0600) with one context, `name`, that reaches `url` with a bearer token. */
export async function writeTokenKubeconfig(path: string, name: string, url: string, token: string, caPem: string): Promise<void> {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: 'default' } }],
    'current-context': name,
  };
  await writeFile(path, stringify(config), { mode: 0o600 });
}
