import { Document, Scalar } from 'yaml';
import { profilesFor } from '../features/profiles.ts';
import type { RunResult } from '../runner/results.ts';
import { profileReport } from './profile-report.ts';
import { submittability } from './submittable.ts';

// Upstream's schema has no field for these; a comment keeps strict decoders of the schema happy.
function provenance(run: RunResult): string {
  const verdict = submittability(run.implementation);
  return [
    verdict.submittable
      ? ' submittable: yes (implementation fields pass upstream v1.7 Implementation.Validate)'
      : ` NOT SUBMITTABLE upstream: ${verdict.reasons.join('; ')}`,
    ' Written by grpcroute-conformance. Not part of the upstream schema:',
    ` featureSource: ${run.featureSource} (how the supported features were chosen)`,
    ` gatewayClass: ${run.gatewayClass}`,
    ` cluster: ${run.cluster}`,
  ].join('\n');
}

// Unquoted, YAML 1.1 readers (go-yaml, PyYAML) would turn the date into a timestamp.
function quoted(value: string): Scalar<string> {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * The upstream ConformanceReport document (gateway.networking.k8s.io/v1), keys and lists
 * sorted, with the feature source in a leading comment.
 */
export function renderConformanceReport(run: RunResult): string {
  const provisional = run.tests.filter((t) => t.provisional && t.outcome === 'passed').map((t) => t.name).sort();
  const report = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'ConformanceReport',
    date: quoted(run.finishedAt),
    ...(run.implementation ? { implementation: { ...run.implementation, contact: [...run.implementation.contact] } } : {}),
    gatewayAPIVersion: run.gatewayAPIVersion,
    gatewayAPIChannel: run.gatewayAPIChannel,
    mode: run.mode,
    profiles: profilesFor(run.gatewayAPIVersion).map((p) => profileReport(p, run)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    ...(provisional.length > 0 ? { succeededProvisionalTests: provisional } : {}),
  };
  const document = new Document(report, { sortMapEntries: true });
  document.commentBefore = provenance(run);
  return document.toString({ lineWidth: 0, indentSeq: false });
}
