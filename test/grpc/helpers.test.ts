import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseName } from '../../harness/grpc/case-name.ts';
import { CaseFailuresError } from '../../harness/grpc/errors.ts';
import { createGrpcHelpers } from '../../harness/grpc/helpers.ts';
import type { CaseResult } from '../../harness/runner/results.ts';
import { NAMESPACE, POD, TEST_TIMEOUTS, startBackend } from './support/echo-backend.ts';

describe('createGrpcHelpers', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  const recorded: CaseResult[] = [];
  const grpc = createGrpcHelpers({ timeouts: TEST_TIMEOUTS, infraNamespace: NAMESPACE, recordCase: (c) => recorded.push(c) });
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(async () => backend.server.stop());

  it('expectEventually returns the last good result after N consecutive matches', async () => {
    const result = await grpc.expectEventually(backend.gw, { call: { method: 'Echo', metadata: { color: 'blue' } }, expect: { backend: 'grpc-infra-backend-v1', requestHeaders: { color: 'blue' } } });
    expect(result.responses[0]?.context.pod).toBe(POD);
  });

  it('expectEventually fails with expected vs last observed: code, details, pod, authority, headers', async () => {
    const error = await grpc
      .expectEventually(backend.gw, { call: { method: 'Echo', authority: 'bar.com', metadata: { color: 'blue' } }, expect: { backend: 'grpc-infra-backend-v2', authority: 'foo.com' } })
      .then(
        () => expect.unreachable('must not converge'),
        (e: unknown) => e as Error & { code: string; lastObserved: unknown },
      );
    expect(error.code).toBe('GRPCCONF_CONVERGENCE_TIMEOUT');
    expect(error.message).toContain('backend: expected "pod name starting with grpc-infra-backend-v2", observed "grpc-infra-backend-v1-7d9c-abcde"');
    expect(error.message).toContain('authority: expected "foo.com", observed "bar.com"');
    expect(error.message).toContain('"code":"0 (Ok)"');
    expect(error.message).toContain('"details":""');
    expect(error.message).toContain(`backend pod ${POD}`);
    expect(error.message).toContain('"color":["blue"]');
    expect(error.lastObserved).toMatchObject({ code: 0 });
  });

  it('expectCases runs a table concurrently, records each case, and fails after all settle', async () => {
    recorded.length = 0;
    const started = performance.now();
    const failure = await grpc
      .expectCases(backend.gw, [
        { call: { method: 'Echo', authority: 'bar.com', metadata: { color: 'blue' } }, expect: { backend: 'grpc-infra-backend-v1' } },
        { call: { method: 'EchoThree' }, expect: { code: 12 } },
        { name: 'deliberately wrong', call: { method: 'EchoTwo' }, expect: { backend: 'grpc-infra-backend-v3' } },
      ])
      .catch((e: unknown) => e);
    // The failing case takes the whole (short) convergence deadline; the others must not wait for it.
    expect(performance.now() - started).toBeLessThan(TEST_TIMEOUTS.maxTimeToConsistency * 3);
    expect(failure).toBeInstanceOf(CaseFailuresError);
    expect((failure as Error).message).toMatch(/^1 of 3 cases failed: deliberately wrong/);
    const byName = Object.fromEntries(recorded.map((c) => [c.name, c]));
    expect(Object.keys(byName)).toEqual(
      expect.arrayContaining([
        "0 request to 'bar.com/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo' with headers '{color:blue}' should go to grpc-infra-backend-v1",
        "1 request to '/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoThree' should receive a Unimplemented (12)",
        'deliberately wrong',
      ]),
    );
    // Cases finish in any order; pick the routed one by name.
    const passed = byName["0 request to 'bar.com/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo' with headers '{color:blue}' should go to grpc-infra-backend-v1"];
    expect(passed).toMatchObject({ attempts: 3, expected: { expect: { backend: 'grpc-infra-backend-v1' } } });
    expect(passed?.convergedAfterMs).toBeGreaterThanOrEqual(0);
    expect(byName['deliberately wrong']).toMatchObject({ outcome: 'failed', observed: { code: '0 (Ok)' } });
    expect(byName['deliberately wrong']?.error).toContain('grpc-infra-backend-v3');
  });

  it('converge passes through values and honours options', async () => {
    let calls = 0;
    const value = await grpc.converge('counter', async () => ++calls, { successes: 2 });
    expect(value).toBe(2);
  });
});

describe('caseName', () => {
  it('names error cases by code and multi-value headers in sorted key order', () => {
    expect(caseName({ call: { method: 'Echo', metadata: { version: 'two', Color: ['a', 'b'] } }, expect: { codeOneOf: [12, 14] } }, 4)).toBe(
      "4 request to '/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo' with headers '{Color:a|b,version:two}' should receive one of Unimplemented (12), Unavailable (14)",
    );
    expect(caseName({ call: { method: 'Echo' }, expect: { anyError: true } }, 0)).toMatch(/should fail$/);
    expect(caseName({ call: { method: 'Echo' }, expect: { code: 4 } }, 0)).toMatch(/should receive a DeadlineExceeded \(4\)$/);
  });
});
