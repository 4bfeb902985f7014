import { isJsonObject } from './json-shape.ts';

/** Which Gateway API CRD bundle is being emulated; validation differs only in a few rules. */
export type Channel = 'standard' | 'experimental';

/** Options for validateObject beyond what the object itself carries. */
export interface ValidationOptions {
  /** Defaults to 'standard', or to the object's `gateway.networking.k8s.io/channel` annotation. */
  channel?: Channel;
  /** The Gateway API release whose CRD rules apply (default DEFAULT_BUNDLE_VERSION, see release.ts). */
  bundleVersion?: string;
  /**
   * 'status' for a write of the status subresource: only status is judged, because the server
   * ratchets the unchanged rest of the object (and a status write cannot change it).
   */
  subresource?: 'status';
}

/** The annotation the upstream CRDs carry; honoured on objects too so a test can opt in per object. */
export const CHANNEL_ANNOTATION = 'gateway.networking.k8s.io/channel';

export function resolveChannel(obj: Record<string, unknown>, options: ValidationOptions = {}): Channel {
  if (options.channel) return options.channel;
  const metadata = obj['metadata'];
  const annotations = isJsonObject(metadata) ? metadata['annotations'] : undefined;
  const value = isJsonObject(annotations) ? annotations[CHANNEL_ANNOTATION] : undefined;
  return value === 'experimental' ? 'experimental' : 'standard';
}
