import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/index.ts';
import { startEmbeddedCluster } from '../src/index.ts';
import { Discovery } from '../src/discovery.ts';
import { ResourceRegistry } from '../src/registry.ts';
import { ResourceService } from '../src/resource-service.ts';
import { ApiServer } from '../src/server.ts';
import { createServingCertificate } from '../../kube-rest/serving-certificate.ts';
import { ObjectStore } from '../src/store.ts';
import { WatchHub } from '../src/watch.ts';
import { ApiClient } from './support/api-client.ts';
import { configMap, namespace } from './support/objects.ts';

let cluster: EmbeddedCluster;
let api: ApiClient;
const CMS = '/api/v1/namespaces/w/configmaps';

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  api = new ApiClient(cluster);
  await api.post('/api/v1/namespaces', namespace('w'));
});

afterAll(async () => {
  api.close();
  await cluster.stop();
});

const names = (events: { type: string; object: { metadata: { name: string } } }[]): string[] => events.map((e) => `${e.type}:${e.object.metadata.name}`);

describe('watch', () => {
  it('from a resourceVersion delivers only later events', async () => {
    await api.post(CMS, configMap('w', 'before'));
    const list = (await api.get(CMS)).body;
    await api.post(CMS, configMap('w', 'after-1'));
    await api.put(`${CMS}/before`, { ...configMap('w', 'before'), data: { changed: 'yes' } });
    await api.delete(`${CMS}/after-1`);
    const events = await api.watch(`${CMS}?watch=true&resourceVersion=${list.metadata.resourceVersion}`, (e) => e.length >= 3);
    expect(names(events)).toEqual(['ADDED:after-1', 'MODIFIED:before', 'DELETED:after-1']);
    expect(Number(events[0]!.object.metadata.resourceVersion)).toBeGreaterThan(Number(list.metadata.resourceVersion));
  });

  it('with resourceVersion 0 starts with synthetic ADDED events, then live ones', async () => {
    await api.post('/api/v1/namespaces', namespace('w0'));
    await api.post('/api/v1/namespaces/w0/configmaps', configMap('w0', 'a'));
    await api.post('/api/v1/namespaces/w0/configmaps', configMap('w0', 'b'));
    const watching = api.watch('/api/v1/namespaces/w0/configmaps?watch=1&resourceVersion=0', (e) => e.length >= 3);
    await api.post('/api/v1/namespaces/w0/configmaps', configMap('w0', 'c'));
    expect(names(await watching)).toEqual(['ADDED:a', 'ADDED:b', 'ADDED:c']);
  });

  it('filters by label selector, turning objects that leave the selection into DELETED', async () => {
    const list = (await api.get(CMS)).body;
    await api.post(CMS, configMap('w', 'lab', {}, { keep: 'yes' }));
    await api.patch(`${CMS}/lab`, { metadata: { labels: { keep: 'no' } } }, 'application/merge-patch+json');
    await api.post(CMS, configMap('w', 'other', {}, { keep: 'no' }));
    const events = await api.watch(`${CMS}?watch=true&labelSelector=keep%3Dyes&resourceVersion=${list.metadata.resourceVersion}`, (e) => e.length >= 2);
    expect(names(events)).toEqual(['ADDED:lab', 'DELETED:lab']);
  });

  it('sends BOOKMARK events and the initial-events-end bookmark when asked', async () => {
    const events = await api.watch(`${CMS}?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan`, (e) => e.some((x) => x.type === 'BOOKMARK'));
    const bookmark = events.find((e) => e.type === 'BOOKMARK')!;
    expect(bookmark.object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
    expect(Number(bookmark.object.metadata.resourceVersion)).toBeGreaterThan(0);
  });

  it('ends the stream after timeoutSeconds', async () => {
    const started = Date.now();
    const events = await api.watch(`${CMS}?watch=true&timeoutSeconds=1&resourceVersion=${(await api.get(CMS)).body.metadata.resourceVersion}`, () => false);
    expect(events).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('serves the legacy /watch/ path prefix', async () => {
    const list = (await api.get(CMS)).body;
    await api.post(CMS, configMap('w', 'legacy'));
    const events = await api.watch(`/api/v1/watch/namespaces/w/configmaps?resourceVersion=${list.metadata.resourceVersion}`, (e) => e.length >= 1);
    expect(names(events)).toEqual(['ADDED:legacy']);
  });
});

describe('event log compaction', () => {
  it('reports resourceVersions older than the log as expired', () => {
    const store = new ObjectStore(3);
    for (let i = 0; i < 5; i++) store.insert('/configmaps', { metadata: { name: `c${i}`, namespace: 'n' } });
    expect(store.eventsSince(1)).toBe('expired');
    expect((store.eventsSince(2) as unknown[]).length).toBe(3);
    expect((store.eventsSince(4) as unknown[]).length).toBe(1);
  });

  it('answers a watch from a compacted resourceVersion with an ERROR event carrying 410 Expired', async () => {
    const certificate = await createServingCertificate('127.0.0.1');
    const store = new ObjectStore(5);
    const registry = new ResourceRegistry();
    const service = new ResourceService(store, registry, () => []);
    const server = new ApiServer({
      token: 't',
      service,
      discovery: new Discovery(registry, () => ''),
      watches: new WatchHub(store),
      logs: { linesOf: () => undefined },
      certificate,
    });
    const address = await server.listen('127.0.0.1', 0);
    const client = new ApiClient({ url: `https://127.0.0.1:${address.port}`, token: 't', caPem: certificate.certPem });
    try {
      const namespaces = registry.find('', 'v1', 'namespaces')!;
      const old = service.create(namespaces, '', { metadata: { name: 'n0' } });
      for (let i = 1; i <= 10; i++) service.create(namespaces, '', { metadata: { name: `n${i}` } });
      const events = await client.watch(`/api/v1/namespaces?watch=true&resourceVersion=${old.metadata.resourceVersion}`, () => false);
      expect(events).toHaveLength(1);
      expect(events[0]!.type).toBe('ERROR');
      expect(events[0]!.object).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    } finally {
      client.close();
      await server.close();
    }
  });
});
