import type { ServerCall } from './server-call.ts';

/** The pod identity reported in every answer (upstream `Context`). */
export interface PodContext {
  readonly namespace: string;
  readonly ingress: string;
  readonly serviceName: string;
  readonly pod: string;
}

/** The upstream `Assertions` message, in proto-loader's camelCase form. */
export interface AssertionsMessage {
  fullyQualifiedMethod: string;
  headers: { key: string; value: string }[];
  authority: string;
  context: PodContext;
  tlsAssertions: TlsAssertionsMessage | null;
}

export interface TlsAssertionsMessage {
  version: string;
  negotiatedProtocol: string;
  serverName: string;
  cipherSuite: string;
  peerCertificates: string[];
}

/** What the backend saw of this call: method, every header, authority, pod, and the TLS session on the TLS port. */
export function buildAssertions(call: ServerCall, context: PodContext): AssertionsMessage {
  return {
    fullyQualifiedMethod: call.path,
    headers: call.requestHeaders.map((h) => ({ key: h.key, value: h.value })),
    authority: call.authority,
    context,
    tlsAssertions: call.tls ? tlsAssertions(call.tls) : null,
  };
}

function tlsAssertions(socket: NonNullable<ServerCall['tls']>): TlsAssertionsMessage {
  const servername = (socket as { servername?: string | false }).servername;
  return {
    version: socket.getProtocol() ?? '',
    negotiatedProtocol: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : '',
    serverName: typeof servername === 'string' ? servername : '',
    // IANA names (TLS_AES_128_GCM_SHA256), which are also the names Go reports.
    cipherSuite: socket.getCipher().standardName,
    peerCertificates: [],
  };
}
