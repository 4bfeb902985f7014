import type { GrpcCase } from '../harness/grpc/types.ts';
import type { GatewayAddress } from '../harness/kube/types.ts';
import type { TestContext } from '../harness/runner/context.ts';

/** Status showed none of the allowed readings yet, or switched between them: the streak starts again. */
class ReadingNotSettledError extends Error {
  readonly code = 'GRPCCONF_READING_NOT_SETTLED';
  constructor(message: string) {
    super(message);
    this.name = 'ReadingNotSettledError';
  }
}

/**
 * Where the spec allows more than one outcome (a MAY, or a choice it leaves to the implementation):
 * every attempt reads status, names the reading it shows (undefined: none yet), and checks traffic
 * against that same reading's case. N consecutive attempts agreeing on one reading pass; a gateway
 * whose status says one thing and whose traffic does another never does. Resolves with the reading.
 */
export async function convergeOnOneReading<R extends string>(
  t: TestContext,
  what: string,
  gw: GatewayAddress,
  read: () => Promise<R | undefined>,
  cases: Readonly<Record<R, GrpcCase>>,
): Promise<R> {
  let previous: R | undefined;
  const reading = await t.step(what, () =>
    t.grpc.converge(what, async () => {
      const now = await read();
      if (now === undefined) throw new ReadingNotSettledError(`status shows none of: ${Object.keys(cases).join(', ')}`);
      const changed = previous !== undefined && previous !== now;
      previous = now;
      if (changed) throw new ReadingNotSettledError(`status switched reading to ${now}`);
      await t.grpc.expectOnce(gw, cases[now]);
      return now;
    }),
  );
  t.log(`${what}: ${reading}`);
  return reading;
}
