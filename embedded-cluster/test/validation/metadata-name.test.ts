import { describe, expect, it } from 'vitest';
import { validateObject } from '../../src/validation/index.ts';
import { grpcRoute } from './objects.ts';

describe('metadata.name', () => {
  it('accepts a DNS subdomain and rejects other names', () => {
    expect(validateObject({ ...grpcRoute({}), metadata: { name: 'a.b-c' } })).toEqual([]);
    expect(validateObject({ ...grpcRoute({}), metadata: { name: 'Route_1' } })).toEqual([
      expect.objectContaining({ field: 'metadata.name', message: expect.stringContaining('Invalid value: "Route_1": a lowercase RFC 1123 subdomain') }),
    ]);
  });

  it('requires a name unless generateName is set', () => {
    expect(validateObject({ ...grpcRoute({}), metadata: {} })).toEqual([
      { field: 'metadata.name', message: 'Required value: name or generateName is required', reason: 'FieldValueRequired' },
      expect.objectContaining({ field: '<nil>', message: expect.stringContaining('some validation rules were not checked') }),
    ]);
    expect(validateObject({ ...grpcRoute({}), metadata: { generateName: 'route-' } })).toEqual([]);
  });

  it('uses label rules for Namespaces and Services', () => {
    const ns = validateObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } });
    expect(ns[0]?.message).toContain('RFC 1123 label');
    const svc = validateObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1abc' } });
    expect(svc[0]?.message).toContain('DNS-1035 label');
  });

  it('leaves other kinds alone', () => {
    expect(validateObject({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:x' } })).toEqual([]);
    expect(validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok' }, data: { a: 1 } })).toEqual([]);
    expect(validateObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' }, spec: 5 })).toEqual([]);
  });
});
