import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import type { ObservedCondition } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { convergeOnOneReading } from './one-allowed-reading.ts';

const GATEWAY = { name: 'grpcroute-listener-conflicts' };
const CLEAN_HOST = 'clean.listener-conflicts.example';
const HTTP_HOST = 'http.listener-conflicts.example';
const HTTPS_HOST = 'https-listener-conflicts.example.com';

type Reading = 'conflicted' | 'distinct';

// Listeners are distinct when "the implementation can match inbound requests to a single distinct
// Listener" (#126): a gateway that tells TLS from cleartext on one port may serve both; one that
// cannot marks them Conflicted and serves neither. Each reading is checked whole.
function readingOf(http: readonly ObservedCondition[] | undefined, https: readonly ObservedCondition[] | undefined): Reading | undefined {
  if (!http || !https) return undefined;
  const conflicted = (conditions: readonly ObservedCondition[]): boolean => conditions.some((c) => c.type === 'Conflicted' && c.status === 'True');
  if (conflicted(http) && conflicted(https)) return 'conflicted';
  return !conflicted(http) && !conflicted(https) ? 'distinct' : undefined;
}

export const grpcRouteListenerConflicts = defineConformanceTest({
  name: 'GRPCRouteListenerConflicts',
  description:
    'An HTTP and an HTTPS listener on one port: either both are Conflicted=True and neither serves its route, or they are distinct and both serve; ' +
    'a listener on another port of the same Gateway serves either way',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-listener-conflicts.yaml'],
  specRefs: [126],
  async run(t) {
    const clean = await t.kube.gatewayAddress(GATEWAY, 'clean');
    const httpPort = await t.kube.gatewayAddress(GATEWAY, 'conflict-http');
    const httpsPort = await t.kube.gatewayAddress(GATEWAY, 'conflict-https');
    // The clean listener serving first shows the data plane has this Gateway; only then is a failure on port 443 meaningful.
    await t.grpc.expectEventually(clean, {
      name: 'the clean listener serves its route',
      call: { method: 'Echo', authority: CLEAN_HOST },
      expect: { backend: 'grpc-infra-backend-v1', authority: CLEAN_HOST },
    });
    const ca = t.kube.certificates.caPem;
    const http = { method: 'Echo', authority: HTTP_HOST };
    const https = { method: 'Echo', authority: HTTPS_HOST, tls: { serverName: HTTPS_HOST, ca } };
    const read = async (): Promise<Reading | undefined> =>
      readingOf(await t.kube.readListenerConditions(GATEWAY, 'conflict-http'), await t.kube.readListenerConditions(GATEWAY, 'conflict-https'));
    // A refused connection is what "not served" looks like, so these cases accept no answer at all.
    const notServed = (name: string, call: GrpcCase['call']): GrpcCase => ({ name, call, expect: { anyError: true, allowNoAnswer: true } });
    const served = (name: string, call: GrpcCase['call']): GrpcCase => ({ name, call, expect: { backend: 'grpc-infra-backend-v1', authority: call.authority } });
    let first: Reading | undefined;
    for (const [listener, gw, call] of [['conflict-http', httpPort, http], ['conflict-https', httpsPort, https]] as const) {
      // The second listener must show the reading the first one settled on: one gateway, one reading.
      const sameReading = async (): Promise<Reading | undefined> => {
        const now = await read();
        return first === undefined || now === first ? now : undefined;
      };
      first = await convergeOnOneReading(t, `${listener}: status and traffic agree on one reading`, gw, sameReading, {
        conflicted: notServed(`${listener} is Conflicted and does not serve its route`, call),
        distinct: served(`${listener} is distinct and serves its route`, call),
      });
    }
  },
});
