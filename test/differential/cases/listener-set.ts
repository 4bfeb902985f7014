import { accepted, refusedAt, type DifferentialCase } from '../case.ts';
import { CERT, HTTP_LISTENER, listenerSet, setListeners, times } from './objects.ts';

const L = 'spec.listeners';
const P = 'spec.parentRef';
const HTTPS = { name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [CERT] } };
const SINCE = '2024-01-01T00:00:00Z';
const condition = (type: string): Record<string, unknown> => ({ type, status: 'True', reason: type, message: 'by the controller', lastTransitionTime: SINCE, observedGeneration: 1 });
const STATUS = {
  conditions: [condition('Accepted'), condition('Programmed')],
  listeners: [{ name: 'http', attachedRoutes: 2, supportedKinds: [{ kind: 'HTTPRoute' }, { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' }], conditions: [condition('Accepted'), condition('ResolvedRefs')] }],
};

export const LISTENER_SET_CASES: DifferentialCase[] = [
  { name: 'ListenerSet: one HTTP listener', object: listenerSet({}), expect: accepted },
  { name: 'ListenerSet: HTTPS listener without a tls mode', object: setListeners(HTTPS), expect: accepted },
  { name: 'ListenerSet: HTTPS listener with explicit Terminate', object: setListeners({ ...HTTPS, tls: { mode: 'Terminate', certificateRefs: [CERT] } }), expect: accepted },
  { name: 'ListenerSet: TLS passthrough', object: setListeners({ name: 'tls', port: 443, protocol: 'TLS', hostname: 'a.example.com', tls: { mode: 'Passthrough' } }), expect: accepted },
  { name: 'ListenerSet: TCP and UDP listeners', object: setListeners({ name: 'tcp', port: 9000, protocol: 'TCP' }, { name: 'udp', port: 5353, protocol: 'UDP' }), expect: accepted },
  { name: 'ListenerSet: same port, other hostnames', object: setListeners({ ...HTTP_LISTENER, name: 'a', hostname: 'a.example.com' }, { ...HTTP_LISTENER, name: 'b', hostname: 'b.example.com' }), expect: accepted },
  { name: 'ListenerSet: parentRef with group, kind and namespace', object: listenerSet({ parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', namespace: 'infra' } }), expect: accepted },
  { name: 'ListenerSet: routes from a selector, GRPCRoute kind', object: setListeners({ ...HTTP_LISTENER, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { a: 'b' } } }, kinds: [{ kind: 'GRPCRoute' }] } }), expect: accepted },
  { name: 'ListenerSet: implementation-specific protocol', object: setListeners({ name: 'x', port: 7000, protocol: 'example.com/proto' }), expect: accepted },
  { name: 'ListenerSet: TLS options instead of certificates', object: setListeners({ ...HTTPS, tls: { options: { 'example.com/cert': 'x' } } }), expect: accepted },
  { name: 'ListenerSet: status with listeners and conditions', object: { ...listenerSet({}), status: STATUS }, statusWrite: true, expect: accepted },
  { name: 'ListenerSet: tls on an HTTP listener', object: setListeners({ ...HTTP_LISTENER, tls: { certificateRefs: [CERT] } }), expect: refusedAt(L) },
  { name: 'ListenerSet: HTTPS passthrough', object: setListeners({ ...HTTPS, tls: { mode: 'Passthrough' } }), expect: refusedAt(L) },
  { name: 'ListenerSet: TLS listener without tls', object: setListeners({ name: 'tls', port: 443, protocol: 'TLS' }), expect: refusedAt(L) },
  { name: 'ListenerSet: hostname on a UDP listener', object: setListeners({ name: 'udp', port: 5353, protocol: 'UDP', hostname: 'a.example.com' }), expect: refusedAt(L) },
  { name: 'ListenerSet: listener names repeated', object: setListeners(HTTP_LISTENER, { ...HTTP_LISTENER, port: 81 }), expect: refusedAt(L) },
  { name: 'ListenerSet: port, protocol and hostname repeated', object: setListeners(HTTP_LISTENER, { ...HTTP_LISTENER, name: 'other' }), expect: refusedAt(L) },
  { name: 'ListenerSet: Terminate without certificates or options', object: setListeners({ ...HTTPS, tls: { mode: 'Terminate' } }), expect: refusedAt(`${L}[0].tls`) },
  { name: 'ListenerSet: Terminate with empty certificates and options', object: setListeners({ ...HTTPS, tls: { certificateRefs: [], options: {} } }), expect: refusedAt(`${L}[0].tls`) },
  { name: 'ListenerSet: no spec', object: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'ListenerSet' }, expect: refusedAt('spec') },
  { name: 'ListenerSet: no parentRef', object: { ...listenerSet({}), spec: { listeners: [HTTP_LISTENER] } }, expect: refusedAt(P) },
  { name: 'ListenerSet: no listeners', object: { ...listenerSet({}), spec: { parentRef: { name: 'gw' } } }, expect: refusedAt(L) },
  { name: 'ListenerSet: empty listeners', object: setListeners(), expect: refusedAt(L) },
  { name: 'ListenerSet: 65 listeners', object: setListeners(...times(65, (i) => ({ name: `l${i}`, port: 1000 + i, protocol: 'HTTP' }))), expect: refusedAt(L) },
  { name: 'ListenerSet: parentRef without name', object: listenerSet({ parentRef: { kind: 'Gateway' } }), expect: refusedAt(`${P}.name`) },
  { name: 'ListenerSet: parentRef name over 253', object: listenerSet({ parentRef: { name: 'g'.repeat(254) } }), expect: refusedAt(`${P}.name`) },
  { name: 'ListenerSet: empty parentRef name', object: listenerSet({ parentRef: { name: '' } }), expect: refusedAt(`${P}.name`) },
  { name: 'ListenerSet: parentRef group with upper case', object: listenerSet({ parentRef: { group: 'Example.com', name: 'gw' } }), expect: refusedAt(`${P}.group`) },
  { name: 'ListenerSet: parentRef group over 253', object: listenerSet({ parentRef: { group: `${'a'.repeat(250)}.com`, name: 'gw' } }), expect: refusedAt(`${P}.group`) },
  { name: 'ListenerSet: parentRef kind starting with a digit', object: listenerSet({ parentRef: { kind: '1Gateway', name: 'gw' } }), expect: refusedAt(`${P}.kind`) },
  { name: 'ListenerSet: empty parentRef kind', object: listenerSet({ parentRef: { kind: '', name: 'gw' } }), expect: refusedAt(`${P}.kind`) },
  { name: 'ListenerSet: parentRef namespace with upper case', object: listenerSet({ parentRef: { name: 'gw', namespace: 'Infra' } }), expect: refusedAt(`${P}.namespace`) },
  { name: 'ListenerSet: parentRef namespace over 63', object: listenerSet({ parentRef: { name: 'gw', namespace: 'n'.repeat(64) } }), expect: refusedAt(`${P}.namespace`) },
  { name: 'ListenerSet: listener name with upper case', object: setListeners({ ...HTTP_LISTENER, name: 'HTTP' }), expect: refusedAt(`${L}[0].name`) },
  { name: 'ListenerSet: listener name over 253', object: setListeners({ ...HTTP_LISTENER, name: 'n'.repeat(254) }), expect: refusedAt(`${L}[0].name`) },
  { name: 'ListenerSet: listener port 0', object: setListeners({ ...HTTP_LISTENER, port: 0 }), expect: refusedAt(`${L}[0].port`) },
  { name: 'ListenerSet: listener port 65536', object: setListeners({ ...HTTP_LISTENER, port: 65536 }), expect: refusedAt(`${L}[0].port`) },
  { name: 'ListenerSet: listener without port', object: setListeners({ name: 'x', protocol: 'HTTP' }), expect: refusedAt(`${L}[0].port`) },
  { name: 'ListenerSet: listener without protocol', object: setListeners({ name: 'x', port: 80 }), expect: refusedAt(`${L}[0].protocol`) },
  { name: 'ListenerSet: protocol with a space', object: setListeners({ name: 'x', port: 80, protocol: 'H T' }), expect: refusedAt(`${L}[0].protocol`) },
  { name: 'ListenerSet: protocol over 255', object: setListeners({ name: 'x', port: 80, protocol: 'P'.repeat(256) }), expect: refusedAt(`${L}[0].protocol`) },
  { name: 'ListenerSet: listener hostname with a port', object: setListeners({ ...HTTP_LISTENER, hostname: 'a.example.com:80' }), expect: refusedAt(`${L}[0].hostname`) },
  { name: 'ListenerSet: allowedRoutes from Everyone', object: setListeners({ ...HTTP_LISTENER, allowedRoutes: { namespaces: { from: 'Everyone' } } }), expect: refusedAt(`${L}[0].allowedRoutes.namespaces.from`) },
  { name: 'ListenerSet: 9 route kinds', object: setListeners({ ...HTTP_LISTENER, allowedRoutes: { kinds: times(9, (i) => ({ kind: `K${i}` })) } }), expect: refusedAt(`${L}[0].allowedRoutes.kinds`) },
  { name: 'ListenerSet: route kind without kind', object: setListeners({ ...HTTP_LISTENER, allowedRoutes: { kinds: [{ group: 'example.com' }] } }), expect: refusedAt(`${L}[0].allowedRoutes.kinds[0].kind`) },
  { name: 'ListenerSet: unknown tls mode', object: setListeners({ ...HTTPS, tls: { mode: 'Reencrypt', certificateRefs: [CERT] } }), expect: refusedAt(`${L}[0].tls.mode`) },
  { name: 'ListenerSet: 65 certificates', object: setListeners({ ...HTTPS, tls: { certificateRefs: times(65, (i) => ({ name: `c${i}` })) } }), expect: refusedAt(`${L}[0].tls.certificateRefs`) },
  { name: 'ListenerSet: certificate without name', object: setListeners({ ...HTTPS, tls: { certificateRefs: [{ kind: 'Secret' }] } }), expect: refusedAt(`${L}[0].tls.certificateRefs[0].name`) },
  { name: 'ListenerSet: TLS option value over 4096', object: setListeners({ ...HTTPS, tls: { options: { a: 'v'.repeat(4097) } } }), expect: refusedAt(`${L}[0].tls.options.a`) },
  { name: 'ListenerSet: 17 TLS options', object: setListeners({ ...HTTPS, tls: { options: Object.fromEntries(times(17, (i) => [`k${i}`, 'v'])) } }), expect: refusedAt(`${L}[0].tls.options`) },
  {
    name: 'ListenerSet: status listener without attachedRoutes or conditions',
    object: { ...listenerSet({}), status: { listeners: [{ name: 'http' }] } },
    statusWrite: true,
    expect: refusedAt('status.listeners[0].attachedRoutes'),
  },
];
