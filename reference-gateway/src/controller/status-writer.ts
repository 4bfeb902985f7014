import { KubeApiError } from '../errors.ts';
import type { ObjectCache } from '../kube/cache.ts';
import type { KubeObject } from '../kube/objects.ts';
import { KubeRestClient } from '../../../kube-rest/rest-client.ts';
import { kubeNow } from './conditions.ts';
import type { StatusIntent } from './desired-state.ts';
import { sameJson } from './same-json.ts';
import type { ControllerSettings } from './settings.ts';

const MAX_CONFLICT_RETRIES = 3;
const PARALLEL_WRITES = 8;

/**
 * Writes status by read-modify-write: the intent is merged into the cached object, and the result is
 * PUT to /status with the object's resourceVersion. A 409 means someone wrote in between: re-read
 * and merge again. Unchanged statuses are not written.
 */
export class StatusWriter {
  private readonly firstGeneration = new Map<string, number>();

  constructor(
    private readonly client: KubeRestClient,
    private readonly cache: ObjectCache,
    private readonly settings: ControllerSettings,
    private readonly log: (line: string) => void,
  ) {}

  /** Returns how many objects were written. */
  async writeAll(intents: readonly StatusIntent[]): Promise<number> {
    let written = 0;
    for (let i = 0; i < intents.length; i += PARALLEL_WRITES) {
      const results = await Promise.all(intents.slice(i, i + PARALLEL_WRITES).map((intent) => this.write(intent)));
      written += results.filter(Boolean).length;
    }
    return written;
  }

  private async write(intent: StatusIntent): Promise<boolean> {
    const type = this.cache.served.get(intent.kind);
    let current = this.cache.get(intent.kind, intent.key);
    if (!type || !current) return false;
    const [namespace, name] = intent.key.includes('/') ? intent.key.split('/') : [undefined, intent.key];
    const path = KubeRestClient.path(type, namespace, name, 'status');
    for (let attempt = 0; ; attempt++) {
      const next = this.withGenerationFault(current, intent.nextStatus(current, kubeNow()));
      if (sameJson(next, current.status ?? {})) return false;
      try {
        const body = { ...current, apiVersion: type.group ? `${type.group}/${type.version}` : type.version, kind: intent.kind, status: next };
        const updated = await this.client.replace<KubeObject>(path, body);
        // The watch may have delivered a newer object (a spec change) while the write was in flight:
        // putting our older answer over it would make the controller reconcile a stale generation.
        const cached = this.cache.get(intent.kind, intent.key);
        if (!cached || cached.metadata.resourceVersion === current.metadata.resourceVersion) this.cache.put(intent.kind, { ...updated, kind: intent.kind });
        return true;
      } catch (error) {
        if (!(error instanceof KubeApiError)) throw error;
        if (error.status === 404) return false;
        if (error.status !== 409 || attempt >= MAX_CONFLICT_RETRIES) {
          this.log(`status write ${intent.kind} ${intent.key} failed: ${error.message}`);
          return false;
        }
        try {
          current = { ...(await this.client.get<KubeObject>(KubeRestClient.path(type, namespace, name))), kind: intent.kind };
        } catch (readError) {
          this.log(`re-read ${intent.kind} ${intent.key} failed: ${(readError as Error).message}`);
          return false;
        }
      }
    }
  }

  /** `stale-observed-generation`: our conditions keep the generation first seen for the object. */
  private withGenerationFault(object: KubeObject, status: unknown): unknown {
    if (!this.settings.faults.has('stale-observed-generation')) return status;
    const id = object.metadata.uid ?? `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`;
    const generation = object.metadata.generation ?? 0;
    if (!this.firstGeneration.has(id)) this.firstGeneration.set(id, generation);
    const first = this.firstGeneration.get(id)!;
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (typeof value !== 'object' || value === null) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = k === 'observedGeneration' && v === generation ? first : rewrite(v);
      return out;
    };
    return rewrite(status);
  }
}
