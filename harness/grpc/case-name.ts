import { codeName } from './result-summary.ts';
import { ECHO_SERVICE } from './types.ts';
import type { GrpcCase } from './types.ts';

/**
 * A readable case name in the shape upstream's GetTestCaseName uses, e.g.
 * "2 request to 'bar.com/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo' with headers '{color:blue}' should go to grpc-infra-backend-v1".
 */
export function caseName(c: GrpcCase, index: number): string {
  const { call, expect } = c;
  let name = `${index} request to '${call.authority ?? ''}/${call.service ?? ECHO_SERVICE}/${call.method}'`;
  const keys = Object.keys(call.metadata ?? {}).sort();
  if (keys.length > 0) {
    const pairs = keys.map((key) => {
      const value = call.metadata?.[key] ?? '';
      const values = (Array.isArray(value) ? value : [value]).map((v: string | Buffer) => (Buffer.isBuffer(v) ? v.toString('base64') : v));
      return `${key}:${values.join('|')}`;
    });
    name += ` with headers '{${pairs.join(',')}}'`;
  }
  if (expect.anyError) return `${name} should fail`;
  if (expect.codeOneOf) return `${name} should receive one of ${expect.codeOneOf.map((code) => `${codeName(code)} (${code})`).join(', ')}`;
  const code = expect.code ?? 0;
  if (code !== 0) return `${name} should receive a ${codeName(code)} (${code})`;
  return expect.backend ? `${name} should go to ${expect.backend}` : `${name} should succeed`;
}
