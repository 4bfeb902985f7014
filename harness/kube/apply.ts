import { readFileSync } from 'node:fs';
import { isAbsolute, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { keyOf, type KubeClient, type ObjectKey } from './client.ts';
import { ECHO_IMAGE } from '../version.ts';
import { runLabels } from './labels.ts';
import type { KubeObject } from './types.ts';
import { done, notYet, waitForObject } from './wait.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The echo image the fixtures name; `--echo-image` replaces it. */
export const DEFAULT_ECHO_IMAGE = ECHO_IMAGE;

/** Thrown for a fixture that cannot be read or is not a list of Kubernetes objects. */
export class FixtureError extends Error {
  readonly code = 'GRPCCONF_BAD_FIXTURE';
  readonly fixture: string;

  constructor(fixture: string, message: string, cause?: unknown) {
    super(`fixture ${fixture}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = 'FixtureError';
    this.fixture = fixture;
  }
}

/** Who objects are applied for, and how they are rewritten on the way. */
export interface ApplyScope {
  readonly client: KubeClient;
  readonly runId: string;
  /** The `test` label: a test name, or 'base'. */
  readonly testName: string;
  readonly gatewayClass: string;
  /** Namespace given to namespaced objects that name none. */
  readonly defaultNamespace: string;
  readonly echoImage?: string;
  /** Bound for cleanup: objects must be gone within this. */
  readonly deleteTimeoutMs: number;
}

/** Reads a multi-document YAML file relative to fixtures/. Empty documents are skipped. */
export function readFixture(relativePath: string): KubeObject[] {
  const clean = normalize(relativePath);
  if (isAbsolute(clean) || clean.startsWith('..')) throw new FixtureError(relativePath, 'must be a path inside fixtures/');
  let text: string;
  try {
    text = readFileSync(`${FIXTURES_DIR}${clean}`, 'utf8');
  } catch (error) {
    throw new FixtureError(relativePath, `cannot read ${FIXTURES_DIR}${clean}`, error);
  }
  const objects: KubeObject[] = [];
  for (const [index, doc] of parseAllDocuments(text).entries()) {
    if (doc.errors.length > 0) throw new FixtureError(relativePath, `document ${index + 1}: ${doc.errors[0]?.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const object = value as Partial<KubeObject>;
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || typeof object.metadata?.name !== 'string') {
      throw new FixtureError(relativePath, `document ${index + 1} lacks apiVersion, kind or metadata.name`);
    }
    objects.push(object as KubeObject);
  }
  return objects;
}

/** What fixtures write as a Gateway's class; replaced with the run's `--gateway-class`. */
export const GATEWAY_CLASS_PLACEHOLDER = 'GATEWAY_CLASS_NAME';

/** Copies of `objects` with run labels, the run's GatewayClass on every Gateway, and the echo image replaced. */
export function prepareObjects(
  objects: readonly KubeObject[],
  scope: Pick<ApplyScope, 'runId' | 'testName' | 'gatewayClass' | 'echoImage'>,
): KubeObject[] {
  return objects.map((original) => {
    const object = structuredClone(original);
    object.metadata.labels = { ...object.metadata.labels, ...runLabels(scope.runId, scope.testName) };
    // Only the placeholder is replaced: a test may build a Gateway of some other class on purpose.
    const spec = object.spec as { gatewayClassName?: unknown } | undefined;
    if (object.kind === 'Gateway' && object.apiVersion.startsWith('gateway.networking.k8s.io/') && spec?.gatewayClassName === GATEWAY_CLASS_PLACEHOLDER) {
      object.spec = { ...spec, gatewayClassName: scope.gatewayClass };
    }
    if (scope.echoImage !== undefined) replaceEchoImage(object, scope.echoImage);
    return object;
  });
}

function replaceEchoImage(object: KubeObject, image: string): void {
  const podSpec =
    object.kind === 'Pod'
      ? (object.spec as { containers?: { image?: string }[] } | undefined)
      : (object.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined)?.template?.spec;
  for (const container of podSpec?.containers ?? []) {
    if (container.image === DEFAULT_ECHO_IMAGE) container.image = image;
  }
}

/**
 * Prepares and server-side-applies `objects` in order. Registers one cleanup (before the first apply,
 * so a half-applied batch is cleaned too) that deletes them in reverse order and waits until all are gone.
 */
export async function applyObjects(
  scope: ApplyScope,
  objects: readonly KubeObject[],
  registerCleanup: (fn: () => Promise<void>) => void,
): Promise<KubeObject[]> {
  const applied: ObjectKey[] = [];
  registerCleanup(() => deleteAndWaitGone(scope.client, [...applied].reverse(), scope.deleteTimeoutMs));
  const results: KubeObject[] = [];
  for (const object of prepareObjects(objects, scope)) {
    await defaultNamespace(scope, object);
    const result = await scope.client.apply(object);
    applied.push(keyOf(result.apiVersion ? result : object));
    results.push(result);
  }
  return results;
}

async function defaultNamespace(scope: ApplyScope, object: KubeObject): Promise<void> {
  if (object.metadata.namespace !== undefined) return;
  const info = await scope.client.resource(object.apiVersion, object.kind);
  if (info?.namespaced) object.metadata.namespace = scope.defaultNamespace;
}

/** Deletes in the given order, then waits (watch-based, bounded by `timeoutMs`) until every object is gone. */
export async function deleteAndWaitGone(client: KubeClient, keys: readonly ObjectKey[], timeoutMs: number): Promise<void> {
  const pending: ObjectKey[] = [];
  for (const key of keys) {
    if (await client.delete(key)) pending.push(key);
  }
  await Promise.all(pending.map((key) => waitUntilGone(client, key, timeoutMs)));
}

export function waitUntilGone(client: KubeClient, key: ObjectKey, timeoutMs: number): Promise<void> {
  const id = `${key.kind} ${key.namespace ? `${key.namespace}/` : ''}${key.name}`;
  return waitForObject(
    client,
    { apiVersion: key.apiVersion, kind: key.kind, namespace: key.namespace, name: key.name },
    (object) => {
      if (object === undefined) return done(undefined);
      const deleting = object.metadata['deletionTimestamp'];
      const finalizers = (object.metadata['finalizers'] as string[] | undefined) ?? [];
      return notYet(`still exists${deleting ? ` (deleting since ${String(deleting)})` : ''}${finalizers.length ? `, finalizers ${finalizers.join(',')}` : ''}`);
    },
    { object: id, wanted: 'deletion to complete', timeoutName: 'delete', timeoutMs },
  );
}
