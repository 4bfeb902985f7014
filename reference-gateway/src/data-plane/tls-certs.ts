import { X509Certificate } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { FaultSet } from './faults.ts';
import { hostnameMatches, hostnameSpecificity, rankByHostname } from './listener-select.ts';
import type { ListenerEntry } from './routing-table.ts';

interface LoadedCertificate {
  readonly context: SecureContext;
  readonly pem: { readonly cert: string; readonly key: string };
  /** DNS subject alternative names, lower-case. */
  readonly dnsNames: readonly string[];
}

interface ListenerCertificates {
  readonly hostname?: string;
  readonly certificates: readonly LoadedCertificate[];
}

function dnsNamesOf(certPem: string): string[] {
  const san = new X509Certificate(certPem).subjectAltName ?? '';
  return san
    .split(/,\s*/)
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4).toLowerCase());
}

// Every config push rebuilds the selectors; parsing a key pair and building a context is the costly part, so reuse them.
const loaded = new Map<string, LoadedCertificate>();
const LOADED_LIMIT = 256;

function load(pem: { certPem: string; keyPem: string }, log: (line: string) => void): LoadedCertificate | undefined {
  const key = `${pem.certPem}\0${pem.keyPem}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const fresh = loadUncached(pem, log);
  if (fresh) {
    if (loaded.size >= LOADED_LIMIT) loaded.clear();
    loaded.set(key, fresh);
  }
  return fresh;
}

function loadUncached(pem: { certPem: string; keyPem: string }, log: (line: string) => void): LoadedCertificate | undefined {
  try {
    return {
      context: createSecureContext({ cert: pem.certPem, key: pem.keyPem }),
      pem: { cert: pem.certPem, key: pem.keyPem },
      dnsNames: dnsNamesOf(pem.certPem),
    };
  } catch (error) {
    log(`data-plane: skipping unusable listener certificate: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

// The certificate among a listener's whose DNS names match the server name most specifically (else its first).
function bestOf(certificates: readonly LoadedCertificate[], serverName: string, faults: FaultSet): LoadedCertificate | undefined {
  let best: LoadedCertificate | undefined;
  let bestScore = -1;
  for (const certificate of certificates) {
    for (const name of certificate.dnsNames) {
      if (!hostnameMatches(name, serverName, faults)) continue;
      const score = hostnameSpecificity(name);
      if (score > bestScore) [best, bestScore] = [certificate, score];
    }
  }
  return best ?? certificates[0];
}

/**
 * Chooses the certificate for a TLS handshake: the listener whose hostname best matches the SNI (exact,
 * then most specific wildcard, then no hostname), then that listener's best certificate.
 */
export class CertificateSelector {
  readonly #listeners: readonly ListenerCertificates[];
  readonly #faults: FaultSet;

  constructor(listeners: readonly ListenerEntry[], faults: FaultSet, log: (line: string) => void) {
    this.#faults = faults;
    this.#listeners = listeners.map((listener) => ({
      ...(listener.hostname !== undefined ? { hostname: listener.hostname } : {}),
      certificates: listener.certificates.map((pem) => load(pem, log)).filter((c) => c !== undefined),
    }));
  }

  /** Certificate for clients that send no SNI (or one no listener matches): the no-hostname listener's, else the first. */
  get fallback(): LoadedCertificate | undefined {
    const withCertificates = this.#listeners.filter((l) => l.certificates.length > 0);
    if (this.#faults.has('ignore-sni')) return withCertificates[0]?.certificates[0];
    return (withCertificates.find((l) => l.hostname === undefined) ?? withCertificates[0])?.certificates[0];
  }

  contextFor(serverName: string): SecureContext | undefined {
    if (this.#faults.has('ignore-sni')) return this.fallback?.context;
    const name = serverName.toLowerCase();
    const ranked = rankByHostname(this.#listeners, name, this.#faults).filter((l) => l.certificates.length > 0);
    const listener = this.#faults.has('sni-last-matching-listener') ? this.#listeners.filter((l) => ranked.includes(l)).at(-1) : ranked[0];
    return (listener ? bestOf(listener.certificates, name, this.#faults) : this.fallback)?.context;
  }
}
