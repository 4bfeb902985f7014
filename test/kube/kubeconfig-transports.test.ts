import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../harness/kube/client.ts';
import { readKubeconfig } from '../../harness/kube/kubeconfig-view.ts';
import { startEmbeddedForTest, type EmbeddedForTest } from './embedded-fixture.ts';

type Doc = { clusters: { name: string; cluster: Record<string, unknown> }[]; users: { name: string; user: Record<string, unknown> }[]; contexts: { name: string; context: Record<string, unknown> }[]; 'current-context'?: string };

let cluster: EmbeddedForTest;
let dir: string;
let embedded: Doc;
const write = async (name: string, doc: unknown): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, stringify(doc), { mode: 0o600 });
  return path;
};

beforeAll(async () => {
  cluster = await startEmbeddedForTest({ referenceGateway: false });
  dir = await mkdtemp(join(tmpdir(), 'kubeconfig-transports-'));
  embedded = parse(await readFile(cluster.environment.kubeconfigPath, 'utf8')) as Doc;
});
afterAll(async () => {
  await cluster?.environment.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kubeconfig view', () => {
  it('plain-data credentials (token, CA data) are used directly', () => {
    const view = readKubeconfig([cluster.environment.kubeconfigPath], undefined, 'test');
    expect(view.contextName).toBe('embedded');
    expect(view.server).toBe(cluster.environment.url.replace(/\/+$/, ''));
    expect(view.direct?.token).toBeTruthy();
    expect(view.direct?.caPem).toContain('BEGIN CERTIFICATE');
  });

  it('plugins and credential files go through the client library', async () => {
    const exec = await write('exec.yaml', { ...embedded, users: [{ name: 'embedded', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'true' } } }] });
    const caFile = await write('ca-file.yaml', { ...embedded, clusters: [{ name: 'embedded', cluster: { server: embedded.clusters[0]!.cluster['server'], 'certificate-authority': 'ca.crt' } }] });
    expect(readKubeconfig([exec], undefined, 'test').direct).toBeUndefined();
    expect(readKubeconfig([caFile], undefined, 'test').direct).toBeUndefined();
  });

  it('merges files (first name wins, the last current-context wins), makes paths absolute, and names unknown contexts', async () => {
    const first = await write('first.yaml', { ...embedded, clusters: [...embedded.clusters, { name: 'other', cluster: { server: 'https://127.0.0.1:1', 'certificate-authority': 'ca.crt' } }] });
    const second = await write('second.yaml', {
      clusters: [{ name: 'embedded', cluster: { server: 'https://127.0.0.1:2' } }],
      users: [],
      contexts: [{ name: 'other', context: { cluster: 'other', user: 'embedded' } }],
      'current-context': 'other',
    });
    const view = readKubeconfig([first, second], undefined, 'test');
    expect(view.contextName).toBe('other');
    expect(view.server).toBe('https://127.0.0.1:1');
    const exported = parse(view.exportYaml()) as Doc;
    expect(exported['current-context']).toBe('other');
    expect(exported.clusters.find((c) => c.name === 'embedded')?.cluster['server']).toBe(embedded.clusters[0]!.cluster['server']);
    expect(exported.clusters.find((c) => c.name === 'other')?.cluster['certificate-authority']).toBe(join(dir, 'ca.crt'));
    expect(() => readKubeconfig([first], 'nope', 'test')).toThrow(/context "nope" is not in the kubeconfig \(known: embedded\)/);
  });
});

describe('KubeClient transports against a real API server', () => {
  it('talks directly with plain-data credentials', async () => {
    const client = KubeClient.load({ kubeconfigPath: cluster.environment.kubeconfigPath, userAgent: 'test' });
    expect(await client.getPath('/version')).toMatchObject({ major: '1' });
    expect((await client.list('v1', 'Namespace')).items.length).toBeGreaterThan(0);
  });

  it('talks through the client library when the CA comes from a file, with the same answers', async () => {
    const caPem = Buffer.from(String(embedded.clusters[0]!.cluster['certificate-authority-data']), 'base64').toString('utf8');
    await writeFile(join(dir, 'ca.crt'), caPem);
    const path = await write('library.yaml', { ...embedded, clusters: [{ name: 'embedded', cluster: { server: embedded.clusters[0]!.cluster['server'], 'certificate-authority': 'ca.crt' } }] });
    const client = KubeClient.load({ kubeconfigPath: path, userAgent: 'test' });
    expect(await client.getPath('/version')).toMatchObject({ major: '1' });
    const namespaces = await client.list('v1', 'Namespace');
    expect(namespaces.items.length).toBeGreaterThan(0);
    // A watch streams through the same transport.
    const stop = new AbortController();
    const seen: string[] = [];
    const ended = client.watch('v1', 'Namespace', { resourceVersion: '0', signal: stop.signal }, (event) => {
      seen.push(event.type);
      stop.abort();
    });
    expect(await ended).toEqual({});
    expect(seen[0]).toBe('ADDED');
  });
});
