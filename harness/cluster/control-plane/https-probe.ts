import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const PROBE_TIMEOUT_MS = 2_000;

/** GET `url`; true on a 200 whose body satisfies `accept`. Never throws: a refused connection is just "not yet". */
export function probe(url: string, options: { caPem?: string; token?: string; accept?: (body: string) => boolean } = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(url, { ca: options.caPem, headers: options.token ? { authorization: `Bearer ${options.token}` } : {}, timeout: PROBE_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 && (options.accept?.(body) ?? true)));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
