import type { KubeClient, ObjectKey } from './client.ts';
import { KubeApiError } from './errors.ts';
import type { KubeObject } from './types.ts';

/** KubeClient's request door; TypeScript-private only, and the client has no subresource method yet. */
interface RawRequester {
  request(
    method: 'PATCH',
    path: string,
    options: { body: unknown; contentType: string },
  ): Promise<{ status: number; text: string }>;
}

const MERGE_PATCH = 'application/merge-patch+json';

// The status subresource is the only place a status write lands when the CRD enables it, so a
// foreign controller's write must go there; move this into KubeClient once it serves subresources.
export async function mergePatchStatus(client: KubeClient, key: ObjectKey, patch: unknown): Promise<KubeObject> {
  const group = key.apiVersion.includes('/') ? `/apis/${key.apiVersion}` : `/api/${key.apiVersion}`;
  const info = await client.resource(key.apiVersion, key.kind);
  if (!info) throw new KubeApiError({ status: 404, reason: 'NotFound', method: 'PATCH', path: group, message: `the server does not serve ${key.kind} in ${key.apiVersion}` });
  const ns = info.namespaced ? `/namespaces/${encodeURIComponent(key.namespace ?? '')}` : '';
  const path = `${group}${ns}/${info.name}/${encodeURIComponent(key.name)}/status`;
  const res = await (client as unknown as RawRequester).request('PATCH', path, { body: patch, contentType: MERGE_PATCH });
  if (res.status >= 200 && res.status <= 299) return JSON.parse(res.text) as KubeObject;
  const body = parseStatusBody(res.text);
  throw new KubeApiError({ status: res.status, reason: body.reason, method: 'PATCH', path, message: body.message ?? res.text.slice(0, 500) });
}

function parseStatusBody(text: string): { reason?: string; message?: string } {
  try {
    return JSON.parse(text) as { reason?: string; message?: string };
  } catch {
    return {};
  }
}
