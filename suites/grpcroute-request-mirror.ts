import { Feature } from '../harness/features/features.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import type { GrpcCall, GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { readEchoRequestLog } from './echo-request-log.ts';

const HOST = 'request-mirror.grpc.example';
const MISSING_HOST = 'request-mirror-missing.grpc.example';
const PRIMARY = 'grpc-infra-backend-v1';
const MIRROR = 'grpc-mirror-target';
type Share = 'full' | 'half' | 'none';
const SAMPLES: Readonly<Record<Share, number>> = { full: 6, half: 40, none: 10 };
// Binomial(40, 1/2) falls outside [7, 33] with probability < 1e-5; 0 (no mirroring) and 40 (fraction ignored) are far outside.
const HALF_BOUNDS = { min: 7, max: 33 };
const MAX_RESENDS = 3;

const call = (share: Share, requestId?: string): GrpcCall => ({
  service: ECHO_PLUS_SERVICE,
  method: 'Unary',
  authority: HOST,
  metadata: { 'x-mirror': share },
  ...(requestId ? { plus: { requestId } } : {}),
});
// The mirror's answer must never reach the client: every answer comes from the primary.
const PRIMARY_CASES: readonly GrpcCase[] = [
  ...(['full', 'half', 'none'] as const).map((share) => ({ name: `x-mirror ${share}: answered by the primary`, call: call(share), expect: { backend: PRIMARY, authority: HOST } })),
  { name: 'missing mirror backend: the mirror is dropped, the primary still answers', call: { ...call('full'), authority: MISSING_HOST }, expect: { backend: PRIMARY } },
];

/** The mirror target's request log disagrees with the route's mirror shares. */
class MirrorLogMismatchError extends Error {
  readonly code = 'GRPCCONF_MIRROR_LOG_MISMATCH';
  constructor(readonly observed: Record<string, unknown>) {
    super(`mirror target log does not match the mirror shares: ${JSON.stringify(observed)}`);
    this.name = 'MirrorLogMismatchError';
  }
}

export const grpcRouteRequestMirror = defineConformanceTest({
  name: 'GRPCRouteRequestMirror',
  description: 'RequestMirror copies 100 %, about 1/2 and 0 % of RPCs to one endpoint of the mirror backend (proved from its pod logs) while the primary answers; a missing mirror backend gives ResolvedRefs=False',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteRequestMirror],
  manifests: ['grpcroute-request-mirror.yaml'],
  specRefs: [57, 58, 59, 60],
  slow: true,
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: 'same-namespace', listeners: ['http'] }, routes: [{ name: 'request-mirror' }] });
    await t.step('request-mirror-missing: Accepted=True, ResolvedRefs=False BackendNotFound', () =>
      t.kube.routeMustHaveConditions({ name: 'request-mirror-missing' }, { name: 'same-namespace', sectionName: 'http' }, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', messageIncludes: ['grpc-mirror-missing'] },
      ]),
    );
    await t.grpc.expectCases(gw, PRIMARY_CASES);
    const mirrorLog = () => readEchoRequestLog(t.kube, t.namespaces.infra, MIRROR);
    const id = (share: string, i: number) => `${t.config.runId}-mirror-${share}-${i}`;

    const probes: string[] = [];
    await t.step('the mirror target is programmed: a 100 % copy shows up in its log', () =>
      t.grpc.converge('a probe RPC appears in the mirror log', async () => {
        probes.push(id('probe', probes.length));
        await t.grpc.send(gw, call('full', probes.at(-1)));
        const seen = (await mirrorLog()).filter((line) => probes.includes(line.requestId));
        if (seen.length === 0) throw new MirrorLogMismatchError({ probes, seen: 0 });
      }),
    );

    // Samples go out in order, 100 % markers last: once the markers are logged, the earlier copies are too.
    // A sample the primary did not answer OK is resent under a new id and left out of the counts (its
    // copy may or may not exist), within a small budget: one lost RPC after convergence is noise, not
    // a verdict. An answer from the mirror target is a verdict: the mirror's answer must never reach the client.
    const sent: Record<Share | 'marker', string[]> = { full: [], half: [], none: [], marker: [] };
    const resent: { requestId: string; code: number; pod: string }[] = [];
    await t.step(`send the samples; each is answered OK by the primary (at most ${MAX_RESENDS} resent)`, async () => {
      const plan: [Share | 'marker', Share, number][] = [['full', 'full', SAMPLES.full], ['half', 'half', SAMPLES.half], ['none', 'none', SAMPLES.none], ['marker', 'full', SAMPLES.full]];
      for (const [label, share, count] of plan) {
        for (let i = 0; i < count; i++) {
          for (let attempt = 0; ; attempt++) {
            const requestId = attempt === 0 ? id(label, i) : `${id(label, i)}-resend-${attempt}`;
            const result = await t.grpc.send(gw, call(share, requestId));
            const pod = result.responses[0]?.context.pod ?? '';
            if (pod.startsWith(MIRROR)) throw new MirrorLogMismatchError({ sample: requestId, answeredByMirror: pod });
            if (result.code === 0 && pod.startsWith(PRIMARY)) {
              sent[label].push(requestId);
              break;
            }
            resent.push({ requestId, code: result.code, pod });
            if (resent.length > MAX_RESENDS) throw new MirrorLogMismatchError({ notAnsweredByThePrimary: resent });
          }
        }
      }
      if (resent.length > 0) t.log(`resent ${resent.length} sample(s) the primary did not answer: ${JSON.stringify(resent)}`);
    });
    const counts = await t.step(`100 %: each copied once; 1/2: ${HALF_BOUNDS.min}..${HALF_BOUNDS.max} of ${SAMPLES.half}; 0 %: none`, () =>
      t.grpc.converge('the mirror log matches the shares', async () => {
        const log = await mirrorLog();
        const times = (requestId: string) => log.filter((line) => line.requestId === requestId).length;
        const always = [...sent.full, ...sent.marker];
        const observed = {
          copiesOf100: always.map(times),
          half: sent.half.filter((r) => times(r) > 0).length,
          halfMultiple: sent.half.filter((r) => times(r) > 1).length,
          none: sent.none.filter((r) => times(r) > 0).length,
        };
        const ok = observed.copiesOf100.every((n) => n === 1) && observed.halfMultiple === 0 && observed.none === 0 && observed.half >= HALF_BOUNDS.min && observed.half <= HALF_BOUNDS.max;
        if (!ok) throw new MirrorLogMismatchError(observed);
        return observed;
      }),
    );
    t.log(`mirror log: ${JSON.stringify(counts)}`);
  },
});
