import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataPlane } from '../../src/data-plane/index.ts';
import type { CompiledFilter, HeaderModifier } from '../../src/model/data-plane-config.ts';
import { backendOf, configOf, exact, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';
import { startEchoBackend, type EchoBackend, type EchoReply } from './support/echo-backend.ts';
import { freePort } from './support/free-port.ts';
import { TestClient, grpc } from './support/grpc-client.ts';
import { dataPlaneWith, gatewayAddress } from './support/test-gateway.ts';

const modifier = (parts: Partial<HeaderModifier>): HeaderModifier => ({ set: [], add: [], remove: [], ...parts });
const requestModifier = (parts: Partial<HeaderModifier>): CompiledFilter => ({ type: 'RequestHeaderModifier', modifier: modifier(parts) });
const values = (reply: EchoReply | undefined, name: string): string[] =>
  (reply?.headers ?? []).filter(([key]) => key === name).map(([, value]) => value);

describe('data plane: filters', () => {
  let v1: EchoBackend, v2: EchoBackend, shadow: EchoBackend, slowShadow: EchoBackend;
  let plane: DataPlane;
  let client: TestClient;

  beforeAll(async () => {
    [v1, v2, shadow] = await Promise.all([startEchoBackend('v1'), startEchoBackend('v2'), startEchoBackend('shadow')]);
    slowShadow = await startEchoBackend('slow-shadow', { answerDelayMs: 5_000 });
    const closedPort = await freePort('127.0.0.1');
    const { address, port } = await gatewayAddress();
    ({ plane } = dataPlaneWith());
    const rule = (index: number, method: string, parts: Parameters<typeof ruleOf>[1]) =>
      ruleOf(index, { matches: [exact('svc.Filters', method)], ...parts });
    await plane.apply(
      configOf(address, [
        listenerOf('only', port, [
          routeOf('ns/filters', [
            rule(0, 'Headers', {
              filters: [
                requestModifier({
                  set: [{ name: 'x-header-set', value: 'set-overwrites-values' }],
                  add: [{ name: 'x-header-add', value: 'add-appends-values' }],
                  remove: ['x-header-remove'],
                }),
                {
                  type: 'ResponseHeaderModifier',
                  modifier: modifier({ set: [{ name: 'x-resp', value: 'replaced' }], add: [{ name: 'x-added', value: 'yes' }], remove: ['x-backend'] }),
                },
              ],
              backends: [backendOf([v1])],
            }),
            rule(1, 'PerBackend', {
              backends: [
                backendOf([v1], { filters: [requestModifier({ set: [{ name: 'x-which', value: 'v1' }] })] }),
                backendOf([v2], { filters: [requestModifier({ set: [{ name: 'x-which', value: 'v2' }] })] }),
              ],
            }),
            rule(2, 'Mirror', {
              filters: [
                requestModifier({ set: [{ name: 'x-mirrored', value: 'yes' }] }),
                { type: 'RequestMirror', backend: backendOf([shadow]), numerator: 100, denominator: 100 },
              ],
              backends: [backendOf([v1])],
            }),
            rule(3, 'SlowMirror', {
              filters: [{ type: 'RequestMirror', backend: backendOf([slowShadow]), numerator: 1, denominator: 1 }],
              backends: [backendOf([v1])],
            }),
            rule(4, 'MirrorNowhere', {
              filters: [
                { type: 'RequestMirror', numerator: 100, denominator: 100 },
                { type: 'RequestMirror', backend: backendOf([], { endpoints: [{ ip: '127.0.0.1', port: closedPort }] }), numerator: 1, denominator: 1 },
              ],
              backends: [backendOf([v1])],
            }),
          ]),
        ]),
      ]),
    );
    client = new TestClient(`${address}:${port}`);
  });

  afterAll(async () => {
    client.close();
    await plane.stop();
    await Promise.all([v1, v2, shadow, slowShadow].map((b) => b.stop()));
  });

  it('RequestHeaderModifier: set replaces every value, add appends after existing values, remove deletes all values', async () => {
    const result = await client.unary('/svc.Filters/Headers', {
      'x-header-set': ['old-1', 'old-2'],
      'x-header-add': 'this-value-should-be-appended',
      'x-header-remove': ['gone-1', 'gone-2'],
      'some-other-header': 'kept',
    });
    const reply = result.replies[0];
    expect(values(reply, 'x-header-set')).toEqual(['set-overwrites-values']);
    expect(values(reply, 'x-header-add')).toEqual(['this-value-should-be-appended', 'add-appends-values']);
    expect(values(reply, 'x-header-remove')).toEqual([]);
    expect(values(reply, 'some-other-header')).toEqual(['kept']);
  });

  it('RequestHeaderModifier creates headers that were absent', async () => {
    const reply = (await client.unary('/svc.Filters/Headers')).replies[0];
    expect(values(reply, 'x-header-set')).toEqual(['set-overwrites-values']);
    expect(values(reply, 'x-header-add')).toEqual(['add-appends-values']);
  });

  it('ResponseHeaderModifier edits the response headers, not the trailers', async () => {
    const result = await client.unary('/svc.Filters/Headers');
    expect(result.headers?.get('x-resp')).toEqual(['replaced']);
    expect(result.headers?.get('x-added')).toEqual(['yes']);
    expect(result.headers?.get('x-backend')).toEqual([]);
    expect(result.trailers.get('x-trailer')).toEqual(['t']);
  });

  it('backend filters run only for the backend the RPC goes to', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => client.unary('/svc.Filters/PerBackend')));
    const seen = new Set(results.map((r) => `${r.replies[0]?.backend}:${values(r.replies[0], 'x-which').join(',')}`));
    expect(seen).toEqual(new Set(['v1:v1', 'v2:v2']));
  });

  it('RequestMirror sends a copy (modified headers, same body) to the mirror backend and ignores its answer', async () => {
    const mirrored = shadow.calls.length;
    const result = await client.unary('/svc.Filters/Mirror', {}, { body: 'payload' });
    expect(result.code).toBe(grpc.status.OK);
    expect(result.replies[0]?.backend).toBe('v1');
    await shadow.callsReached(mirrored + 1);
    const copy = shadow.calls[mirrored]!;
    expect(copy.path).toBe('/svc.Filters/Mirror');
    expect(copy.messages).toEqual(['payload']);
    expect(values(copy, 'x-mirrored')).toEqual(['yes']);
  });

  it('a slow mirror backend does not delay the answer', async () => {
    const started = performance.now();
    const result = await client.unary('/svc.Filters/SlowMirror');
    const elapsed = performance.now() - started;
    expect(result.code).toBe(grpc.status.OK);
    expect(result.replies[0]?.backend).toBe('v1');
    await slowShadow.callsReached(1);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('an unresolved or unreachable mirror backend changes nothing', async () => {
    const result = await client.unary('/svc.Filters/MirrorNowhere');
    expect(result.code).toBe(grpc.status.OK);
    expect(result.replies[0]?.backend).toBe('v1');
  });
});
