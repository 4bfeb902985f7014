import type { DifferentialCase } from '../case.ts';
import { BACKEND_TLS_POLICY_CASES } from './backend-tls-policy.ts';
import { GATEWAY_CASES } from './gateway.ts';
import { GRPCROUTE_CASES } from './grpcroute.ts';
import { REFERENCE_GRANT_CASES } from './reference-grant.ts';

export const ALL_CASES: readonly DifferentialCase[] = [...GRPCROUTE_CASES, ...GATEWAY_CASES, ...REFERENCE_GRANT_CASES, ...BACKEND_TLS_POLICY_CASES];
