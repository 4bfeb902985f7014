import { defineTestList } from '../harness/runner/test-registry.ts';
import { backendsFiltersTransportTests } from './backends-filters-transport.ts';
import { matchingAndAttachmentTests } from './matching-and-attachment.ts';
import { seedTests } from './seeds.ts';
import { upstreamGatewayTests } from './upstream-gateway.ts';
import { upstreamParityTests } from './upstream-parity.ts';

/**
 * Every conformance test, explicitly listed (each group file imports its tests one by one);
 * order is the order of registration and of reports. Duplicate names are refused at load.
 */
export const CONFORMANCE_TESTS = defineTestList([
  ...upstreamParityTests,
  ...upstreamGatewayTests,
  ...matchingAndAttachmentTests,
  ...backendsFiltersTransportTests,
  ...seedTests,
]);
