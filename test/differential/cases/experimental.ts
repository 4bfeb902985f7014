import { accepted, refusedAt, type DifferentialCase } from '../case.ts';
import { grpcFilters, grpcRoute, grpcRule } from './objects.ts';

const R = 'spec.rules[0]';
const EXPERIMENTAL = ['experimental'] as const;
const STANDARD = ['standard'] as const;

function sessionRoute(sessionPersistence: Record<string, unknown>): DifferentialCase['object'] {
  return grpcRule({ sessionPersistence });
}

// Fields and rules only the experimental CRDs have; on the standard channel the same objects are
// accepted because the unknown fields are pruned.
export const EXPERIMENTAL_CASES: DifferentialCase[] = [
  { name: 'experimental GRPCRoute: rule names repeated', object: grpcRoute({ rules: [{ name: 'a' }, { name: 'a' }] }), channels: EXPERIMENTAL, expect: refusedAt('spec.rules') },
  { name: 'standard GRPCRoute before v1.7: rule names repeated', object: grpcRoute({ rules: [{ name: 'a' }, { name: 'a' }] }), channels: STANDARD, releases: ['v1.6.1'], expect: accepted },
  // v1.7.0 moved the uniqueness rule to the standard CRD.
  { name: 'standard GRPCRoute from v1.7: rule names repeated', object: grpcRoute({ rules: [{ name: 'a' }, { name: 'a' }, {}] }), channels: STANDARD, releases: ['v1.7.0'], expect: refusedAt('spec.rules') },
  { name: 'GRPCRoute: distinct rule names', object: grpcRoute({ rules: [{ name: 'a' }, { name: 'b' }, {}] }), expect: accepted },
  { name: 'experimental GRPCRoute: cookie session', object: sessionRoute({ sessionName: 's', type: 'Cookie', absoluteTimeout: '1h30m', cookieConfig: { lifetimeType: 'Permanent' } }), channels: EXPERIMENTAL, expect: accepted },
  { name: 'experimental GRPCRoute: header session', object: sessionRoute({ type: 'Header', sessionName: 'x-session' }), channels: EXPERIMENTAL, expect: accepted },
  { name: 'experimental GRPCRoute: default session', object: sessionRoute({}), channels: EXPERIMENTAL, expect: accepted },
  { name: 'experimental GRPCRoute: permanent cookie without timeout', object: sessionRoute({ cookieConfig: { lifetimeType: 'Permanent' } }), channels: EXPERIMENTAL, expect: refusedAt(`${R}.sessionPersistence`) },
  { name: 'standard GRPCRoute: permanent cookie without timeout', object: sessionRoute({ cookieConfig: { lifetimeType: 'Permanent' } }), channels: STANDARD, expect: accepted },
  { name: 'experimental GRPCRoute: cookie config on a header session', object: sessionRoute({ type: 'Header', cookieConfig: {} }), channels: EXPERIMENTAL, expect: refusedAt(`${R}.sessionPersistence`) },
  { name: 'experimental GRPCRoute: unknown session type', object: sessionRoute({ type: 'Query' }), channels: EXPERIMENTAL, expect: refusedAt(`${R}.sessionPersistence.type`) },
  { name: 'experimental GRPCRoute: session timeout in days', object: sessionRoute({ absoluteTimeout: '1d' }), channels: EXPERIMENTAL, expect: refusedAt(`${R}.sessionPersistence.absoluteTimeout`) },
  { name: 'experimental GRPCRoute: session name over 128', object: sessionRoute({ sessionName: 's'.repeat(129) }), channels: EXPERIMENTAL, expect: refusedAt(`${R}.sessionPersistence.sessionName`) },
  { name: 'experimental GRPCRoute: two spaces in a header value', object: grpcFilters([{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'x', value: 'a  b' }] } }]), channels: EXPERIMENTAL, expect: refusedAt(`${R}.filters[0].responseHeaderModifier.set[0].value`) },
  { name: 'GRPCRoute: single spaces in a header value', object: grpcFilters([{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'x', value: 'a b c' }] } }]), expect: accepted },
];
