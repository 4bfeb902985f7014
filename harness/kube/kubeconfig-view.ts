import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { KubeconfigError } from './errors.ts';

type Entry = Record<string, unknown>;
interface Named {
  readonly name: string;
  readonly entry: Entry;
}

/** TLS material and token for a context that needs nothing else: no exec or auth-provider plugin, no proxy, no files. */
export interface DirectCredentials {
  readonly caPem?: string;
  readonly certPem?: string;
  readonly keyPem?: string;
  readonly token?: string;
  readonly insecureSkipTlsVerify: boolean;
  readonly tlsServerName?: string;
}

/** The chosen context of one or more kubeconfig files, merged the way kubectl merges them (first name wins). */
export interface KubeconfigView {
  readonly contextName: string;
  /** The API server URL without trailing slashes. */
  readonly server: string;
  /** Set when the client can talk to the server itself, without the client library's auth plugins. */
  readonly direct?: DirectCredentials;
  /** The merged config as YAML with the chosen context current and file paths absolute. */
  exportYaml(): string;
}

const CLUSTER_DIRECT_KEYS = new Set(['server', 'certificate-authority-data', 'insecure-skip-tls-verify', 'tls-server-name', 'extensions']);
const USER_DIRECT_KEYS = new Set(['token', 'client-certificate-data', 'client-key-data', 'extensions']);
const PATH_KEYS: Record<'clusters' | 'users', readonly string[]> = { clusters: ['certificate-authority'], users: ['client-certificate', 'client-key'] };

/**
 * Reads kubeconfig files and picks the context (`context`, else the current-context of the last
 * file that sets one, as the client library does). Throws KubeconfigError for unreadable files, an
 * unknown context or a context without a cluster.
 */
export function readKubeconfig(files: readonly string[], context: string | undefined, label: string): KubeconfigView {
  const merged = { clusters: [] as Named[], users: [] as Named[], contexts: [] as Named[] };
  let current: string | undefined;
  for (const file of files) {
    let doc: Entry;
    try {
      doc = (parse(readFileSync(file, 'utf8')) ?? {}) as Entry;
      if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a YAML mapping');
    } catch (error) {
      throw new KubeconfigError('GRPCCONF_KUBECONFIG_INVALID', `cannot load kubeconfig ${label}: ${(error as Error).message}`, error);
    }
    for (const list of ['clusters', 'users', 'contexts'] as const) {
      for (const item of namedList(doc[list], list)) {
        if (merged[list].some((m) => m.name === item.name)) continue;
        merged[list].push(list === 'contexts' ? item : { name: item.name, entry: absolutePaths(item.entry, PATH_KEYS[list], dirname(file)) });
      }
    }
    if (typeof doc['current-context'] === 'string' && doc['current-context'] !== '') current = doc['current-context'];
  }

  const contextName = context ?? current ?? '';
  const chosen = merged.contexts.find((c) => c.name === contextName)?.entry;
  if (context !== undefined && !chosen) {
    const known = merged.contexts.map((c) => c.name);
    throw new KubeconfigError(
      'GRPCCONF_UNKNOWN_CONTEXT',
      `context "${context}" is not in the kubeconfig (known: ${known.join(', ') || 'none'}); pass --context with one of them`,
    );
  }
  const cluster = merged.clusters.find((c) => c.name === chosen?.['cluster'])?.entry;
  const server = typeof cluster?.['server'] === 'string' ? cluster['server'] : undefined;
  if (!cluster || !server) throw new KubeconfigError('GRPCCONF_KUBECONFIG_INVALID', `kubeconfig context "${contextName}" has no cluster`);
  const user = merged.users.find((u) => u.name === chosen?.['user'])?.entry ?? {};
  const direct = directCredentials(server, cluster, user, chosen ?? {});
  return {
    contextName,
    server: server.replace(/\/+$/, ''),
    ...(direct ? { direct } : {}),
    exportYaml: () =>
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: merged.clusters.map((c) => ({ name: c.name, cluster: c.entry })),
        users: merged.users.map((u) => ({ name: u.name, user: u.entry })),
        contexts: merged.contexts.map((c) => ({ name: c.name, context: c.entry })),
        'current-context': contextName,
        preferences: {},
      }),
  };
}

function namedList(value: unknown, list: 'clusters' | 'users' | 'contexts'): Named[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new KubeconfigError('GRPCCONF_KUBECONFIG_INVALID', `kubeconfig "${list}" is not a list`);
  const field = list.slice(0, -1);
  return value.flatMap((item: unknown) => {
    const record = item as Entry | null;
    if (!record || typeof record['name'] !== 'string') return [];
    const entry = record[field];
    return [{ name: record['name'], entry: entry && typeof entry === 'object' ? (entry as Entry) : {} }];
  });
}

function absolutePaths(entry: Entry, keys: readonly string[], directory: string): Entry {
  const out = { ...entry };
  for (const key of keys) {
    const value = out[key];
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) out[key] = join(directory, value);
  }
  return out;
}

function directCredentials(server: string, cluster: Entry, user: Entry, context: Entry): DirectCredentials | undefined {
  if (!server.startsWith('https://')) return undefined;
  if (Object.keys(cluster).some((k) => !CLUSTER_DIRECT_KEYS.has(k))) return undefined;
  if (Object.keys(user).some((k) => !USER_DIRECT_KEYS.has(k))) return undefined;
  // A context-level namespace is fine; anything else (e.g. an extension that changes auth) goes to the library.
  if (Object.keys(context).some((k) => !['cluster', 'user', 'namespace', 'extensions'].includes(k))) return undefined;
  const decoded = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? Buffer.from(value, 'base64').toString('utf8') : undefined);
  const certPem = decoded(user['client-certificate-data']);
  const keyPem = decoded(user['client-key-data']);
  if ((certPem === undefined) !== (keyPem === undefined)) return undefined;
  const caPem = decoded(cluster['certificate-authority-data']);
  const token = typeof user['token'] === 'string' && user['token'] !== '' ? user['token'] : undefined;
  const insecure = cluster['insecure-skip-tls-verify'] === true;
  const tlsServerName = typeof cluster['tls-server-name'] === 'string' && cluster['tls-server-name'] !== '' ? cluster['tls-server-name'] : undefined;
  return {
    ...(caPem ? { caPem } : {}),
    ...(certPem ? { certPem } : {}),
    ...(keyPem ? { keyPem } : {}),
    ...(token ? { token } : {}),
    insecureSkipTlsVerify: insecure,
    ...(tlsServerName ? { tlsServerName } : {}),
  };
}
