import { accepted, refusedAt, type DifferentialCase } from '../case.ts';
import { CERT, HTTP_LISTENER, listenerSet, setListeners, times } from './objects.ts';

const L = 'spec.listeners';
const HTTPS = { name: 'https', port: 443, protocol: 'HTTPS' };
const NAME_253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
const parentRef = (ref: Record<string, unknown>): DifferentialCase['object'] => listenerSet({ parentRef: { name: 'gw', ...ref } });
const statusListener = (name: string): Record<string, unknown> => ({ name, attachedRoutes: 0, conditions: [] });

// Valid twins of the refused cases, each on the accepting side of a limit or rule (and two that
// look valid but are not).
export const LISTENER_SET_BOUNDARY_CASES: DifferentialCase[] = [
  { name: 'ListenerSet: 64 listeners', object: setListeners(...times(64, (i) => ({ name: `l${i}`, port: 1000 + i, protocol: 'HTTP' }))), expect: accepted },
  { name: 'ListenerSet: 8 route kinds', object: setListeners({ ...HTTP_LISTENER, allowedRoutes: { kinds: times(8, (i) => ({ kind: `K${i}` })) } }), expect: accepted },
  { name: 'ListenerSet: 64 certificates', object: setListeners({ ...HTTPS, tls: { certificateRefs: times(64, (i) => ({ name: `c${i}` })) } }), expect: accepted },
  { name: 'ListenerSet: 16 TLS options', object: setListeners({ ...HTTPS, tls: { options: Object.fromEntries(times(16, (i) => [`k${i}`, 'v'])) } }), expect: accepted },
  { name: 'ListenerSet: TLS option value of 4096', object: setListeners({ ...HTTPS, tls: { options: { a: 'v'.repeat(4096) } } }), expect: accepted },
  { name: 'ListenerSet: listener port 65535', object: setListeners({ ...HTTP_LISTENER, port: 65535 }), expect: accepted },
  { name: 'ListenerSet: listener port 1', object: setListeners({ ...HTTP_LISTENER, port: 1 }), expect: accepted },
  { name: 'ListenerSet: listener name of 253', object: setListeners({ ...HTTP_LISTENER, name: NAME_253 }), expect: accepted },
  { name: 'ListenerSet: wildcard hostname of 253', object: setListeners({ ...HTTP_LISTENER, hostname: `*.${NAME_253.slice(2)}` }), expect: accepted },
  { name: 'ListenerSet: protocol of 255', object: setListeners({ name: 'x', port: 80, protocol: 'P'.repeat(255) }), expect: accepted },
  { name: 'ListenerSet: parentRef name of 253', object: parentRef({ name: 'g'.repeat(253) }), expect: accepted },
  { name: 'ListenerSet: parentRef namespace of 63', object: parentRef({ namespace: 'n'.repeat(63) }), expect: accepted },
  { name: 'ListenerSet: parentRef kind of 63', object: parentRef({ kind: `K${'k'.repeat(62)}` }), expect: accepted },
  { name: 'ListenerSet: parentRef group of 253', object: parentRef({ group: NAME_253 }), expect: accepted },
  { name: 'ListenerSet: parentRef to the core group', object: parentRef({ group: '' }), expect: accepted },
  { name: 'ListenerSet: parentRef to another kind', object: parentRef({ group: 'example.com', kind: 'ProxyGateway' }), expect: accepted },
  { name: 'ListenerSet: routes from All namespaces, two kinds', object: setListeners({ ...HTTP_LISTENER, allowedRoutes: { namespaces: { from: 'All' }, kinds: [{ kind: 'GRPCRoute' }, { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }] } }), expect: accepted },
  { name: 'ListenerSet: routes from the same namespace explicitly', object: setListeners({ ...HTTP_LISTENER, allowedRoutes: { namespaces: { from: 'Same' } } }), expect: accepted },
  { name: 'ListenerSet: HTTP and HTTPS on one port number', object: setListeners({ ...HTTP_LISTENER, port: 8443 }, { ...HTTPS, port: 8443, tls: { certificateRefs: [CERT] } }), expect: accepted },
  { name: 'ListenerSet: one port with and without a hostname', object: setListeners(HTTP_LISTENER, { ...HTTP_LISTENER, name: 'a', hostname: 'a.example.com' }), expect: accepted },
  { name: 'ListenerSet: certificate in another namespace', object: setListeners({ ...HTTPS, tls: { certificateRefs: [{ name: 'c', namespace: 'certs', kind: 'Secret', group: '' }] } }), expect: accepted },
  { name: 'ListenerSet: TLS passthrough without hostname', object: setListeners({ name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Passthrough' } }), expect: accepted },
  { name: 'ListenerSet: TLS listener terminating', object: setListeners({ name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Terminate', certificateRefs: [CERT] } }), expect: accepted },
  { name: 'ListenerSet: status with no listeners', object: { ...listenerSet({}), status: { listeners: [] } }, statusWrite: true, expect: accepted },
  { name: 'ListenerSet: status listeners without conditions yet', object: { ...listenerSet({}), status: { listeners: [statusListener('a'), statusListener('b')] } }, statusWrite: true, expect: accepted },
  { name: 'ListenerSet: status of 64 listeners', object: { ...listenerSet({}), status: { listeners: times(64, (i) => statusListener(`l${i}`)) } }, statusWrite: true, expect: accepted },
  // An empty hostname fails minLength, though the TCP rule itself lets '' through.
  { name: 'ListenerSet: empty hostname on a TCP listener', object: setListeners({ name: 'tcp', port: 9000, protocol: 'TCP', hostname: '' }), expect: refusedAt(`${L}[0].hostname`) },
  { name: 'ListenerSet: status listener names repeated', object: { ...listenerSet({}), status: { listeners: [statusListener('a'), statusListener('a')] } }, statusWrite: true, expect: refusedAt('status.listeners[1]') },
];
