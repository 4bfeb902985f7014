import type { IncomingMessage } from 'node:http';
import { isRecord } from './api-object.ts';
import type { DeleteOptions } from './pod-deletion.ts';
import { readBody } from './request-body.ts';

/** DeleteOptions from `?gracePeriodSeconds=` and from the (optional) request body, the body winning. */
export async function readDeleteOptions(req: IncomingMessage, query: URLSearchParams): Promise<DeleteOptions> {
  const fromQuery = query.has('gracePeriodSeconds') ? Number(query.get('gracePeriodSeconds')) : undefined;
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const body = hasBody ? await readBody(req) : undefined;
  const grace = isRecord(body) && typeof body.gracePeriodSeconds === 'number' ? body.gracePeriodSeconds : fromQuery;
  const uid = isRecord(body) && isRecord(body.preconditions) && typeof body.preconditions.uid === 'string' ? body.preconditions.uid : undefined;
  return { ...(grace !== undefined && Number.isFinite(grace) ? { gracePeriodSeconds: grace } : {}), ...(uid !== undefined ? { uid } : {}) };
}
