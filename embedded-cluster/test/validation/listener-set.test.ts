import { describe, expect, it } from 'vitest';
import { applyDefaults, validateObject } from '../../src/validation/index.ts';
import { expectCauses, type ValidationCase } from './expect-causes.ts';

const listenerSet = (spec: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'ListenerSet',
  metadata: { name: 'ls', namespace: 'default' },
  spec,
});
const parentRef = { name: 'gw' };
const http = (name: string, hostname?: string) => ({ name, port: 80, protocol: 'HTTP', ...(hostname ? { hostname } : {}) });
const L = 'spec.listeners';

const cases: ValidationCase[] = [
  { name: 'one HTTP listener', obj: listenerSet({ parentRef, listeners: [http('a')] }), causes: [] },
  {
    name: 'HTTPS without a tls mode (the default, Terminate, applies)',
    obj: listenerSet({ parentRef, listeners: [{ name: 'tls', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'cert' }] } }] }),
    causes: [],
  },
  {
    name: 'parentRef and listeners missing',
    obj: listenerSet({}),
    causes: [
      { field: 'spec.parentRef', message: 'Required value' },
      { field: 'spec.listeners', message: 'Required value' },
    ],
  },
  { name: 'no listeners', obj: listenerSet({ parentRef, listeners: [] }), causes: [{ field: L, message: 'should have at least 1 items' }] },
  {
    name: 'two listeners with one port, protocol and hostname',
    obj: listenerSet({ parentRef, listeners: [http('a', 'x.example'), http('b', 'x.example')] }),
    causes: [{ field: L, message: 'Combination of port, protocol and hostname must be unique for each listener' }],
  },
  {
    name: 'a hostname on a TCP listener',
    obj: listenerSet({ parentRef, listeners: [{ name: 't', port: 80, protocol: 'TCP', hostname: 'x.example' }] }),
    causes: [{ field: L, message: "hostname must not be specified for protocols ['TCP', 'UDP']" }],
  },
  {
    name: 'two listeners with one name (the CRD words the rule as for a Gateway)',
    obj: listenerSet({ parentRef, listeners: [http('a', 'x.example'), http('a', 'y.example')] }),
    causes: [
      { field: `${L}[1]`, message: 'Duplicate value: {"name":"a"}' },
      { field: L, message: 'Listener name must be unique within the Gateway' },
    ],
  },
  {
    name: 'a parentRef group and kind off their patterns',
    obj: listenerSet({ parentRef: { name: 'gw', group: 'Example.com', kind: '1Gateway' }, listeners: [http('a')] }),
    causes: [
      { field: 'spec.parentRef.group', message: 'should match' },
      { field: 'spec.parentRef.kind', message: 'should match' },
    ],
  },
];

describe('ListenerSet validation', () => {
  it.each(cases)('$name', (row) => expectCauses(row));

  it('judges a status write on its listener entries', () => {
    const status = { listeners: [{ name: 'a', attachedRoutes: 0, conditions: [] }, { name: 'b' }] };
    const causes = validateObject({ ...listenerSet({ parentRef, listeners: [http('a')] }), status }, undefined, { subresource: 'status' });
    expect(causes.filter((c) => c.field !== '<nil>').map((c) => `${c.field}: ${c.message}`)).toEqual([
      'status.listeners[1].attachedRoutes: Required value',
      'status.listeners[1].conditions: Required value',
    ]);
  });

  it('defaults the parentRef group and kind and each listener as a Gateway listener', () => {
    const defaulted = applyDefaults(listenerSet({ parentRef, listeners: [{ name: 'tls', port: 443, protocol: 'HTTPS', tls: {} }] }));
    const spec = defaulted.spec as { parentRef: Record<string, unknown>; listeners: Record<string, unknown>[] };
    expect(spec.parentRef).toEqual({ name: 'gw', group: 'gateway.networking.k8s.io', kind: 'Gateway' });
    expect(spec.listeners[0]).toMatchObject({ allowedRoutes: { namespaces: { from: 'Same' } }, tls: { mode: 'Terminate' } });
  });
});
