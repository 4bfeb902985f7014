import { Feature } from '../harness/features/features.ts';
import type { GrpcResult } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'backend-filters.grpc.example';
const BACKENDS = ['grpc-infra-backend-v1', 'grpc-infra-backend-v2'] as const;
const MARKER = { 'grpc-infra-backend-v1': 'x-filtered-for-v1', 'grpc-infra-backend-v2': 'x-filtered-for-v2' } as const;
const BATCH = 10;

/** An answer whose pod and received headers disagree about which backend's filter ran. */
class BackendFilterMismatchError extends Error {
  readonly code = 'GRPCCONF_BACKEND_FILTER_MISMATCH';
  constructor(readonly observed: unknown) {
    super(`backend-level filter did not match the chosen backend: ${JSON.stringify(observed)}`);
    this.name = 'BackendFilterMismatchError';
  }
}

/** The backend that answered, after checking that exactly its own filter ran. */
function chosenBackend(result: GrpcResult): string {
  const echo = result.responses[0];
  const backend = BACKENDS.find((name) => echo?.context.pod.startsWith(`${name}-`));
  const received = (key: string) => (echo?.headers ?? []).filter((h) => h.key === key).map((h) => h.value);
  const observed = { code: result.code, pod: echo?.context.pod, 'x-backend-filter': received('x-backend-filter'), v1: received(MARKER[BACKENDS[0]]), v2: received(MARKER[BACKENDS[1]]) };
  if (result.code !== 0 || !backend) throw new BackendFilterMismatchError(observed);
  const other = BACKENDS.find((name) => name !== backend)!;
  const consistent = observed['x-backend-filter'].join() === backend && received(MARKER[backend]).join() === 'true' && received(MARKER[other]).length === 0;
  if (!consistent) throw new BackendFilterMismatchError(observed);
  return backend;
}

export const grpcRouteBackendFilters = defineConformanceTest({
  name: 'GRPCRouteBackendFilters',
  description: 'Filters on a backendRef run if and only if that backend is chosen: every answer\'s pod and the headers it received agree',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteBackendFilters],
  manifests: ['grpcroute-backend-filters.yaml'],
  specRefs: [53],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'backend-filters' }],
    });
    const seen = new Set<string>();
    await t.step(`batches of ${BATCH}: each answer carries only its own backend's filter, and both backends answer`, () =>
      t.grpc.converge('backend filters follow the chosen backend', async () => {
        const batch = await Promise.all(Array.from({ length: BATCH }, () => t.grpc.send(gw, { method: 'Echo', authority: HOST })));
        batch.map(chosenBackend).forEach((backend) => seen.add(backend));
        if (seen.size < BACKENDS.length) throw new BackendFilterMismatchError({ seen: [...seen], want: BACKENDS });
        return [...seen];
      }),
    );
  },
});
