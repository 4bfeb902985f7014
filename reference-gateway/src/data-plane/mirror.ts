import { constants, type OutgoingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { MirrorTarget } from './forward-plan.ts';
import type { UpstreamPool } from './upstream-pool.ts';

// A mirror copy that falls this far behind is abandoned rather than buffered without bound.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
// A mirror call that is still open after this long is cancelled: nobody waits for its answer.
const MIRROR_LIFETIME_MS = 30_000;

/**
 * Sends a copy of the request (headers and every body chunk) to one endpoint of the mirror backend, with
 * probability numerator/denominator. Fire-and-forget: its answer is discarded and its failures are ignored,
 * and it never applies backpressure to the client's stream. Must be called when the body starts flowing.
 */
export function startMirror(
  source: ServerHttp2Stream,
  headers: OutgoingHttpHeaders,
  target: MirrorTarget,
  upstreams: UpstreamPool,
): void {
  if (target.denominator <= 0 || Math.random() * target.denominator >= target.numerator) return;
  const { backend } = target;
  if (!backend.valid || backend.endpoints.length === 0) return;
  const endpoint = backend.endpoints[Math.floor(Math.random() * backend.endpoints.length)]!;
  let copy;
  try {
    copy = upstreams.request(endpoint, backend.tls, { ...headers, ':scheme': backend.tls ? 'https' : 'http' });
  } catch {
    return;
  }
  const mirror = copy;
  const abandon = (): void => {
    if (!mirror.closed) mirror.close(constants.NGHTTP2_CANCEL);
  };
  const lifetime = setTimeout(abandon, MIRROR_LIFETIME_MS);
  lifetime.unref();
  mirror.on('error', () => undefined);
  mirror.on('close', () => clearTimeout(lifetime));
  mirror.resume();

  const onData = (chunk: Buffer): void => {
    if (mirror.writableEnded || mirror.destroyed) return;
    if (mirror.writableLength > MAX_BUFFERED_BYTES) abandon();
    else mirror.write(chunk);
  };
  source.on('data', onData);
  source.once('end', () => {
    if (!mirror.writableEnded && !mirror.destroyed) mirror.end();
  });
  source.once('close', () => {
    source.off('data', onData);
    if (!mirror.writableEnded) abandon();
  });
}
