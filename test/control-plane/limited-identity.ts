import { request } from 'node:https';
import { writeTokenKubeconfig } from '../../harness/cluster/control-plane/kubeconfig-file.ts';
import type { KubeClient } from '../../harness/kube/client.ts';
import type { KubeObject } from '../../harness/kube/types.ts';

export interface Plane {
  readonly url: string;
  readonly caPem: string;
  readonly adminToken: string;
}

/**
 * A ServiceAccount bound to `role` (a ClusterRole object), and a kubeconfig with a token for it
 * from the TokenRequest API: an identity with exactly the permissions in the role.
 */
export async function limitedIdentity(admin: KubeClient, plane: Plane, name: string, role: KubeObject, kubeconfigPath: string): Promise<void> {
  const namespace = 'grpcconf-identities';
  await admin.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  await admin.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
  await admin.apply({ ...role, metadata: { name } });
  await admin.apply({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
    subjects: [{ kind: 'ServiceAccount', name, namespace }],
  } as KubeObject);
  const answer = await post(plane, `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 3600 },
  });
  const token = (answer as { status?: { token?: string } }).status?.token;
  if (!token) throw new Error(`TokenRequest for ${name} returned no token: ${JSON.stringify(answer)}`);
  await writeTokenKubeconfig(kubeconfigPath, name, plane.url, token, plane.caPem);
}

function post(plane: Plane, path: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${plane.url}${path}`,
      { method: 'POST', ca: plane.caPem, headers: { Authorization: `Bearer ${plane.adminToken}`, 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve(JSON.parse(text) as unknown) : reject(new Error(`POST ${path}: HTTP ${res.statusCode}: ${text}`))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
