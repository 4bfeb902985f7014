import type { KubeObject, RunCertificates } from '../kube/types.ts';
import { createCertificateAuthority, createLeafCertificate, type PemPair } from './certificates.ts';

/** The TLS material of one run: the PEMs tests need and the Secrets/ConfigMaps that carry them in infra. */
export interface GeneratedRunCertificates {
  readonly certificates: RunCertificates;
  /** Unlabelled; the caller applies them with run labels. Never written to disk. */
  readonly objects: readonly KubeObject[];
}

const LEAVES: readonly { secret: string; commonName: string; subjectAltNames: readonly string[] }[] = [
  {
    secret: 'tls-checks-certificate',
    commonName: 'abc.example.com',
    subjectAltNames: ['abc.example.com', 'spiffe://abc.example.com/test-identity', 'other.example.com'],
  },
  { secret: 'example-com-cert', commonName: 'example.com', subjectAltNames: ['example.com', '*.example.com'] },
  { secret: 'sni-one-cert', commonName: 'one.sni.example', subjectAltNames: ['one.sni.example'] },
  { secret: 'sni-two-cert', commonName: 'two.sni.example', subjectAltNames: ['two.sni.example'] },
  // Covers one.sni.example too, so serving it for that name would pass a SAN check: only the
  // literal SAN tells the exact listener's certificate from this one (#122).
  { secret: 'sni-wildcard-cert', commonName: '*.sni.example', subjectAltNames: ['*.sni.example'] },
];

/** Generates a fresh CA, an unrelated CA, and the leaf certificates listed in docs/architecture.md. */
export async function generateRunCertificates(namespace: string): Promise<GeneratedRunCertificates> {
  const [ca, otherCa] = await Promise.all([
    createCertificateAuthority('grpcroute-conformance run CA'),
    createCertificateAuthority('grpcroute-conformance unrelated CA'),
  ]);
  const leaves = await Promise.all(LEAVES.map((leaf) => createLeafCertificate(ca, leaf)));
  const objects: KubeObject[] = [
    caConfigMap('tls-checks-ca-certificate', namespace, ca.certPem),
    caConfigMap('mismatch-ca-certificate', namespace, otherCa.certPem),
    ...LEAVES.map((leaf, i) => tlsSecret(leaf.secret, namespace, leaves[i] as PemPair)),
  ];
  return { certificates: { caPem: ca.certPem, otherCaPem: otherCa.certPem }, objects };
}

function caConfigMap(name: string, namespace: string, caPem: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { 'ca.crt': caPem } };
}

function tlsSecret(name: string, namespace: string, pair: PemPair): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'kubernetes.io/tls',
    data: {
      'tls.crt': Buffer.from(pair.certPem).toString('base64'),
      'tls.key': Buffer.from(pair.keyPem).toString('base64'),
    },
  };
}
