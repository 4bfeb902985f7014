// @peculiar/x509 resolves its ASN.1 providers through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { isIP } from 'node:net';
import { KeyObject, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

type SelfSignedParams = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0];
type X509Crypto = NonNullable<Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1]>;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const VALIDITY_MS = 7 * 24 * 3600 * 1000;

/** A self-signed serving certificate; the kubeconfig trusts it as the cluster CA. */
export interface ServingCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * Serving over TLS is not optional: client-go (kubectl) never sends a bearer token to a plain
 * http:// server. One self-signed certificate for `host`, 127.0.0.1 and localhost, made in memory.
 */
export async function createServingCertificate(host: string): Promise<ServingCertificate> {
  const crypto = webcrypto as unknown as X509Crypto;
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as unknown as SelfSignedParams['keys'];
  const names = new Set([host, '127.0.0.1', 'localhost']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: 'CN=embedded-cluster',
      keys,
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + VALIDITY_MS),
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([...names].map((value) => ({ type: isIP(value) ? ('ip' as const) : ('dns' as const), value }))),
      ],
    },
    crypto,
  );
  const privateKey = KeyObject.from((keys as unknown as { privateKey: webcrypto.CryptoKey }).privateKey);
  return { certPem: cert.toString('pem'), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
