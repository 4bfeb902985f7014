import { Feature } from '../harness/features/features.ts';
import type { GrpcCall, GrpcExpectation } from '../harness/grpc/types.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const GATEWAY = { name: 'grpcroute-listener-http2' };
const BACKEND = 'grpc-infra-backend-v2';

interface ListenerCondition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly observedGeneration?: number;
}

type AcceptedVerdict = 'accepted' | 'unsupported' | undefined;

// Settled means: an Accepted condition for the current generation that is True, or False for UnsupportedProtocol.
const acceptedVerdict = (gateway: KubeObject, listener: string): AcceptedVerdict => {
  const listeners = (gateway.status as { listeners?: { name: string; conditions?: ListenerCondition[] }[] } | undefined)?.listeners ?? [];
  const accepted = listeners.find((l) => l.name === listener)?.conditions?.find((c) => c.type === 'Accepted');
  if (!accepted || accepted.observedGeneration !== gateway.metadata.generation) return undefined;
  if (accepted.status === 'True') return 'accepted';
  return accepted.status === 'False' && accepted.reason === 'UnsupportedProtocol' ? 'unsupported' : undefined;
};

export const grpcRouteListenerHttp2Support = defineConformanceTest({
  name: 'GRPCRouteListenerHTTP2Support',
  description:
    'An HTTP listener that is Accepted must serve gRPC over h2c with prior knowledge, an HTTPS one over ALPN h2; ' +
    'a listener that cannot must be Accepted=False UnsupportedProtocol and serve nothing. Accepting a listener it cannot serve gRPC on fails',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-listener-http2-support.yaml'],
  specRefs: [2, 4],
  async run(t) {
    const ca = t.kube.certificates.caPem;
    const listeners: { name: string; listener: string; call: GrpcCall; served: GrpcExpectation }[] = [
      {
        name: 'HTTP listener h2c: accepted and serving over h2c prior knowledge, or UnsupportedProtocol and silent',
        listener: 'h2c',
        call: { method: 'Echo', authority: 'h2c.listener-http2.example' },
        served: { backend: BACKEND, authority: 'h2c.listener-http2.example' },
      },
      {
        name: 'HTTPS listener h2: accepted and serving over ALPN h2, or UnsupportedProtocol and silent',
        listener: 'h2',
        call: { method: 'Echo', authority: 'h2-listener-http2.example.com', tls: { serverName: 'h2-listener-http2.example.com', ca } },
        served: { backend: BACKEND, authority: 'h2-listener-http2.example.com', alpn: 'h2' },
      },
    ];
    await t.cases(listeners, async (c) => {
      const gateway = await t.kube.objectMustSatisfy({ kind: 'Gateway', ...GATEWAY }, `listener ${c.listener} has a settled Accepted condition`, (g) =>
        acceptedVerdict(g, c.listener) !== undefined,
      );
      const verdict = acceptedVerdict(gateway, c.listener);
      t.log(`listener ${c.listener}: ${verdict}`);
      const gw = await t.kube.gatewayAddress(GATEWAY, c.listener);
      const expect: GrpcExpectation = verdict === 'accepted' ? c.served : { anyError: true, allowNoAnswer: true };
      await t.grpc.expectEventually(gw, { name: c.name, call: c.call, expect });
    });
  },
});
