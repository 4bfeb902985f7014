// @peculiar/x509 resolves its ASN.1 providers through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

type X509Crypto = NonNullable<Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1]>;
type KeyPair = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
// A run lasts minutes; two days leaves room for --keep and clock skew, and nothing outlives the run's folder.
const VALIDITY_MS = 2 * 24 * 3600 * 1000;

/** Everything the control plane's TLS and service-account tokens need, made in memory for one run. */
export interface ControlPlanePki {
  readonly caPem: string;
  readonly servingCertPem: string;
  readonly servingKeyPem: string;
  /** Signs service-account tokens (kube-apiserver and kube-controller-manager). */
  readonly serviceAccountKeyPem: string;
  /** Verifies them: kube-apiserver reads only public keys from --service-account-key-file. */
  readonly serviceAccountPublicKeyPem: string;
}

export async function createControlPlanePki(names: readonly string[]): Promise<ControlPlanePki> {
  const crypto = webcrypto as unknown as X509Crypto;
  const caKeys = await generateKeys();
  const now = Date.now();
  const validity = { notBefore: new Date(now - 60_000), notAfter: new Date(now + VALIDITY_MS) };
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: 'CN=grpcroute-conformance-control-plane-ca',
      keys: caKeys,
      serialNumber: serial(),
      ...validity,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      ],
    },
    crypto,
  );
  const servingKeys = await generateKeys();
  const serving = await x509.X509CertificateGenerator.create(
    {
      subject: 'CN=kube-apiserver',
      issuer: ca.subject,
      serialNumber: serial(),
      ...validity,
      signingAlgorithm: ALGORITHM,
      publicKey: servingKeys.publicKey,
      signingKey: caKeys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: isIP(value) ? ('ip' as const) : ('dns' as const), value }))),
      ],
    },
    crypto,
  );
  return {
    caPem: ca.toString('pem'),
    servingCertPem: serving.toString('pem'),
    servingKeyPem: pemOf(servingKeys),
    ...serviceAccountKeys(await generateKeys()),
  };
}

/** A bearer token for the static token file: 32 random bytes, hex. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

async function generateKeys(): Promise<KeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as unknown as KeyPair;
}

function serviceAccountKeys(keys: KeyPair): Pick<ControlPlanePki, 'serviceAccountKeyPem' | 'serviceAccountPublicKeyPem'> {
  const publicKey = KeyObject.from((keys as unknown as { publicKey: webcrypto.CryptoKey }).publicKey);
  return { serviceAccountKeyPem: pemOf(keys), serviceAccountPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

function pemOf(keys: KeyPair): string {
  return KeyObject.from((keys as unknown as { privateKey: webcrypto.CryptoKey }).privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
}

function serial(): string {
  // Positive, non-zero: the first byte keeps the top bit clear.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}
