import { accepted, refusedAt, type DifferentialCase } from '../case.ts';
import { backendTlsPolicy, TARGET, times } from './objects.ts';

const V = 'spec.validation';
const CA = { group: '', kind: 'ConfigMap', name: 'ca' };

export const BACKEND_TLS_POLICY_CASES: DifferentialCase[] = [
  { name: 'BackendTLSPolicy: system CAs', object: backendTlsPolicy({}), expect: accepted },
  { name: 'BackendTLSPolicy: CA ConfigMap', object: backendTlsPolicy({}, { wellKnownCACertificates: undefined, caCertificateRefs: [CA] }), expect: accepted },
  { name: 'BackendTLSPolicy: two sections of one Service', object: backendTlsPolicy({ targetRefs: [{ ...TARGET, sectionName: 'a' }, { ...TARGET, sectionName: 'b' }] }), expect: accepted },
  { name: 'BackendTLSPolicy: two Services', object: backendTlsPolicy({ targetRefs: [TARGET, { ...TARGET, name: 'other' }] }), expect: accepted },
  { name: 'BackendTLSPolicy: hostname and URI SANs', object: backendTlsPolicy({}, { subjectAltNames: [{ type: 'Hostname', hostname: 'a.example.com' }, { type: 'URI', uri: 'spiffe://example/a' }] }), expect: accepted },
  { name: 'BackendTLSPolicy: options', object: backendTlsPolicy({ options: { 'example.com/x': 'y' } }), expect: accepted },
  { name: 'BackendTLSPolicy: wildcard SAN hostname', object: backendTlsPolicy({}, { subjectAltNames: [{ type: 'Hostname', hostname: '*.example.com' }] }), expect: accepted },
  { name: 'BackendTLSPolicy: 5 SANs', object: backendTlsPolicy({}, { subjectAltNames: times(5, (i) => ({ type: 'Hostname', hostname: `h${i}.example.com` })) }), expect: accepted },
  { name: 'BackendTLSPolicy: 16 targets', object: backendTlsPolicy({ targetRefs: times(16, (i) => ({ ...TARGET, name: `s${i}` })) }), expect: accepted },
  { name: 'BackendTLSPolicy: 8 CA refs', object: backendTlsPolicy({}, { wellKnownCACertificates: undefined, caCertificateRefs: times(8, (i) => ({ ...CA, name: `ca${i}` })) }), expect: accepted },
  { name: 'BackendTLSPolicy: empty well-known CAs with a CA ref', object: backendTlsPolicy({}, { wellKnownCACertificates: undefined, caCertificateRefs: [CA] }), expect: accepted },
  { name: 'BackendTLSPolicy: implementation-specific well-known CAs', object: backendTlsPolicy({}, { wellKnownCACertificates: 'example.com/bundle' }), expect: accepted },
  { name: 'BackendTLSPolicy: option key with two slashes', object: backendTlsPolicy({ options: { 'a/b/c': 'x' } }), expect: accepted },
  { name: 'BackendTLSPolicy: target with empty section and another with none', object: backendTlsPolicy({ targetRefs: [{ ...TARGET, name: 'a', sectionName: 'x' }, { ...TARGET, name: 'b' }] }), expect: accepted },
  { name: 'BackendTLSPolicy: hostname over 253', object: backendTlsPolicy({}, { hostname: `${'a'.repeat(250)}.com` }), expect: refusedAt(`${V}.hostname`) },
  { name: 'BackendTLSPolicy: SAN URI without scheme', object: backendTlsPolicy({}, { subjectAltNames: [{ type: 'URI', uri: 'no-scheme' }] }), expect: refusedAt(`${V}.subjectAltNames[0].uri`) },
  { name: 'BackendTLSPolicy: SAN without type', object: backendTlsPolicy({}, { subjectAltNames: [{ hostname: 'a.example.com' }] }), expect: refusedAt(`${V}.subjectAltNames[0].type`) },
  { name: 'BackendTLSPolicy: 17 options', object: backendTlsPolicy({ options: Object.fromEntries(times(17, (i) => [`k${i}`, 'v'])) }), expect: refusedAt('spec.options') },
  { name: 'BackendTLSPolicy: one target without section, one with', object: backendTlsPolicy({ targetRefs: [TARGET, { ...TARGET, sectionName: 'a' }] }), expect: refusedAt('spec.targetRefs') },
  { name: 'BackendTLSPolicy: same target and section twice', object: backendTlsPolicy({ targetRefs: [{ ...TARGET, sectionName: 'a' }, { ...TARGET, sectionName: 'a' }] }), expect: refusedAt('spec.targetRefs') },
  { name: 'BackendTLSPolicy: CA refs and well-known CAs', object: backendTlsPolicy({}, { caCertificateRefs: [CA] }), expect: refusedAt(V) },
  { name: 'BackendTLSPolicy: neither CA refs nor well-known CAs', object: backendTlsPolicy({}, { wellKnownCACertificates: undefined }), expect: refusedAt(V) },
  { name: 'BackendTLSPolicy: Hostname SAN without hostname', object: backendTlsPolicy({}, { subjectAltNames: [{ type: 'Hostname' }] }), expect: refusedAt(`${V}.subjectAltNames[0]`) },
  { name: 'BackendTLSPolicy: URI SAN with a hostname', object: backendTlsPolicy({}, { subjectAltNames: [{ type: 'URI', uri: 'spiffe://a', hostname: 'a.example.com' }] }), expect: refusedAt(`${V}.subjectAltNames[0]`) },
  { name: 'BackendTLSPolicy: URI SAN without uri', object: backendTlsPolicy({}, { subjectAltNames: [{ type: 'URI' }] }), expect: refusedAt(`${V}.subjectAltNames[0]`) },
  { name: 'BackendTLSPolicy: Hostname SAN with a uri', object: backendTlsPolicy({}, { subjectAltNames: [{ type: 'Hostname', hostname: 'a.example.com', uri: 'spiffe://a' }] }), expect: refusedAt(`${V}.subjectAltNames[0]`) },
  { name: 'BackendTLSPolicy: no targets', object: backendTlsPolicy({ targetRefs: [] }), expect: refusedAt('spec.targetRefs') },
  { name: 'BackendTLSPolicy: 17 targets', object: backendTlsPolicy({ targetRefs: times(17, (i) => ({ ...TARGET, name: `s${i}` })) }), expect: refusedAt('spec.targetRefs') },
  { name: 'BackendTLSPolicy: no hostname', object: backendTlsPolicy({}, { hostname: undefined }), expect: refusedAt(`${V}.hostname`) },
  { name: 'BackendTLSPolicy: hostname with upper case', object: backendTlsPolicy({}, { hostname: 'Echo.example.com' }), expect: refusedAt(`${V}.hostname`) },
  { name: 'BackendTLSPolicy: unknown well-known CAs', object: backendTlsPolicy({}, { wellKnownCACertificates: 'Mozilla' }), expect: refusedAt(`${V}.wellKnownCACertificates`) },
  { name: 'BackendTLSPolicy: unknown SAN type', object: backendTlsPolicy({}, { subjectAltNames: [{ type: 'IP' }] }), expect: refusedAt(`${V}.subjectAltNames[0].type`) },
  { name: 'BackendTLSPolicy: 6 SANs', object: backendTlsPolicy({}, { subjectAltNames: times(6, (i) => ({ type: 'Hostname', hostname: `h${i}.example.com` })) }), expect: refusedAt(`${V}.subjectAltNames`) },
  { name: 'BackendTLSPolicy: 9 CA refs', object: backendTlsPolicy({}, { wellKnownCACertificates: undefined, caCertificateRefs: times(9, (i) => ({ ...CA, name: `ca${i}` })) }), expect: refusedAt(`${V}.caCertificateRefs`) },
  { name: 'BackendTLSPolicy: target without kind', object: backendTlsPolicy({ targetRefs: [{ group: '', name: 'echo' }] }), expect: refusedAt('spec.targetRefs[0].kind') },
  { name: 'BackendTLSPolicy: no validation', object: { ...backendTlsPolicy({}), spec: { targetRefs: [TARGET] } }, expect: refusedAt(V) },
];
