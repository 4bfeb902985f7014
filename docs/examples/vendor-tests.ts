// A gateway's own conformance test, written against the same test context as ours. It lives in a
// module of its own because the suite's worker process imports it again (docs/library.md).
import { defineConformanceTest, Feature, type ConformanceTest } from 'grpcroute-conformance';

const HOST = 'vendor.grpc.example';

export const vendorEchoRoute = defineConformanceTest({
  name: 'VendorEchoRoute',
  description: 'A GRPCRoute with no matches sends every method of its hostname to one backend',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: [],
  specRefs: [],
  async run(t) {
    await t.kube.apply([
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'GRPCRoute',
        metadata: { name: 'vendor-echo', namespace: t.namespaces.infra },
        spec: {
          parentRefs: [{ name: 'same-namespace', sectionName: 'http' }],
          hostnames: [HOST],
          rules: [{ backendRefs: [{ name: 'grpc-infra-backend-v3', port: 8080 }] }],
        },
      },
    ]);
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'vendor-echo' }],
    });
    await t.grpc.expectCases(gw, [
      { name: 'Echo goes to grpc-infra-backend-v3', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v3' } },
      { name: 'EchoTwo goes there too', call: { method: 'EchoTwo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v3' } },
    ]);
  },
});

/** What `testModules` reads: the module's `tests` export. */
export const tests: readonly ConformanceTest[] = [vendorEchoRoute];
