import { describe, expect, it } from 'vitest';
import { FaultSet } from '../../src/data-plane/faults.ts';
import { headerMapFromRaw } from '../../src/data-plane/header-map.ts';
import { selectRoute } from '../../src/data-plane/route-select.ts';
import { compileServerTables } from '../../src/data-plane/routing-table.ts';
import type { CompiledRoute } from '../../src/model/data-plane-config.ts';
import { configOf, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';

const OLD = '2025-01-01T00:00:00Z';
const NEW = '2026-01-01T00:00:00Z';

function winner(routes: CompiledRoute[], host: string, faults: string[] = []): string {
  const { tables } = compileServerTables(configOf('127.3.0.1', [listenerOf('l', 1, routes)]));
  const selection = selectRoute(tables[0]!, host, { path: '/svc.S/M', headers: headerMapFromRaw([]) }, new FaultSet(new Set(faults)));
  return selection.kind === 'rule' ? selection.rule.routeKey : selection.kind;
}

/** A match-all route whose effective hostnames (the listener intersection) are `effective`, written as `written`. */
const route = (key: string, effective: string[], written: string[], created: string): CompiledRoute => ({
  ...routeOf(key, [ruleOf(0, {})], { hostnames: effective, created }),
  routeHostnames: written,
});

// v1.7.0 GRPCRouteSpec.hostnames; upstream GRPCRouteMultipleRoutesAttachmentSameHostnameIntersection's two cases.
describe('equal intersected hostnames: the more specific original hostname wins (GatewayRouteHostnameIntersectionPrecedence)', () => {
  it('listener abc.example.com: an exact route hostname beats an older *.example.com', () => {
    const routes = [route('ns/older-wildcard', ['abc.example.com'], ['*.example.com'], OLD), route('ns/z-newer-exact', ['abc.example.com'], ['abc.example.com'], NEW)];
    expect(winner(routes, 'abc.example.com')).toBe('ns/z-newer-exact');
    expect(winner(routes, 'abc.example.com', ['precedence-ignore-hostname-specificity'])).toBe('ns/older-wildcard');
  });

  it('listener *.example.com: *.example.com beats an older *.com', () => {
    const routes = [route('ns/older-short', ['*.example.com'], ['*.com'], OLD), route('ns/z-newer-long', ['*.example.com'], ['*.example.com'], NEW)];
    expect(winner(routes, 'abc.example.com')).toBe('ns/z-newer-long');
  });

  it('the intersected hostname still ranks first, and equal originals fall through to age', () => {
    const routes = [route('ns/older', ['*.example.com'], ['*.example.com'], OLD), route('ns/newer', ['*.example.com'], ['*.example.com'], NEW)];
    expect(winner(routes, 'abc.example.com')).toBe('ns/older');
    const byIntersection = [route('ns/older-precise', ['abc.example.com'], ['*.com'], OLD), route('ns/newer-wild', ['*.example.com'], ['*.example.com'], NEW)];
    expect(winner(byIntersection, 'abc.example.com')).toBe('ns/older-precise');
  });
});
