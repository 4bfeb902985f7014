import { createServer } from 'node:https';
import { createServingCertificate } from '../../kube-rest/serving-certificate.ts';
import type { LogLine } from './log-buffer.ts';
import { renderLogLines } from './log-query.ts';

export interface KubeletLogServer {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * The one kubelet endpoint the suite needs: a real API server answers pods/log by calling
 * `GET https://<node>:<port>/containerLogs/{namespace}/{pod}/{container}` on the pod's node.
 * Its certificate is self-signed; kube-apiserver verifies kubelets only when given
 * --kubelet-certificate-authority.
 */
export async function startKubeletLogServer(host: string, port: number, linesOf: (namespace: string, pod: string) => readonly LogLine[] | undefined): Promise<KubeletLogServer> {
  const certificate = await createServingCertificate(host);
  const server = createServer({ cert: certificate.certPem, key: certificate.keyPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://kubelet');
    const match = /^\/containerLogs\/([^/]+)\/([^/]+)\/[^/]+$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const lines = linesOf(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!));
    if (!lines) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`pod ${match[1]}/${match[2]} does not run on this node\n`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(renderLogLines(lines, url.searchParams));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
