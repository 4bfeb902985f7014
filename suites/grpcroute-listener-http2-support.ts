import { Feature } from '../harness/features/features.ts';
import type { GrpcCall, GrpcExpectation } from '../harness/grpc/types.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { convergeOnOneReading } from './one-allowed-reading.ts';

const GATEWAY = { name: 'grpcroute-listener-http2' };
const BACKEND = 'grpc-infra-backend-v2';

interface ListenerCondition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly observedGeneration?: number;
}

type AcceptedVerdict = 'accepted' | 'unsupported';

// Settled means: an Accepted condition for the current generation that is True, or False for UnsupportedProtocol.
const acceptedVerdict = (gateway: KubeObject, listener: string): AcceptedVerdict | undefined => {
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
    // The verdict is read on every attempt with the traffic that must agree with it, so a listener
    // whose Accepted flips, or whose status says one thing and whose traffic another, never passes.
    await t.cases(listeners, async (c) => {
      const gw = await t.kube.gatewayAddress(GATEWAY, c.listener);
      await convergeOnOneReading(t, `listener ${c.listener}: status and traffic agree`, gw, async () => {
        const gateway = await t.kube.get({ kind: 'Gateway', ...GATEWAY });
        return gateway ? acceptedVerdict(gateway, c.listener) : undefined;
      }, {
        accepted: { name: c.name, call: c.call, expect: c.served },
        unsupported: { name: c.name, call: c.call, expect: { anyError: true, allowNoAnswer: true } },
      });
    });
  },
});
