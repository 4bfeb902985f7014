import { describe, it } from 'vitest';
import { expectCauses, type ValidationCase } from './expect-causes.ts';
import { gateway, times } from './objects.ts';

const http = { name: 'http', port: 80, protocol: 'HTTP' };
const https = (tls: Record<string, unknown> | undefined, hostname = 'a.example.com'): Record<string, unknown> => ({
  name: `https-${hostname.split('.')[0]}`,
  port: 443,
  protocol: 'HTTPS',
  hostname,
  ...(tls ? { tls } : {}),
});
const certificate = { certificateRefs: [{ name: 'example-com-cert' }] };
const L = 'spec.listeners';

const cases: ValidationCase[] = [
  { name: 'HTTP listener', obj: gateway([http]), causes: [] },
  { name: 'HTTPS with a certificate', obj: gateway([http, https(certificate)]), causes: [] },
  { name: 'HTTPS with options only', obj: gateway([https({ options: { 'example.com/x': 'y' } })]), causes: [] },
  { name: 'implementation protocol', obj: gateway([{ name: 'custom', port: 9000, protocol: 'example.com/grpc' }]), causes: [] },
  {
    name: 'gatewayClassName and listeners missing',
    obj: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw' }, spec: {} },
    causes: [
      { field: 'spec.gatewayClassName', message: 'Required value' },
      { field: 'spec.listeners', message: 'Required value' },
    ],
  },
  { name: 'no listeners', obj: gateway([]), causes: [{ field: L, message: `Invalid value: 0: ${L} in body should have at least 1 items` }] },
  {
    name: 'more than 64 listeners',
    obj: gateway(times(65, (i) => ({ name: `l${i}`, port: 1000 + i, protocol: 'HTTP' }))),
    causes: [{ field: L, message: 'Too many: 65: must have at most 64 items' }],
  },
  {
    name: 'listener field limits',
    obj: gateway([{ name: 'Bad', port: 70000, protocol: 'example.com', hostname: '*.*.com' }]),
    causes: [
      { field: `${L}[0].name`, message: 'should match' },
      { field: `${L}[0].port`, message: `Invalid value: 70000: ${L}[0].port in body should be less than or equal to 65535` },
      { field: `${L}[0].protocol`, message: 'should match' },
      { field: `${L}[0].hostname`, message: 'should match' },
    ],
  },
  {
    name: 'listener required fields',
    obj: gateway([{}]),
    causes: [
      { field: `${L}[0].name`, message: 'Required value' },
      { field: `${L}[0].port`, message: 'Required value' },
      { field: `${L}[0].protocol`, message: 'Required value' },
    ],
  },
  {
    name: 'duplicate listener names',
    obj: gateway([http, { ...http, port: 8080 }]),
    causes: [
      { field: `${L}[1]`, message: 'Duplicate value: {"name":"http"}', reason: 'FieldValueDuplicate' },
      { field: L, message: 'Invalid value: Listener name must be unique within the Gateway' },
    ],
  },
  {
    name: 'same port, protocol and hostname',
    obj: gateway([http, { ...http, name: 'http-2' }]),
    causes: [{ field: L, message: 'Combination of port, protocol and hostname must be unique for each listener' }],
  },
  { name: 'same port and protocol, different hostnames', obj: gateway([https(certificate, 'a.example.com'), https(certificate, 'b.example.com')]), causes: [] },
  {
    name: 'hostname on TCP and UDP',
    obj: gateway([
      { name: 'tcp', port: 9000, protocol: 'TCP', hostname: 'a.example.com' },
      { name: 'udp', port: 9001, protocol: 'UDP', hostname: 'a.example.com' },
    ]),
    causes: [{ field: L, message: "hostname must not be specified for protocols ['TCP', 'UDP']" }],
  },
  {
    name: 'tls on HTTP',
    obj: gateway([{ ...http, tls: certificate }]),
    causes: [{ field: L, message: "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']" }],
  },
  {
    name: 'HTTPS with Passthrough',
    obj: gateway([https({ mode: 'Passthrough' })]),
    causes: [{ field: L, message: 'tls mode must be Terminate for protocol HTTPS' }],
  },
  {
    name: 'Terminate (defaulted) without certificates or options',
    obj: gateway([https({})]),
    causes: [
      { field: `${L}[0].tls`, message: 'Invalid value: "object": no such key: certificateRefs evaluating rule: certificateRefs or options must be specified when mode is Terminate' },
    ],
  },
  {
    name: 'Terminate with empty certificates and options',
    obj: gateway([https({ certificateRefs: [], options: {} })]),
    causes: [{ field: `${L}[0].tls`, message: 'Invalid value: certificateRefs or options must be specified when mode is Terminate' }],
  },
  {
    name: 'unknown tls mode',
    obj: gateway([{ name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Reencrypt', certificateRefs: [{ name: 'c' }] } }]),
    causes: [{ field: `${L}[0].tls.mode`, message: 'Unsupported value: "Reencrypt": supported values: "Terminate", "Passthrough"' }],
  },
  {
    name: 'allowedRoutes from and kinds',
    obj: gateway([{ ...http, allowedRoutes: { namespaces: { from: 'Everywhere' }, kinds: [{ group: 'gateway.networking.k8s.io' }, ...times(8, () => ({ kind: 'GRPCRoute' }))] } }]),
    causes: [
      { field: `${L}[0].allowedRoutes.namespaces.from`, message: 'Unsupported value: "Everywhere": supported values: "All", "Selector", "Same"' },
      { field: `${L}[0].allowedRoutes.kinds`, message: 'Too many: 9: must have at most 8 items' },
      { field: `${L}[0].allowedRoutes.kinds[0].kind`, message: 'Required value' },
    ],
  },
];

describe('Gateway', () => {
  it.each(cases)('$name', (row) => expectCauses(row));
});
