import type { ServerResponse } from 'node:http';

/**
 * kubectl apply reads /openapi/v3, then /openapi/v2, before validating on the client. No v3
 * document plus an empty v2 protobuf body reads as "no schemas", and kubectl then leaves
 * validation to the server (fieldValidation=Strict), which is where our CRD rules run anyway.
 */
export function serveOpenApi(pathname: string, res: ServerResponse): boolean {
  if (pathname === '/openapi/v2') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '0' });
    res.end();
    return true;
  }
  return false;
}
