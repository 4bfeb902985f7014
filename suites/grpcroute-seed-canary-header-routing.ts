import { Feature } from '../harness/features/features.ts';
import type { GrpcCall, GrpcCase, TlsOptions } from '../harness/grpc/types.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'example-gateway' };
const FOO = 'foo.example.com';
const BAR = 'bar.example.com';

/** Seed text: Login on foo.example.com goes to foo-svc; bar.example.com goes to bar-svc-canary with env: canary, else bar-svc. */
const cases = (tls: (host: string) => TlsOptions): GrpcCase[] => {
  const call = (authority: string, rest: Omit<GrpcCall, 'authority' | 'tls'>): GrpcCall => ({ authority, tls: tls(authority), ...rest });
  const atBar = (backend: string, requestHeaders: Record<string, string> = {}) => ({ backend, authority: BAR, requestHeaders });
  return [
    { name: 'bar.example.com with env: canary goes to bar-svc-canary', call: call(BAR, { method: 'Echo', metadata: { env: 'canary' } }), expect: atBar('grpc-infra-backend-v3', { env: 'canary' }) },
    { name: 'bar.example.com without env goes to bar-svc', call: call(BAR, { method: 'Echo' }), expect: atBar('grpc-infra-backend-v2') },
    { name: 'bar.example.com with env: production goes to bar-svc', call: call(BAR, { method: 'EchoTwo', metadata: { env: 'production' } }), expect: atBar('grpc-infra-backend-v2', { env: 'production' }) },
    { name: 'bar.example.com routes every service: EchoPlus/Unary with env: canary', call: call(BAR, { service: ECHO_PLUS_SERVICE, method: 'Unary', metadata: { env: 'canary' } }), expect: atBar('grpc-infra-backend-v3') },
    // foo-svc implements Echo, so UNIMPLEMENTED proves the gateway, not foo-svc, refused it.
    { name: 'foo.example.com routes only Login: Echo is UNIMPLEMENTED from the gateway', call: call(FOO, { method: 'Echo' }), expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } },
  ];
};

interface LoggedRequest {
  readonly method?: string;
  readonly authority?: string;
  readonly headers?: Readonly<Record<string, readonly string[]>>;
}

// A header of our own, not x-request-id: common proxies (Envoy) regenerate x-request-id on external
// requests, while application metadata reaches the backend unchanged. Login is no EchoPlus method, so
// the id cannot travel in the message body.
const PROBE_HEADER = 'x-grpcroute-conformance-probe';

const parse = (line: string): LoggedRequest | undefined => {
  try {
    return JSON.parse(line) as LoggedRequest;
  } catch {
    return undefined;
  }
};

export const grpcRouteSeedCanaryHeaderRouting = defineConformanceTest({
  name: 'GRPCRouteSeedCanaryHeaderRouting',
  description: 'Guide scenario: foo-route sends com.example.User/Login to foo-svc; bar-route sends env: canary to bar-svc-canary, the rest to bar-svc',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-seed-canary-header-routing.yaml'],
  specRefs: [1, 28, 42, 93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: GATEWAY, routes: [{ name: 'foo-route' }, { name: 'bar-route' }] });
    await t.step('listener grpc counts both routes', () => t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'grpc', 2));
    const tls = (serverName: string): TlsOptions => ({ serverName, ca: t.kube.certificates.caPem });
    // foo-svc does not implement com.example.User: its x-echo-pod stamp shows who refused, its request log what arrived.
    const probe = `${t.config.runId}-seed-login`;
    const login: GrpcCase = {
      name: 'foo.example.com Login is forwarded to foo-svc, which answers UNIMPLEMENTED',
      call: { service: 'com.example.User', method: 'Login', authority: FOO, tls: tls(FOO), metadata: { [PROBE_HEADER]: probe } },
      expect: { code: Code.UNIMPLEMENTED, answeredBy: 'backend', backend: 'grpc-infra-backend-v1' },
    };
    await t.grpc.expectCases(gw, [...cases(tls), login]);
    await t.step('a foo-svc pod logged the Login RPC', () =>
      t.grpc.converge('foo-svc request log shows /com.example.User/Login', async () => {
        const pods = await t.kube.listPods(t.namespaces.infra, 'app=grpc-infra-backend-v1');
        const logs = await Promise.all(pods.map((pod) => t.kube.podLogs({ name: pod.metadata.name, namespace: t.namespaces.infra })));
        const hit = logs
          .flat()
          .map(parse)
          .find((l) => l?.headers?.[PROBE_HEADER]?.includes(probe) && l.method === '/com.example.User/Login' && l.authority === FOO);
        if (!hit) throw new Error(`no foo-svc pod (${pods.map((p) => p.metadata.name).join(', ')}) logged a request with ${PROBE_HEADER}: ${probe}`);
        return hit;
      }),
    );
  },
});
