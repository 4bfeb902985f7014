import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ObjectCache } from '../../src/kube/cache.ts';
import { KubeRestClient } from '../../../kube-rest/rest-client.ts';
import { KindInformer } from '../../src/kube/watch.ts';

// A narrow fake of the list/watch protocol, to drive the informer through 410 Gone and stream ends.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const ns = (name: string, rv: string) => ({ metadata: { name, resourceVersion: rv } });

async function fakeApiServer(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<string> {
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('KindInformer', () => {
  it('lists, watches from the list version, and re-lists after 410 Gone', async () => {
    const requests: string[] = [];
    let lists = 0;
    let watches = 0;
    const url = await fakeApiServer((req, res) => {
      requests.push(req.url ?? '');
      const watching = new URL(req.url ?? '', 'http://x').searchParams.get('watch') === '1';
      res.setHeader('content-type', 'application/json');
      if (!watching) {
        lists++;
        const items = lists === 1 ? [ns('a', '1')] : [ns('c', '9')];
        res.end(JSON.stringify({ items, metadata: { resourceVersion: lists === 1 ? '5' : '10' } }));
        return;
      }
      watches++;
      if (watches === 1) {
        res.write(`${JSON.stringify({ type: 'ADDED', object: ns('b', '6') })}\n`);
        res.end();
      } else if (watches === 2) {
        res.write(`${JSON.stringify({ type: 'DELETED', object: ns('a', '7') })}\n`);
        res.end(`${JSON.stringify({ type: 'ERROR', object: { kind: 'Status', code: 410, metadata: {} } })}\n`);
      } else {
        res.write(`${JSON.stringify({ type: 'BOOKMARK', object: ns('', '11') })}\n`);
      }
    });
    const cache = new ObjectCache();
    const client = new KubeRestClient({ server: url, insecureSkipTlsVerify: false, token: 't' });
    const informer = new KindInformer('Namespace', client, cache, () => {});
    cleanups.push(() => client.close(), () => informer.stop());
    informer.start();
    await informer.synced;
    await until(() => watches >= 3);
    expect(cache.list('Namespace').map((o) => o.metadata.name)).toEqual(['c']);
    const watchUrls = requests.filter((r) => r.includes('watch=1'));
    expect(watchUrls[0]).toContain('resourceVersion=5');
    expect(watchUrls[1]).toContain('resourceVersion=6');
    expect(watchUrls[2]).toContain('resourceVersion=10');
  });

  it('treats a 404 kind as absent and still reports synced', async () => {
    const url = await fakeApiServer((_req, res) => {
      res.statusCode = 404;
      res.end('{"kind":"Status","code":404}');
    });
    const cache = new ObjectCache();
    const client = new KubeRestClient({ server: url, insecureSkipTlsVerify: false });
    const informer = new KindInformer('BackendTLSPolicy', client, cache, () => {});
    cleanups.push(() => client.close(), () => informer.stop());
    informer.start();
    await informer.synced;
    expect(cache.served.has('BackendTLSPolicy')).toBe(false);
    expect(cache.list('BackendTLSPolicy')).toEqual([]);
  });
});
