import { stringify } from 'yaml';
import type { Diagnostics } from '../runner/results.ts';
import type { RunFacts } from '../run/facts.ts';
import type { KubeClient } from './client.ts';
import { apiVersionFor } from './kinds.ts';
import { testSelector } from './labels.ts';
import { clientFor } from './run-client.ts';
import type { KubeObject } from './types.ts';

/** Kinds a test creates whose state explains a failure. Secrets and ConfigMaps carry keys, not state. */
const TEST_KINDS = ['GRPCRoute', 'HTTPRoute', 'Gateway', 'ListenerSet', 'ReferenceGrant', 'BackendTLSPolicy', 'Service', 'Deployment'] as const;

/**
 * YAML (with status) of the test's labelled objects, the Gateways their routes name, and the
 * GatewayClass, plus the events about them. Taken before cleanup; never throws (a failure to
 * collect becomes part of the text).
 */
export async function collectDiagnostics(facts: RunFacts, testName: string): Promise<Diagnostics> {
  const client = clientFor(facts, `${testName}/diagnostics`);
  const objects: KubeObject[] = [];
  const problems: string[] = [];
  const selector = testSelector(facts.runId, testName);
  for (const kind of TEST_KINDS) {
    try {
      objects.push(...(await listServed(client, kind, selector)));
    } catch (error) {
      problems.push(`# listing ${kind} failed: ${(error as Error).message}`);
    }
  }
  const seen = new Set(objects.map(identity));
  for (const ref of referencedGateways(objects, facts.namespaces.infra)) {
    if (seen.has(`Gateway/${ref.namespace}/${ref.name}`)) continue;
    seen.add(`Gateway/${ref.namespace}/${ref.name}`);
    const gateway = await client.get({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', ...ref }).catch(() => undefined);
    if (gateway) objects.push(gateway);
  }
  const gatewayClass = await client
    .get({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', name: facts.gatewayClass })
    .catch(() => undefined);
  if (gatewayClass) objects.push(gatewayClass);

  const resourcesYaml = [...problems, ...objects.map((o) => stringify(withoutNoise(o)))].join('---\n');
  let events: string;
  try {
    events = await eventsAbout(client, objects);
  } catch (error) {
    events = `events unavailable: ${(error as Error).message}`;
  }
  return { resourcesYaml, events };
}

async function listServed(client: KubeClient, kind: string, labelSelector: string): Promise<KubeObject[]> {
  let apiVersion: string;
  try {
    apiVersion = await apiVersionFor(client, kind);
  } catch {
    return []; // Not served by this cluster (e.g. no BackendTLSPolicy CRD): nothing to show.
  }
  return (await client.list(apiVersion, kind, { labelSelector })).items;
}

function referencedGateways(objects: readonly KubeObject[], infra: string): { name: string; namespace: string }[] {
  const refs: { name: string; namespace: string }[] = [];
  for (const object of objects) {
    if (object.kind !== 'GRPCRoute' && object.kind !== 'HTTPRoute') continue;
    const parentRefs = (object.spec as { parentRefs?: { kind?: string; name: string; namespace?: string }[] } | undefined)?.parentRefs ?? [];
    for (const p of parentRefs) {
      if ((p.kind ?? 'Gateway') === 'Gateway') refs.push({ name: p.name, namespace: p.namespace ?? object.metadata.namespace ?? infra });
    }
  }
  return refs;
}

async function eventsAbout(client: KubeClient, objects: readonly KubeObject[]): Promise<string> {
  const namespaces = [...new Set(objects.map((o) => o.metadata.namespace).filter((n): n is string => n !== undefined))];
  const names = new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
  const lines: string[] = [];
  for (const namespace of namespaces) {
    for (const event of (await client.list('v1', 'Event', { namespace })).items) {
      const e = event as KubeObject & {
        involvedObject?: { kind?: string; name?: string };
        type?: string;
        reason?: string;
        message?: string;
        count?: number;
      };
      const about = `${e.involvedObject?.kind}/${e.involvedObject?.name}`;
      if (!names.has(about)) continue;
      lines.push(`${namespace} ${about} ${e.type ?? ''} ${e.reason ?? ''}: ${e.message ?? ''}${e.count && e.count > 1 ? ` (x${e.count})` : ''}`);
    }
  }
  return lines.length === 0 ? 'no events about these objects' : lines.join('\n');
}

function identity(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function withoutNoise(object: KubeObject): KubeObject {
  const { managedFields: _managed, ...metadata } = object.metadata;
  return { ...object, metadata };
}
