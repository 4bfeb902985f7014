import { accepted, type DifferentialCase } from '../case.ts';
import { BACKEND, backendFilters, grpcFilters, grpcMatches, grpcRoute, grpcRule, PARENT, times } from './objects.ts';

const MIRROR = { backendRef: { name: 'mirror', port: 8080 } };

// Valid twins of the refused cases: each sits on the accepting side of a limit or rule.
export const GRPCROUTE_BOUNDARY_CASES: DifferentialCase[] = [
  { name: 'GRPCRoute: 64 matches in a rule', object: grpcMatches(times(64, () => ({}))), expect: accepted },
  { name: 'GRPCRoute: 16 backends', object: grpcRule({ backendRefs: times(16, (i) => ({ name: `b${i}`, port: 8080 })) }), expect: accepted },
  { name: 'GRPCRoute: 16 filters in a rule', object: grpcFilters(times(16, () => ({ type: 'ExtensionRef', extensionRef: { group: 'example.com', kind: 'Thing', name: 'x' } }))), expect: accepted },
  { name: 'GRPCRoute: 16 headers set', object: grpcFilters([{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: times(16, (i) => ({ name: `x-${i}`, value: 'v' })) } }]), expect: accepted },
  { name: 'GRPCRoute: 16 headers removed', object: grpcFilters([{ type: 'RequestHeaderModifier', requestHeaderModifier: { remove: times(16, (i) => `x-${i}`) } }]), expect: accepted },
  { name: 'GRPCRoute: service of 1024 characters', object: grpcMatches([{ method: { type: 'RegularExpression', service: 'a'.repeat(1024) } }]), expect: accepted },
  { name: 'GRPCRoute: backend weight of a million', object: grpcRule({ backendRefs: [{ ...BACKEND, weight: 1000000 }] }), expect: accepted },
  { name: 'GRPCRoute: backend port 65535', object: grpcRule({ backendRefs: [{ name: 'echo', port: 65535 }] }), expect: accepted },
  { name: 'GRPCRoute: parent port 1', object: grpcRoute({ parentRefs: [{ ...PARENT, port: 1 }] }), expect: accepted },
  { name: 'GRPCRoute: mirror percent 100', object: grpcFilters([{ type: 'RequestMirror', requestMirror: { ...MIRROR, percent: 100 } }]), expect: accepted },
  { name: 'GRPCRoute: mirror percent 0', object: grpcFilters([{ type: 'RequestMirror', requestMirror: { ...MIRROR, percent: 0 } }]), expect: accepted },
  { name: 'GRPCRoute: mirror fraction of one', object: grpcFilters([{ type: 'RequestMirror', requestMirror: { ...MIRROR, fraction: { numerator: 4, denominator: 4 } } }]), expect: accepted },
  { name: 'GRPCRoute: mirror fraction with default denominator', object: grpcFilters([{ type: 'RequestMirror', requestMirror: { ...MIRROR, fraction: { numerator: 100 } } }]), expect: accepted },
  { name: 'GRPCRoute: mirror to a non-Service without port', object: grpcFilters([{ type: 'RequestMirror', requestMirror: { backendRef: { group: 'example.com', kind: 'Thing', name: 'x' } } }]), expect: accepted },
  { name: 'GRPCRoute: backend filter mirror with fraction', object: backendFilters([{ type: 'RequestMirror', requestMirror: { ...MIRROR, fraction: { numerator: 0, denominator: 1 } } }]), expect: accepted },
  { name: 'GRPCRoute: hostname of 253', object: grpcRoute({ hostnames: [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`] }), expect: accepted },
  { name: 'standard GRPCRoute: two spaces in a header value', object: grpcFilters([{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'x', value: 'a b  c' }] } }]), channels: ['standard'], expect: accepted },
  { name: 'GRPCRoute: header name with symbols', object: grpcMatches([{ headers: [{ name: "x-a!#$%&'*+.^_`|~", value: 'v' }] }]), expect: accepted },
  { name: 'GRPCRoute: parents differing only in kind', object: grpcRoute({ parentRefs: [PARENT, { ...PARENT, kind: 'ListenerSet' }] }), expect: accepted },
  { name: 'GRPCRoute: parent with empty section and one without', object: grpcRoute({ parentRefs: [{ ...PARENT, name: 'a', sectionName: 'x' }, { ...PARENT, name: 'b' }] }), expect: accepted },
  { name: 'GRPCRoute: underscore service and method', object: grpcMatches([{ method: { service: '_a._b', method: '_C9' } }]), expect: accepted },
  { name: 'GRPCRoute: upper-case service', object: grpcMatches([{ method: { service: 'COM.Example.Svc' } }]), expect: accepted },
  { name: 'GRPCRoute: backend in group with explicit Service kind and port', object: grpcRule({ backendRefs: [{ group: '', kind: 'Service', name: 'echo', port: 80 }] }), expect: accepted },
  { name: 'GRPCRoute: empty rule list entry', object: grpcRoute({ rules: [{}] }), expect: accepted },
];
