import type { TimeoutConfig } from '../config/types.ts';
import type { GrpcHelpers } from '../grpc/types.ts';
import type { KubeHelpers, KubeObject } from '../kube/types.ts';
import type { RunFacts } from '../run/facts.ts';
import type { CaseResult, Diagnostics } from './results.ts';

/**
 * The collaborators a test needs from the kube and gRPC layers. The adapter passes the real
 * ones; narrow unit tests of the runner pass fakes.
 */
export interface TestDeps {
  createKubeHelpers(deps: {
    facts: RunFacts;
    testName: string;
    timeouts: TimeoutConfig;
    cleanup: (fn: () => Promise<void>) => void;
    signal: AbortSignal;
    log: (line: string) => void;
  }): KubeHelpers;
  createGrpcHelpers(deps: {
    timeouts: TimeoutConfig;
    infraNamespace: string;
    recordCase?: (c: CaseResult) => void;
    signal?: AbortSignal;
    log?: (m: string) => void;
  }): GrpcHelpers;
  collectDiagnostics(facts: RunFacts, testName: string): Promise<Diagnostics>;
  /** Rejects once a Pod of the test's applied Deployments is hopeless (image, crash loop, unschedulable); stops on `signal`. */
  failOnBackendPods?(facts: RunFacts, testName: string, applied: readonly KubeObject[], signal: AbortSignal): Promise<never>;
}
