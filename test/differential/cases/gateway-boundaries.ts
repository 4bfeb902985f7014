import { accepted, refusedAt, type DifferentialCase } from '../case.ts';
import { CERT, gateway, HTTP_LISTENER, listeners, times } from './objects.ts';

const CA = { kind: 'ConfigMap', group: '', name: 'ca' };

// Valid twins of the refused cases, each on the accepting side of a limit or rule (and two that
// look valid but are not).
export const GATEWAY_BOUNDARY_CASES: DifferentialCase[] = [
  { name: 'Gateway: 16 addresses', object: gateway({ addresses: times(16, (i) => ({ value: `10.0.0.${i}` })) }), expect: accepted },
  { name: 'Gateway: 8 route kinds', object: listeners({ ...HTTP_LISTENER, allowedRoutes: { kinds: times(8, (i) => ({ kind: `K${i}` })) } }), expect: accepted },
  { name: 'Gateway: 64 certificates', object: listeners({ name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: times(64, (i) => ({ name: `c${i}` })) } }), expect: accepted },
  { name: 'Gateway: 16 TLS options', object: listeners({ name: 'https', port: 443, protocol: 'HTTPS', tls: { options: Object.fromEntries(times(16, (i) => [`k${i}`, 'v'])) } }), expect: accepted },
  { name: 'Gateway: 16 infrastructure annotations', object: gateway({ infrastructure: { annotations: Object.fromEntries(times(16, (i) => [`a${i}`, 'v'])) } }), expect: accepted },
  { name: 'Gateway: listener port 65535', object: listeners({ ...HTTP_LISTENER, port: 65535 }), expect: accepted },
  { name: 'Gateway: listener port 1', object: listeners({ ...HTTP_LISTENER, port: 1 }), expect: accepted },
  { name: 'Gateway: gatewayClassName of 253', object: gateway({ gatewayClassName: 'a'.repeat(253) }), expect: accepted },
  { name: 'Gateway: TLS passthrough listeners on other hostnames', object: listeners(...['a', 'b'].map((h) => ({ name: h, port: 443, protocol: 'TLS', hostname: `${h}.example.com`, tls: { mode: 'Passthrough' } }))), expect: accepted },
  { name: 'Gateway: TLS terminate listener', object: listeners({ name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Terminate', certificateRefs: [CERT] } }), expect: accepted },
  // The hostname rule would allow '', but the schema's minLength does not.
  { name: 'Gateway: TCP listener with empty hostname', object: listeners({ name: 'tcp', port: 9000, protocol: 'TCP', hostname: '' }), expect: refusedAt('spec.listeners[0].hostname') },
  { name: 'Gateway: HTTPS listener with a hostname', object: listeners({ name: 'https', port: 443, protocol: 'HTTPS', hostname: 'secure.example.com', tls: { certificateRefs: [CERT] } }), expect: accepted },
  { name: 'Gateway: no route kinds listed', object: listeners({ ...HTTP_LISTENER, allowedRoutes: { kinds: [] } }), expect: accepted },
  { name: 'Gateway: one listener with hostname, one without, same port', object: listeners(HTTP_LISTENER, { ...HTTP_LISTENER, name: 'b', hostname: 'b.example.com' }), expect: accepted },
  { name: 'Gateway: frontend TLS insecure fallback, 16 CA refs', object: gateway({ tls: { frontend: { default: { validation: { mode: 'AllowInsecureFallback', caCertificateRefs: times(16, (i) => ({ ...CA, name: `ca${i}` })) } } } } }), expect: accepted },
  { name: 'Gateway: frontend TLS on two ports', object: gateway({ tls: { frontend: { default: {}, perPort: [443, 8443].map((port) => ({ port, tls: { validation: { caCertificateRefs: [CA] } } })) } } }), expect: accepted },
  { name: 'Gateway: annotation key with a prefix of 252', object: gateway({ infrastructure: { annotations: { [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}/x`]: 'v' } } }), expect: accepted },
  { name: 'Gateway: label key of 63', object: gateway({ infrastructure: { labels: { ['k'.repeat(63)]: 'v' } } }), expect: accepted },
  { name: 'Gateway: label value of 63', object: gateway({ infrastructure: { labels: { k: 'v'.repeat(63) } } }), expect: accepted },
  { name: 'Gateway: routes from the same namespace explicitly', object: listeners({ ...HTTP_LISTENER, allowedRoutes: { namespaces: { from: 'Same' } } }), expect: accepted },
  // "Must be empty" in the rule's message means absent: '' is present and fails the pattern.
  { name: 'Gateway: empty hostname address', object: gateway({ addresses: [{ type: 'Hostname', value: '' }] }), expect: refusedAt('spec.addresses[0]') },
  { name: 'Gateway: address with default type and IPv6 value', object: gateway({ addresses: [{ value: '2001:db8::1' }] }), expect: accepted },
  { name: 'Gateway: status with no addresses', object: { ...gateway({}), status: { addresses: [] } }, statusWrite: true, expect: accepted },
  { name: 'Gateway: status IPv6 and named addresses', object: { ...gateway({}), status: { addresses: [{ type: 'IPAddress', value: 'fd00::2' }, { type: 'NamedAddress', value: 'pool-a' }] } }, statusWrite: true, expect: accepted },
];
