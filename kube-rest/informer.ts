import { KubeApiError } from './errors.ts';
import type { ObjectCache } from './object-cache.ts';
import type { KubeObject } from './objects.ts';
import { KubeRestClient } from './rest-client.ts';
import type { ResourceType, WatchStream } from './rest-client.ts';

const RETRY_MS = 1_000;
/** How often a kind whose CRD is missing (404) or forbidden (403) is looked for again. */
const MISSING_KIND_RETRY_MS = 5_000;

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject & { code?: number };
}

/**
 * Keeps one kind in the cache (found at the first of `types` the server serves): list, then watch from the list's resourceVersion; re-watch when the
 * server ends the stream, re-list on 410 Gone or errors. `synced` resolves after the first list
 * attempt (also when the kind is not served), so the first reconcile sees a complete picture.
 */
export class KindInformer<K extends string = string> {
  readonly synced: Promise<void>;
  private markSynced!: () => void;
  private stopped = false;
  private stream: WatchStream | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly kind: K,
    private readonly types: readonly ResourceType[],
    private readonly client: KubeRestClient,
    private readonly cache: ObjectCache<K>,
    private readonly log: (line: string) => void,
  ) {
    this.synced = new Promise((resolve) => (this.markSynced = resolve));
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.stream?.abort();
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    this.markSynced();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const found = await this.listFirstServed();
      this.markSynced();
      if (!found) {
        await this.pause(MISSING_KIND_RETRY_MS);
        continue;
      }
      const ok = await this.watchUntilBroken(found.type, found.resourceVersion);
      if (!ok) await this.pause(RETRY_MS);
    }
  }

  private async listFirstServed(): Promise<{ type: ResourceType; resourceVersion: string } | undefined> {
    for (const type of this.types) {
      try {
        const list = await this.client.list<KubeObject>(KubeRestClient.path(type));
        this.cache.served.set(this.kind, type);
        this.cache.replaceAll(this.kind, list.items.map((o) => this.withKind(o)));
        return { type, resourceVersion: list.metadata.resourceVersion ?? '' };
      } catch (error) {
        if (this.stopped) return undefined;
        if (error instanceof KubeApiError && (error.status === 404 || error.status === 403)) continue;
        this.log(`list ${this.kind} failed: ${(error as Error).message}`);
        return undefined;
      }
    }
    if (this.cache.served.delete(this.kind)) this.cache.replaceAll(this.kind, []);
    return undefined;
  }

  /** Returns true when the stream ended in a way that only needs a fresh list (410/end), false on errors. */
  private async watchUntilBroken(type: ResourceType, listVersion: string): Promise<boolean> {
    let resourceVersion = listVersion;
    while (!this.stopped) {
      let gone = false;
      const query: Record<string, string> = { allowWatchBookmarks: 'true', timeoutSeconds: '300' };
      if (resourceVersion) query.resourceVersion = resourceVersion;
      this.stream = this.client.watch(KubeRestClient.path(type), query, (raw) => {
        const event = raw as WatchEvent;
        if (event.type === 'ERROR') {
          gone = true;
          this.stream?.abort();
          return;
        }
        if (event.object?.metadata?.resourceVersion) resourceVersion = event.object.metadata.resourceVersion;
        if (event.type === 'ADDED' || event.type === 'MODIFIED') this.cache.put(this.kind, this.withKind(event.object));
        else if (event.type === 'DELETED') this.cache.remove(this.kind, event.object);
      });
      try {
        await this.stream.done;
      } catch (error) {
        if (this.stopped) return true;
        if (error instanceof KubeApiError && error.status === 410) return true;
        this.log(`watch ${this.kind} failed: ${(error as Error).message}`);
        return false;
      }
      if (gone) return true;
    }
    return true;
  }

  private withKind(o: KubeObject): KubeObject {
    return { ...o, kind: this.kind };
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }
}
