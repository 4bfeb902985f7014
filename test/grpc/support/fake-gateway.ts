import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { GatewayAddress } from '../../../harness/kube/types.ts';

/** A real HTTP/2 peer that answers every call itself, trailers-only, like a gateway with no matching route. */
export async function startAnsweringGateway(code: number, message: string): Promise<{ gw: GatewayAddress; stop(): Promise<void> }> {
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': message }, { endStream: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    gw: { host: '127.0.0.1', port, dialHost: '127.0.0.1', dialPort: port },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
