import tls from 'node:tls';
import type { GatewayAddress } from '../kube/types.ts';
import type { TlsOptions } from './types.ts';

export interface TlsFacts {
  readonly alpnProtocol: string | false;
  readonly peerCertificateSubjectAltName?: string;
  /** Why the peer certificate is not trusted for `serverName` (absent when it is). */
  readonly authorizationError?: string;
}

/**
 * grpc-js does not expose the negotiated ALPN protocol or the peer certificate, so TLS calls are
 * accompanied by one raw handshake to the same dial address with the same SNI, CA and ALPN offer.
 * It never throws: a failed handshake reports `alpnProtocol: false` and the reason.
 */
export function probeTls(gw: GatewayAddress, options: TlsOptions, timeoutMs: number): Promise<TlsFacts> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: gw.dialHost,
      port: gw.dialPort,
      servername: options.serverName,
      ca: options.ca,
      ALPNProtocols: [...(options.alpn ?? ['h2'])],
      // Report what the peer presents even when it is not trusted; the gRPC call enforces trust.
      rejectUnauthorized: false,
    });
    const finish = (facts: TlsFacts): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(facts);
    };
    const timer = setTimeout(() => finish({ alpnProtocol: false, authorizationError: `no TLS handshake within ${timeoutMs} ms` }), timeoutMs);
    socket.once('secureConnect', () => {
      const subjectAltName = socket.getPeerCertificate().subjectaltname;
      const identityError = tls.checkServerIdentity(options.serverName, socket.getPeerCertificate());
      const authorizationError = socket.authorizationError ? String(socket.authorizationError) : identityError?.message;
      finish({
        alpnProtocol: socket.alpnProtocol ?? false,
        ...(subjectAltName ? { peerCertificateSubjectAltName: subjectAltName } : {}),
        ...(authorizationError ? { authorizationError } : {}),
      });
    });
    socket.once('error', (error) => finish({ alpnProtocol: false, authorizationError: error.message }));
  });
}
