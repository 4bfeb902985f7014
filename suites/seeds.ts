import { grpcRouteSeedCanaryHeaderRouting } from './grpcroute-seed-canary-header-routing.ts';
import { grpcRouteSeedHttpsListener } from './grpcroute-seed-https-listener.ts';
import { grpcRouteSeedReflection } from './grpcroute-seed-reflection.ts';
import { grpcRouteSeedRequestHeaderFilter } from './grpcroute-seed-request-header-filter.ts';
import { grpcRouteSeedWeightedSplit } from './grpcroute-seed-weighted-split.ts';

/** Scenarios of the GRPCRoute guide pages (the seeds), each run as a test. */
export const seedTests = [
  grpcRouteSeedCanaryHeaderRouting,
  grpcRouteSeedReflection,
  grpcRouteSeedHttpsListener,
  grpcRouteSeedWeightedSplit,
  grpcRouteSeedRequestHeaderFilter,
];
