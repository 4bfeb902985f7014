import { stringify } from 'yaml';
import { PROFILES } from '../features/profiles.ts';
import type { RunResult } from '../runner/results.ts';
import { profileReport } from './profile-report.ts';

/** The upstream ConformanceReport document (gateway.networking.k8s.io/v1), keys sorted. */
export function renderConformanceReport(run: RunResult): string {
  const provisional = run.tests.filter((t) => t.provisional && t.outcome === 'passed').map((t) => t.name).sort();
  const report = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'ConformanceReport',
    date: run.finishedAt,
    ...(run.implementation ? { implementation: { ...run.implementation, contact: [...run.implementation.contact] } } : {}),
    gatewayAPIVersion: run.gatewayAPIVersion,
    gatewayAPIChannel: run.gatewayAPIChannel,
    mode: run.mode,
    profiles: PROFILES.map((p) => profileReport(p, run)).sort((a, b) => a.name.localeCompare(b.name)),
    ...(provisional.length > 0 ? { succeededProvisionalTests: provisional } : {}),
  };
  return stringify(report, { sortMapEntries: true, lineWidth: 0 });
}
