import type { FeatureName } from '../features/features.ts';
import type { TestContext } from './context.ts';

/** One conformance test: plain data plus one function. The runner decides skips; the body never does. */
export interface ConformanceTest {
  /** Stable forever: it is the report key. Upstream names are kept where upstream has the test. */
  readonly name: string;
  readonly description: string;
  /** Every feature the test needs; it is skipped as not supported when one is missing. */
  readonly features: readonly FeatureName[];
  /** From release `since` on, the test needs these features instead (harness/runner/test-in-release.ts). */
  readonly featuresFrom?: readonly { readonly since: string; readonly features: readonly FeatureName[] }[];
  /** Fixture files relative to `fixtures/`, applied in order before the body runs. */
  readonly manifests: readonly string[];
  /** Statement numbers of ../shared/reference/grpcroute-semantics.md §12 that the test checks. */
  readonly specRefs: readonly number[];
  readonly provisional?: boolean;
  /** Provisional in the releases before this one only (upstream promoted the test then). */
  readonly provisionalBefore?: string;
  /** Long-running (statistics, timeouts); still run by default. */
  readonly slow?: boolean;
  run(t: TestContext): Promise<void>;
}

/** Identity function for type inference, like `defineConfig`. */
export function defineConformanceTest(test: ConformanceTest): ConformanceTest {
  return test;
}
