import * as grpc from '@grpc/grpc-js';
import type { MetadataInit, MetadataValue } from './types.ts';

/** Builds outgoing metadata: repeated values stay in order, `-bin` keys carry bytes. */
export function toGrpcMetadata(init: MetadataInit | undefined): grpc.Metadata {
  const metadata = new grpc.Metadata();
  for (const [rawKey, value] of Object.entries(init ?? {})) {
    const key = rawKey.toLowerCase();
    for (const item of Array.isArray(value) ? value : [value]) metadata.add(key, coerce(key, item));
  }
  return metadata;
}

function coerce(key: string, value: MetadataValue): MetadataValue {
  if (key.endsWith('-bin')) return Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
  return Buffer.isBuffer(value) ? value.toString('utf8') : value;
}

/** Received metadata as lower-case key to values, `-bin` values base64 (the same form the echo server reports). */
export function metadataToRecord(metadata: grpc.Metadata | undefined): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(metadata?.toJSON() ?? {})) {
    record[key] = values.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : String(v)));
  }
  return record;
}
