import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { decodeProtobufObject } from './protobuf-body.ts';
import { ApiStatusError, badRequest } from './status-errors.ts';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads and decodes a JSON, YAML (apply patches) or, for a few typed kubectl commands, protobuf request body. */
export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const received: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new ApiStatusError(413, 'RequestEntityTooLarge', 'the request body is too large'));
      } else received.push(chunk);
    });
    req.on('end', () => resolve(received));
    req.on('error', reject);
  });
  const contentType = req.headers['content-type'] ?? 'application/json';
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw badRequest('the request body is empty');
  try {
    if (contentType.includes('protobuf')) return decodeProtobufObject(Buffer.concat(chunks), contentType);
    return /yaml/.test(contentType) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    if (error instanceof ApiStatusError) throw error;
    throw badRequest(`the request body could not be decoded: ${(error as Error).message}`);
  }
}
