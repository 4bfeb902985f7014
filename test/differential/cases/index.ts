import type { DifferentialCase } from '../case.ts';
import { BACKEND_TLS_POLICY_CASES } from './backend-tls-policy.ts';
import { EXPERIMENTAL_CASES } from './experimental.ts';
import { GATEWAY_BOUNDARY_CASES } from './gateway-boundaries.ts';
import { GATEWAY_CASES } from './gateway.ts';
import { GRPCROUTE_BOUNDARY_CASES } from './grpcroute-boundaries.ts';
import { GRPCROUTE_CASES } from './grpcroute.ts';
import { LISTENER_SET_BOUNDARY_CASES } from './listener-set-boundaries.ts';
import { LISTENER_SET_CASES } from './listener-set.ts';
import { REFERENCE_GRANT_BOUNDARY_CASES } from './reference-grant-boundaries.ts';
import { REFERENCE_GRANT_CASES } from './reference-grant.ts';

export const ALL_CASES: readonly DifferentialCase[] = [
  ...GRPCROUTE_CASES,
  ...GRPCROUTE_BOUNDARY_CASES,
  ...GATEWAY_CASES,
  ...GATEWAY_BOUNDARY_CASES,
  ...LISTENER_SET_CASES,
  ...LISTENER_SET_BOUNDARY_CASES,
  ...REFERENCE_GRANT_CASES,
  ...REFERENCE_GRANT_BOUNDARY_CASES,
  ...BACKEND_TLS_POLICY_CASES,
  ...EXPERIMENTAL_CASES,
];
