import { randomUUID } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http2';
import type { HeaderModifier } from '../model/data-plane-config.ts';
import type { FaultSet } from './faults.ts';
import { applyHeaderModifier } from './header-filters.ts';
import type { HeaderMap } from './header-map.ts';

// Connection-specific fields never travel across a proxy (and HTTP/2 forbids most of them anyway).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'http2-settings', 'host']);

function forwardable(name: string, faults: FaultSet): boolean {
  return !HOP_BY_HOP.has(name) && !(name.endsWith('-bin') && faults.has('drop-bin-metadata')) && !(name === 'grpc-timeout' && faults.has('deadline-dropped'));
}

function single(values: string[] | undefined): string | undefined {
  return values?.[0];
}

/** Request headers for the backend: all metadata (repeated values kept), :authority unchanged, :scheme of the hop. */
export function upstreamRequestHeaders(request: HeaderMap, scheme: 'http' | 'https', faults: FaultSet): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {
    ':method': single(request.get(':method')) ?? 'POST',
    ':path': single(request.get(':path')) ?? '/',
    ':scheme': scheme,
  };
  const authority = single(request.get(':authority')) ?? single(request.get('host'));
  if (authority !== undefined) out[':authority'] = authority;
  for (const [name, values] of request) {
    if (name.startsWith(':') || !forwardable(name, faults) || values.length === 0) continue;
    if (name === 'te') {
      if (values.includes('trailers')) out.te = 'trailers';
      continue;
    }
    out[name] = values.length === 1 ? values[0] : values;
  }
  if (faults.has('regenerate-request-id')) out['x-request-id'] = randomUUID();
  return out;
}

/** The backend's response HEADERS for the client, after response modifiers. */
export function clientResponseHeaders(
  response: HeaderMap,
  modifiers: readonly HeaderModifier[],
  faults: FaultSet,
  trailersOnly: boolean,
): OutgoingHttpHeaders {
  const kept: HeaderMap = new Map();
  for (const [name, values] of response) {
    if (name.startsWith(':') || !forwardable(name, faults)) continue;
    const grpcOwned = name === 'content-type' || name.startsWith('grpc-');
    if (!grpcOwned && faults.has('drop-response-headers') && !trailersOnly) continue;
    if (!grpcOwned && faults.has('drop-trailers') && trailersOnly) continue;
    kept.set(name, [...values]);
  }
  for (const modifier of modifiers) applyHeaderModifier(kept, modifier, faults);
  const out: OutgoingHttpHeaders = { ':status': Number(single(response.get(':status')) ?? 200) };
  for (const [name, values] of kept) if (values.length > 0) out[name] = values.length === 1 ? values[0] : values;
  if (faults.has('extra-response-headers') && !trailersOnly) {
    out.server = 'grpcroute-reference';
    out['x-reference-gateway'] = 'forwarded';
  }
  return out;
}

/** The backend's trailers for the client, unchanged (custom and -bin included). */
export function clientTrailers(trailers: HeaderMap, faults: FaultSet): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, values] of trailers) {
    if (name.startsWith(':') || !forwardable(name, faults) || values.length === 0) continue;
    if (faults.has('drop-trailers') && name !== 'grpc-status' && name !== 'grpc-message') continue;
    out[name] = values.length === 1 ? values[0] : values;
  }
  return out;
}
