import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_PLANE_FAULTS, DataPlane } from '../../src/data-plane/index.ts';
import type { DataPlaneConfig, HeaderModifier } from '../../src/model/data-plane-config.ts';
import { backendOf, configOf, exact, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';
import { startEchoBackend, type EchoBackend, type EchoReply } from './support/echo-backend.ts';
import { TestClient, type CallResult } from './support/grpc-client.ts';
import { gatewayAddress } from './support/test-gateway.ts';

const modifier = (parts: Partial<HeaderModifier>): HeaderModifier => ({ set: [], add: [], remove: [], ...parts });
const seen = (reply: EchoReply | undefined, name: string): string =>
  (reply?.headers ?? []).filter(([key]) => key === name).map(([, value]) => value).join(',');

let v1: EchoBackend, v2: EchoBackend, shadow: EchoBackend;

function faultConfig(address: string, port: number): DataPlaneConfig {
  const rule = (index: number, method: string, parts: Parameters<typeof ruleOf>[1]) =>
    ruleOf(index, { matches: [exact('svc.F', method)], ...parts });
  return configOf(address, [
    listenerOf('only', port, [
      routeOf('ns/faults', [
        ruleOf(0, { matches: [exact('svc.F', 'Headers', { version: 'one' })], backends: [backendOf([v1])] }),
        ruleOf(1, { matches: [exact('svc.Prefix')], backends: [backendOf([v1])] }),
        rule(2, 'Filters', {
          filters: [
            { type: 'RequestHeaderModifier', modifier: modifier({ add: [{ name: 'x-add', value: 'added' }], remove: ['x-remove'] }) },
            { type: 'ResponseHeaderModifier', modifier: modifier({ set: [{ name: 'x-resp', value: 'replaced' }] }) },
          ],
          backends: [
            backendOf([v1], { filters: [{ type: 'RequestHeaderModifier', modifier: modifier({ set: [{ name: 'x-chosen', value: 'v1' }] }) }] }),
            backendOf([v2], { weight: 0, filters: [{ type: 'RequestHeaderModifier', modifier: modifier({ set: [{ name: 'x-other', value: 'v2' }] }) }] }),
          ],
        }),
        rule(3, 'Ext', { filters: [{ type: 'UnresolvedExtensionRef', ref: 'x/Y/z' }], backends: [backendOf([v1])] }),
        rule(4, 'Invalid', { backends: [backendOf([], { valid: false })] }),
        rule(5, 'Skewed', { backends: [backendOf([v1], { weight: 9 }), backendOf([v2], { weight: 1 })] }),
        rule(6, 'Mirror', { filters: [{ type: 'RequestMirror', backend: backendOf([shadow]), numerator: 1, denominator: 1 }], backends: [backendOf([v1])] }),
        ruleOf(7, { matches: [{ method: { type: 'Exact', service: 'svc.F', method: 'Regex' }, headers: [{ type: 'RegularExpression', name: 'x', value: 'ab' }] }], backends: [backendOf([v1])] }),
        rule(8, 'NoEndpoints', { backends: [backendOf([])] }),
        rule(9, 'Plain', { backends: [backendOf([v1])] }),
      ]),
    ]),
  ]);
}

// grpc-status of a raw call with grpc-timeout 100m to a backend that answers after 1.5 s.
async function mirrored(client: TestClient): Promise<boolean> {
  const before = shadow.calls.length;
  await client.unary('/svc.F/Mirror');
  const arrived = shadow.callsReached(before + 1).then(() => true);
  const deadline = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_500));
  return Promise.race([arrived, deadline]);
}

const code = (r: CallResult): number => r.code;

