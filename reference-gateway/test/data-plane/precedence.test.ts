import { describe, expect, it } from 'vitest';
import { FaultSet } from '../../src/data-plane/faults.ts';
import { headerMapFromRaw } from '../../src/data-plane/header-map.ts';
import { requestHost } from '../../src/data-plane/listener-select.ts';
import { selectRoute } from '../../src/data-plane/route-select.ts';
import { compileServerTables } from '../../src/data-plane/routing-table.ts';
import type { CompiledMatch, CompiledRoute } from '../../src/model/data-plane-config.ts';
import { configOf, exact, headersOnly, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';

const OLD = '2025-01-01T00:00:00Z';
const NEW = '2026-01-01T00:00:00Z';

// `routeKey#ruleIndex` of the rule that wins for the request, or the kind of miss.
function winner(routes: CompiledRoute[], request: { host?: string; path?: string; headers?: Record<string, string> } = {}, faults: string[] = []): string {
  const { tables } = compileServerTables(configOf('127.3.0.1', [listenerOf('l', 1, routes)]));
  const raw = Object.entries(request.headers ?? {}).flat();
  const set = new FaultSet(new Set(faults));
  const selection = selectRoute(tables[0]!, requestHost(request.host ?? 'x.example.com', set), { path: request.path ?? '/svc.S/M', headers: headerMapFromRaw(raw) }, set);
  return selection.kind === 'rule' ? `${selection.rule.routeKey}#${selection.rule.index}` : selection.kind;
}

const only = (key: string, match: CompiledMatch | undefined, extra: { hostnames?: string[]; created?: string } = {}): CompiledRoute =>
  routeOf(key, [ruleOf(0, { matches: match ? [match] : [] })], extra);

describe('GRPCRoute precedence (continuing on ties)', () => {
  it('1. most characters in a precise hostname beats any method match', () => {
    const routes = [only('ns/wild', exact('svc.S', 'M'), { hostnames: ['*.example.com'] }), only('ns/precise', undefined, { hostnames: ['foo.example.com'] })];
    expect(winner(routes, { host: 'foo.example.com' })).toBe('ns/precise#0');
    expect(winner(routes, { host: 'foo.example.com' }, ['precedence-ignore-hostname-specificity'])).toBe('ns/wild#0');
  });

  it('2. then the longer wildcard hostname', () => {
    const routes = [only('ns/short', undefined, { hostnames: ['*.example.com'] }), only('ns/long', undefined, { hostnames: ['*.a.example.com'] })];
    expect(winner(routes, { host: 'x.a.example.com' })).toBe('ns/long#0');
    expect(winner(routes, { host: 'x.b.example.com' })).toBe('ns/short#0');
  });

  it('3. then the service: Exact service+method over service only, Exact over RegularExpression', () => {
    const regex: CompiledMatch = { method: { type: 'RegularExpression', service: 'svc\\.S' }, headers: [] };
    expect(winner([only('ns/a', exact('svc.S'), { created: OLD }), only('ns/b', exact('svc.S', 'M'), { created: NEW })])).toBe('ns/b#0');
    expect(winner([only('ns/a', regex, { created: OLD }), only('ns/b', exact('svc.S'), { created: NEW })])).toBe('ns/b#0');
    expect(winner([only('ns/a', undefined, { created: OLD }), only('ns/b', exact('svc.S'), { created: NEW })])).toBe('ns/b#0');
  });

  it('4. then the method', () => {
    const routes = [only('ns/service', exact('svc.S'), { created: OLD }), only('ns/method', exact('svc.S', 'M'), { created: NEW })];
    expect(winner(routes, {})).toBe('ns/method#0');
    expect(winner(routes, {}, ['precedence-ignore-method-length'])).toBe('ns/service#0');
  });

  it('5. then the number of header matches (per match), then more Exact header matches', () => {
    const routes = [only('ns/one', headersOnly({ a: '1' }), { created: OLD }), only('ns/two', headersOnly({ a: '1', b: '2' }), { created: NEW })];
    expect(winner(routes, { headers: { a: '1', b: '2' } })).toBe('ns/two#0');
    expect(winner(routes, { headers: { a: '1', b: '2' } }, ['precedence-ignore-header-count'])).toBe('ns/one#0');
    const regex: CompiledMatch = { headers: [{ type: 'RegularExpression', name: 'a', value: '1' }] };
    expect(winner([only('ns/regex', regex, { created: OLD }), only('ns/exact', headersOnly({ a: '1' }), { created: NEW })], { headers: { a: '1' } })).toBe('ns/exact#0');
  });

  it('6. then the oldest route', () => {
    const routes = [only('ns/a-new', undefined, { created: NEW }), only('ns/b-old', undefined, { created: OLD })];
    expect(winner(routes, {})).toBe('ns/b-old#0');
    expect(winner(routes, {}, ['precedence-ignore-creation-time'])).toBe('ns/a-new#0');
  });

  it('7. then namespace/name order', () => {
    const routes = [only('ns/b', undefined), only('ns/a', undefined)];
    expect(winner(routes, {})).toBe('ns/a#0');
    expect(winner(routes, {}, ['precedence-ignore-name-order'])).toBe('ns/b#0');
  });

  it('8. then the first matching rule of the winning route', () => {
    const routes = [routeOf('ns/r', [ruleOf(0, {}), ruleOf(1, {})])];
    expect(winner(routes, {})).toBe('ns/r#0');
    expect(winner(routes, {}, ['precedence-last-rule-wins'])).toBe('ns/r#1');
  });

  it('route hostnames that do not match the host are ignored', () => {
    expect(winner([only('ns/a', undefined, { hostnames: ['a.example.com'] })], { host: 'b.example.com' })).toBe('no-route');
  });
});

describe('listener selection', () => {
  const listeners = [
    listenerOf('bar', 1, [only('ns/v1', undefined)], { hostname: 'bar.com' }),
    listenerOf('foo-bar', 1, [only('ns/v2', exact('svc.S', 'M'))], { hostname: 'foo.bar.com' }),
    listenerOf('wild-bar', 1, [only('ns/v3', undefined)], { hostname: '*.bar.com' }),
    listenerOf('wild-foo', 1, [only('ns/v4', undefined)], { hostname: '*.foo.com' }),
  ];
  const pick = (authority: string, path = '/svc.S/M', faults: string[] = []): string => {
    const set = new FaultSet(new Set(faults));
    const { tables } = compileServerTables(configOf('127.3.0.1', listeners));
    const selection = selectRoute(tables[0]!, requestHost(authority, set), { path, headers: new Map() }, set);
    return selection.kind === 'rule' ? selection.rule.routeKey : selection.kind;
  };

  it.each([
    ['bar.com', 'ns/v1'],
    ['BAR.com:8080', 'ns/v1'],
    ['foo.bar.com', 'ns/v2'],
    ['baz.bar.com', 'ns/v3'],
    ['multiple.prefixes.bar.com', 'ns/v3'],
    ['multiple.prefixes.foo.com', 'ns/v4'],
    ['foo.com', 'no-listener'],
    ['no.matching.host', 'no-listener'],
  ])('%s is served by %s', (authority, expected) => {
    expect(pick(authority)).toBe(expected);
  });

  it('isolates listeners: a miss on the best listener never falls through to a wildcard listener', () => {
    expect(pick('foo.bar.com', '/svc.S/Other')).toBe('no-route');
    expect(pick('foo.bar.com', '/svc.S/Other', ['listener-isolation-off'])).toBe('ns/v3');
  });

  it('faults: wildcard-matches-apex and authority-port-breaks-matching', () => {
    expect(pick('foo.com', '/svc.S/M', ['wildcard-matches-apex'])).toBe('ns/v4');
    expect(pick('bar.com:8080', '/svc.S/M', ['authority-port-breaks-matching'])).toBe('no-listener');
  });

  it('a no-hostname listener catches what no named listener matches', () => {
    const { tables } = compileServerTables(configOf('127.3.0.1', [...listeners, listenerOf('any', 1, [only('ns/any', undefined)])]));
    const selection = selectRoute(tables[0]!, 'foo.com', { path: '/a/b', headers: new Map() }, FaultSet.none);
    expect(selection.kind === 'rule' && selection.rule.routeKey).toBe('ns/any');
  });
});
