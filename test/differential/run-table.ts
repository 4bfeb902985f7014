import type { KubeRestClient } from '../../kube-rest/rest-client.ts';
import type { DifferentialCase } from './case.ts';
import { runCase, type Observed } from './verdict.ts';

const NAMESPACE = 'default';
// Enough requests in flight to hide round trips, few enough not to queue inside either server.
const CONCURRENCY = 16;

/** Every case against one server, `concurrency` at a time; results in case order. */
export async function runTable(client: KubeRestClient, cases: readonly DifferentialCase[]): Promise<Observed[]> {
  const results: Observed[] = new Array<Observed>(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await runCase(client, cases[i]!, `case-${i}`, NAMESPACE);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}
