import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { KubeconfigError } from './errors.ts';

/** What the REST client needs to reach one API server as one user. */
export interface ClusterConnection {
  /** API server base URL without a trailing slash. */
  readonly server: string;
  readonly caPem?: string;
  readonly insecureSkipTlsVerify: boolean;
  readonly tlsServerName?: string;
  readonly token?: string;
  readonly clientCertPem?: string;
  readonly clientKeyPem?: string;
  readonly basicAuth?: { readonly username: string; readonly password: string };
}

interface Named<T> {
  name?: string;
  cluster?: T;
  user?: T;
  context?: T;
}
type Fields = Record<string, unknown>;

/** Reads a kubeconfig file and resolves the named (or current) context into a connection. */
export function loadKubeconfig(path: string, contextName?: string): ClusterConnection {
  let doc: Fields;
  try {
    doc = parse(readFileSync(path, 'utf8')) as Fields;
  } catch (cause) {
    throw new KubeconfigError('cannot read kubeconfig', path, { cause });
  }
  const base = dirname(path);
  const wanted = contextName ?? (doc['current-context'] as string | undefined);
  const context = pick(doc.contexts, 'context', wanted, path, 'context');
  const cluster = pick(doc.clusters, 'cluster', context.cluster as string | undefined, path, 'cluster');
  const user = context.user === undefined ? {} : pick(doc.users, 'user', context.user as string, path, 'user');
  const server = String(cluster.server ?? '').replace(/\/+$/, '');
  if (!server) throw new KubeconfigError(`cluster of context ${wanted ?? '(first)'} has no server`, path);
  const token = inline(user, 'token', undefined, base) ?? readOptional(user.tokenFile, base)?.trim();
  return {
    server,
    caPem: inline(cluster, 'certificate-authority-data', 'certificate-authority', base),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    tlsServerName: cluster['tls-server-name'] as string | undefined,
    token: token || undefined,
    clientCertPem: inline(user, 'client-certificate-data', 'client-certificate', base),
    clientKeyPem: inline(user, 'client-key-data', 'client-key', base),
    basicAuth:
      typeof user.username === 'string' && typeof user.password === 'string'
        ? { username: user.username, password: user.password }
        : undefined,
  };
}

function pick(list: unknown, field: 'cluster' | 'user' | 'context', name: string | undefined, path: string, what: string): Fields {
  const entries = (Array.isArray(list) ? list : []) as Named<Fields>[];
  const entry = name === undefined ? entries[0] : entries.find((e) => e.name === name);
  const value = entry?.[field];
  if (!value) throw new KubeconfigError(`${what} ${name ?? '(first)'} not found`, path);
  return value;
}

/** `x-data` is base64 inline content (token is plain); `x` is a file path relative to the kubeconfig. */
function inline(fields: Fields, dataKey: string, fileKey: string | undefined, base: string): string | undefined {
  const data = fields[dataKey];
  if (typeof data === 'string' && data) return dataKey === 'token' ? data : Buffer.from(data, 'base64').toString('utf8');
  return fileKey === undefined ? undefined : readOptional(fields[fileKey], base);
}

function readOptional(file: unknown, base: string): string | undefined {
  if (typeof file !== 'string' || !file) return undefined;
  return readFileSync(isAbsolute(file) ? file : resolve(base, file), 'utf8');
}
