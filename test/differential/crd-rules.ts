import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { gatewayApiCrdFolder } from '../../harness/cluster/control-plane/gateway-api-crds.ts';
import type { CrdSet } from './servers.ts';

/** The CRDs whose rules the table must cover, by kind and manifest file. */
export const COVERED_CRDS = {
  GRPCRoute: 'gateway.networking.k8s.io_grpcroutes.yaml',
  Gateway: 'gateway.networking.k8s.io_gateways.yaml',
  ReferenceGrant: 'gateway.networking.k8s.io_referencegrants.yaml',
  BackendTLSPolicy: 'gateway.networking.k8s.io_backendtlspolicies.yaml',
  ListenerSet: 'gateway.networking.k8s.io_listenersets.yaml',
} as const;
export type CoveredKind = keyof typeof COVERED_CRDS;

/** An `x-kubernetes-validations` rule and where it sits, e.g. `spec.rules[*].matches[*].method`. */
export interface CelRule {
  readonly kind: CoveredKind;
  readonly path: string;
  readonly message: string;
}

export const CONSTRAINT_KEYWORDS = ['maxItems', 'minItems', 'maxLength', 'minLength', 'pattern', 'enum', 'required', 'minimum', 'maximum'] as const;
export type ConstraintKeyword = (typeof CONSTRAINT_KEYWORDS)[number];

/** One schema constraint; for `required`, `path` is the required field itself. */
export interface SchemaConstraint {
  readonly kind: CoveredKind;
  readonly keyword: ConstraintKeyword;
  readonly path: string;
}

export interface CrdInventory {
  readonly rules: readonly CelRule[];
  readonly constraints: readonly SchemaConstraint[];
}

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  required?: string[];
  'x-kubernetes-validations'?: { rule: string; message?: string }[];
  [keyword: string]: unknown;
}

interface CrdVersion {
  name: string;
  served: boolean;
  schema: { openAPIV3Schema: Schema };
}

function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * Reads the release's CRDs from Go's module cache (never a copy in this repository). Rules and
 * constraints are collected over every served version; versions that repeat a rule at the same
 * path count it once, because the cases use one version per kind.
 */
export async function readCrdInventory({ version, channel }: CrdSet): Promise<CrdInventory> {
  const folder = await gatewayApiCrdFolder(version, channel);
  const rules = new Map<string, CelRule>();
  const constraints = new Map<string, SchemaConstraint>();
  for (const [kind, file] of Object.entries(COVERED_CRDS) as [CoveredKind, string][]) {
    const crd = parse(await readFile(join(folder, file), 'utf8')) as { spec: { versions: CrdVersion[] } };
    const walk = (schema: Schema, path: string): void => {
      for (const rule of schema['x-kubernetes-validations'] ?? []) {
        const message = rule.message ?? rule.rule;
        rules.set(`${kind} ${path} ${message}`, { kind, path, message });
      }
      for (const keyword of CONSTRAINT_KEYWORDS) {
        if (keyword === 'required') {
          for (const key of schema.required ?? []) constraints.set(`${kind} required ${childPath(path, key)}`, { kind, keyword, path: childPath(path, key) });
        } else if (schema[keyword] !== undefined) {
          constraints.set(`${kind} ${keyword} ${path}`, { kind, keyword, path });
        }
      }
      for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, childPath(path, key));
      if (schema.items) walk(schema.items, `${path}[*]`);
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${path}[*]`);
    };
    for (const version of crd.spec.versions.filter((v) => v.served)) walk(version.schema.openAPIV3Schema, '');
  }
  return { rules: [...rules.values()], constraints: [...constraints.values()] };
}
