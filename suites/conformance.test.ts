// The thin adapter: each conformance test object becomes one Vitest test; the harness gates and records.
import { collectDiagnostics } from '../harness/kube/diagnostics.ts';
import { createKubeHelpers } from '../harness/kube/helpers.ts';
import { createGrpcHelpers } from '../harness/grpc/helpers.ts';
import { failOnTestBackendPods } from '../harness/kube/test-backend-pods.ts';
import { registerConformanceTests } from '../harness/runner/register-tests.ts';
import { workerTests } from '../harness/runner/worker-tests.ts';
import { CONFORMANCE_TESTS } from './index.ts';

registerConformanceTests(await workerTests(CONFORMANCE_TESTS), { createKubeHelpers, createGrpcHelpers, collectDiagnostics, failOnBackendPods: failOnTestBackendPods });
