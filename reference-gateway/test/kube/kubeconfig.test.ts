import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeconfigError } from '../../src/errors.ts';
import { loadKubeconfig } from '../../../kube-rest/kubeconfig.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'refgw-kubeconfig-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return join(dir, 'config');
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('loadKubeconfig', () => {
  it('resolves the current context with inline CA and token', () => {
    const path = write({
      config: `
apiVersion: v1
kind: Config
current-context: b
clusters:
- name: ca
  cluster: { server: "https://127.0.0.1:6443/", certificate-authority-data: ${b64('CA PEM')} }
contexts:
- name: a
  context: { cluster: nope, user: u }
- name: b
  context: { cluster: ca, user: u }
users:
- name: u
  user: { token: secret-token }
`,
    });
    expect(loadKubeconfig(path)).toMatchObject({ server: 'https://127.0.0.1:6443', caPem: 'CA PEM', token: 'secret-token', insecureSkipTlsVerify: false });
  });

  it('reads client certificates and CA from files relative to the kubeconfig', () => {
    const path = write({
      'ca.crt': 'CA FILE',
      'client.crt': 'CERT FILE',
      'client.key': 'KEY FILE',
      config: `
current-context: c
clusters: [{ name: k, cluster: { server: "https://10.0.0.1", certificate-authority: ca.crt, tls-server-name: kubernetes } }]
contexts: [{ name: c, context: { cluster: k, user: cert } }]
users: [{ name: cert, user: { client-certificate: client.crt, client-key: client.key } }]
`,
    });
    expect(loadKubeconfig(path)).toMatchObject({ caPem: 'CA FILE', clientCertPem: 'CERT FILE', clientKeyPem: 'KEY FILE', tlsServerName: 'kubernetes', token: undefined });
  });

  it('selects a named context and fails clearly on unknown ones', () => {
    const path = write({
      config: `
clusters: [{ name: k, cluster: { server: "http://127.0.0.1:1", insecure-skip-tls-verify: true } }]
contexts: [{ name: one, context: { cluster: k } }]
`,
    });
    expect(loadKubeconfig(path, 'one')).toMatchObject({ server: 'http://127.0.0.1:1', insecureSkipTlsVerify: true });
    expect(() => loadKubeconfig(path, 'two')).toThrow(KubeconfigError);
    expect(() => loadKubeconfig(join(path, 'missing'))).toThrow(/cannot read kubeconfig/);
  });
});
