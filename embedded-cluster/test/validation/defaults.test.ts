import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../src/validation/index.ts';
import { gateway, grpcRoute, httpRoute } from './objects.ts';

describe('applyDefaults', () => {
  it('fills GRPCRoute defaults on a copy', () => {
    const route = grpcRoute({
      parentRefs: [{ name: 'gw' }],
      rules: [
        {
          matches: [{ method: { service: 's' }, headers: [{ name: 'x', value: 'y' }] }],
          filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'm', port: 1 }, fraction: { numerator: 1 } } }],
          backendRefs: [{ name: 'svc', port: 8080 }],
        },
      ],
    });
    const before = structuredClone(route);
    const defaulted = applyDefaults(route);
    expect(route).toEqual(before);
    expect(defaulted.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }],
      rules: [
        {
          matches: [{ method: { type: 'Exact', service: 's' }, headers: [{ type: 'Exact', name: 'x', value: 'y' }] }],
          filters: [
            {
              type: 'RequestMirror',
              requestMirror: { backendRef: { group: '', kind: 'Service', name: 'm', port: 1 }, fraction: { numerator: 1, denominator: 100 } },
            },
          ],
          backendRefs: [{ group: '', kind: 'Service', name: 'svc', port: 8080, weight: 1 }],
        },
      ],
    });
  });

  it('keeps values that are set', () => {
    const route = grpcRoute({ parentRefs: [{ group: '', kind: 'Service', name: 'mesh' }], rules: [{ backendRefs: [{ group: 'example.com', kind: 'Thing', name: 's', port: 1, weight: 0 }] }] });
    expect(applyDefaults(route)).toEqual(route);
  });

  it('fills listener defaults', () => {
    const gw = applyDefaults(gateway([{ name: 'h', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'c' }] }, allowedRoutes: { kinds: [{ kind: 'GRPCRoute' }] } }]));
    expect((gw.spec as { listeners: unknown[] }).listeners[0]).toEqual({
      name: 'h',
      port: 443,
      protocol: 'HTTPS',
      tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'c' }] },
      allowedRoutes: { namespaces: { from: 'Same' }, kinds: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' }] },
    });
    const bare = applyDefaults(gateway([{ name: 'h', port: 80, protocol: 'HTTP' }]));
    expect((bare.spec as { listeners: Array<Record<string, unknown>> }).listeners[0]?.['allowedRoutes']).toEqual({ namespaces: { from: 'Same' } });
  });

  it('fills the HTTPRoute catch-all rule and path match', () => {
    expect(applyDefaults(httpRoute({})).spec).toEqual({ rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }] });
    expect(applyDefaults(httpRoute({ rules: [{ matches: [{ path: { value: '/a' } }] }] })).spec).toEqual({
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/a' } }] }],
    });
  });

  it('leaves other kinds and malformed specs untouched', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
    expect(applyDefaults(cm)).toEqual(cm);
    const odd = grpcRoute({ parentRefs: 'gw', rules: [null, { matches: 'x' }] });
    expect(applyDefaults(odd)).toEqual(odd);
  });
});
