import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataPlane } from '../../src/data-plane/index.ts';
import { backendOf, configOf, exact, headersOnly, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';
import { startEchoBackend, type EchoBackend } from './support/echo-backend.ts';
import { TestClient, grpc } from './support/grpc-client.ts';
import { dataPlaneWith, gatewayAddress } from './support/test-gateway.ts';

describe('data plane: method and header matching over real gRPC', () => {
  let v1: EchoBackend, v2: EchoBackend, v3: EchoBackend;
  let plane: DataPlane;
  let methods: TestClient, headers: TestClient;

  beforeAll(async () => {
    [v1, v2, v3] = await Promise.all([startEchoBackend('v1'), startEchoBackend('v2'), startEchoBackend('v3')]);
    const { address, port } = await gatewayAddress();
    ({ plane } = dataPlaneWith());
    await plane.apply(
      configOf(address, [
        listenerOf('methods', port, [
          routeOf('ns/methods', [
            ruleOf(0, { matches: [exact('svc.Echo', 'Echo')], backends: [backendOf([v1])] }),
            ruleOf(1, { matches: [exact('svc.Echo')], backends: [backendOf([v2])] }),
            ruleOf(2, { matches: [exact(undefined, 'Three')], backends: [backendOf([v3])] }),
            ruleOf(3, {
              matches: [{ method: { type: 'RegularExpression', service: 're\\.v[0-9]+', method: 'Get.*' }, headers: [] }],
              backends: [backendOf([v3])],
            }),
          ]),
        ], { hostname: 'methods.example' }),
        listenerOf('headers', port, [
          routeOf('ns/headers', [
            ruleOf(0, { matches: [headersOnly({ version: 'one' })], backends: [backendOf([v1])] }),
            ruleOf(1, { matches: [headersOnly({ version: 'two' })], backends: [backendOf([v2])] }),
            ruleOf(2, { matches: [headersOnly({ version: 'two', color: 'orange' })], backends: [backendOf([v1])] }),
            ruleOf(3, { matches: [headersOnly({ color: 'blue' }), headersOnly({ color: 'green' })], backends: [backendOf([v3])] }),
            ruleOf(4, {
              matches: [{ headers: [{ type: 'RegularExpression', name: 'Grpc-Regex', value: 'ab+c' }] }],
              backends: [backendOf([v3])],
            }),
          ]),
        ], { hostname: 'headers.example' }),
      ]),
    );
    methods = new TestClient(`${address}:${port}`, { authority: 'methods.example' });
    headers = new TestClient(`${address}:${port}`, { authority: 'headers.example:8080' });
  });

  afterAll(async () => {
    methods.close();
    headers.close();
    await plane.stop();
    await Promise.all([v1, v2, v3].map((b) => b.stop()));
  });

  it.each([
    ['/svc.Echo/Echo', 'v1'],
    ['/svc.Echo/Other', 'v2'],
    ['/any.Service/Three', 'v3'],
    ['/re.v42/GetThing', 'v3'],
  ])('routes %s to %s', async (path, backend) => {
    const result = await methods.unary(path);
    expect(result.code).toBe(grpc.status.OK);
    expect(result.replies[0]?.backend).toBe(backend);
    expect(result.replies[0]?.path).toBe(path);
  });

  it.each([
    ['service-only never matches a longer service name', '/svc.EchoX/Other'],
    ['method-only needs exactly one service segment', '//Three'],
    ['Exact is case-sensitive', '/svc.echo/Echo'],
    ['regex is a full match of the service', '/xre.v1/GetThing'],
    ['no rule at all', '/other.Svc/Nope'],
  ])('%s: %s is UNIMPLEMENTED', async (_why, path) => {
    const result = await methods.unary(path);
    expect(result.code).toBe(grpc.status.UNIMPLEMENTED);
  });

  it.each([
    [{ version: 'one' }, 'v1'],
    [{ version: 'two' }, 'v2'],
    [{ version: 'two', color: 'orange' }, 'v1'],
    [{ color: 'blue' }, 'v3'],
    [{ color: 'green' }, 'v3'],
    [{ VERSION: 'one' }, 'v1'],
    [{ 'grpc-regex': 'abbbc' }, 'v3'],
    [{ version: ['zzz', 'one'] }, 'v1'],
  ])('metadata %j goes to %s (AND within a match, OR across matches, more headers win)', async (metadata, backend) => {
    const result = await headers.unary('/svc.Echo/Echo', metadata);
    expect(result.code).toBe(grpc.status.OK);
    expect(result.replies[0]?.backend).toBe(backend);
  });

  it.each([[{ color: 'orange' }], [{ version: 'three' }], [{ 'grpc-regex': 'xabc' }], [{}]])(
    'metadata %j matches nothing: UNIMPLEMENTED',
    async (metadata) => {
      const result = await headers.unary('/svc.Echo/Echo', metadata);
      expect(result.code).toBe(grpc.status.UNIMPLEMENTED);
    },
  );
});