// For each fault: an observation that must differ between a correct data plane and one with the fault.
const PROBES: Record<string, (client: TestClient, target: string) => Promise<unknown>> = {
  'ignore-header-matches': async (c) => code(await c.unary('/svc.F/Headers', { version: 'two' })),
  'case-sensitive-header-names': async (c) => code(await c.unary('/svc.F/Headers', { version: 'one' })),
  'service-match-as-prefix': async (c) => code(await c.unary('/svc.PrefixX/Any')),
  'regex-not-anchored': async (c) => code(await c.unary('/svc.F/Regex', { x: 'xaby' })),
  'unknown-instead-of-unavailable': async (c) => code(await c.unary('/svc.F/Invalid')),
  'not-found-instead-of-unimplemented': async (c) => code(await c.unary('/svc.F/Nope')),
  'extension-ref-skipped': async (c) => code(await c.unary('/svc.F/Ext')),
  'drop-trailers': async (c) => (await c.unary('/svc.F/Plain')).trailers.get('x-trailer'),
  'drop-bin-metadata': async (c) => seen((await c.unary('/svc.F/Plain', { 'x-data-bin': Buffer.from([7]) })).replies[0], 'x-data-bin'),
  'drop-response-headers': async (c) => (await c.unary('/svc.F/Plain')).headers?.get('x-resp'),
  'add-replaces-instead-of-append': async (c) => seen((await c.unary('/svc.F/Filters', { 'x-add': 'first' })).replies[0], 'x-add'),
  'remove-ignored': async (c) => seen((await c.unary('/svc.F/Filters', { 'x-remove': 'gone' })).replies[0], 'x-remove'),
  'response-modifier-applies-to-request': async (c) => (await c.unary('/svc.F/Filters')).headers?.get('x-resp'),
  'backend-filters-always-applied': async (c) => seen((await c.unary('/svc.F/Filters')).replies[0], 'x-other'),
  'route-to-weight-zero': async (c) => {
    const results = await Promise.all(Array.from({ length: 30 }, () => c.unary('/svc.F/Filters')));
    return results.some((r) => r.replies[0]?.backend === 'v2');
  },
  'ignore-weights': async (c) => {
    const results = await Promise.all(Array.from({ length: 60 }, () => c.unary('/svc.F/Skewed')));
    return results.filter((r) => r.replies[0]?.backend === 'v2').length > 15;
  },
  'mirror-nothing': (c) => mirrored(c),
};

// Faults whose flip is shown by another test file (unit-level precedence/listener tests, HTTPS tests).
const COVERED_ELSEWHERE = [
  'precedence-ignore-hostname-specificity',
  'precedence-ignore-method-length',
  'precedence-ignore-header-count',
  'precedence-ignore-creation-time',
  'precedence-ignore-name-order',
  'precedence-last-rule-wins',
  'authority-port-breaks-matching',
  'wildcard-matches-apex',
  'listener-isolation-off',
  'ignore-sni',
  'sni-last-matching-listener',
  'no-alpn-h2',
];

// Faults whose flip is observed only end to end, by the suite's mutation matrix
// (scripts/mutants.ts --matrix, table in docs/mutation-testing.md): no unit probe here yet.
const OBSERVED_BY_MUTATION_MATRIX = ['method-match-as-prefix', 'no-backend-refs-internal', 'deadline-dropped', 'precedence-ignore-original-hostname'];

describe('data plane: fault catalog', () => {
  it('names are unique kebab-case, every fault is exercised by some test', () => {
    const names = DATA_PLANE_FAULTS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const fault of DATA_PLANE_FAULTS) {
      expect(fault.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(fault.layer).toBe('data-plane');
      expect(fault.description.length).toBeGreaterThan(10);
    }
    expect(new Set([...Object.keys(PROBES), ...COVERED_ELSEWHERE, ...OBSERVED_BY_MUTATION_MATRIX])).toEqual(new Set(names));
  });
});

describe('data plane: each fault flips its observable behaviour', () => {
  const baseline = new Map<string, unknown>();
  let plane: DataPlane;
  let client: TestClient;
  let target: string;

  beforeAll(async () => {
    [v1, v2, shadow] = await Promise.all([startEchoBackend('v1'), startEchoBackend('v2'), startEchoBackend('shadow')]);
    const { address, port } = await gatewayAddress();
    target = `${address}:${port}`;
    plane = new DataPlane({ faults: new Set() });
    await plane.apply(faultConfig(address, port));
    client = new TestClient(target);
    for (const [fault, probe] of Object.entries(PROBES)) baseline.set(fault, await probe(client, target));
  });

  afterAll(async () => {
    client.close();
    await plane.stop();
    await Promise.all([v1, v2, shadow].map((b) => b.stop()));
  });

  it.each(Object.keys(PROBES))('%s', async (fault) => {
    const { address, port } = await gatewayAddress();
    const faulty = new DataPlane({ faults: new Set([fault]) });
    await faulty.apply(faultConfig(address, port));
    const faultyClient = new TestClient(`${address}:${port}`);
    try {
      const observed = await PROBES[fault]!(faultyClient, `${address}:${port}`);
      expect(observed).not.toEqual(baseline.get(fault));
    } finally {
      faultyClient.close();
      await faulty.stop();
    }
  });
});
