import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http2';

/**
 * HTTP/2 header fields as an ordered multimap with lower-case names. Built from the raw header list so
 * repeated fields keep their separate values (Node's header object would join them with ", ").
 */
export type HeaderMap = Map<string, string[]>;

/** Builds a map from Node's raw `[name, value, name, value, …]` list. */
export function headerMapFromRaw(raw: readonly string[]): HeaderMap {
  const map: HeaderMap = new Map();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const values = map.get(name);
    if (values) values.push(value);
    else map.set(name, [value]);
  }
  return map;
}

/**
 * Builds a map from what a Node HTTP/2 event delivers: the raw list when Node passes it (it does for
 * 'stream', 'response' and 'trailers', though the type declarations omit it), else the header object.
 */
export function headerMapFromEvent(headers: IncomingHttpHeaders, raw: readonly string[] | undefined): HeaderMap {
  if (raw) return headerMapFromRaw(raw);
  const map: HeaderMap = new Map();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    map.set(name.toLowerCase(), Array.isArray(value) ? [...value] : [String(value)]);
  }
  return map;
}

/** Converts to Node's outgoing shape: one value as a string, repeated values as an array. */
export function toOutgoingHeaders(map: HeaderMap): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, values] of map) {
    if (values.length === 0) continue;
    out[name] = values.length === 1 ? values[0] : values;
  }
  return out;
}
