import { readFileSync } from 'node:fs';
import { startEchoServer } from './index.ts';

/** Standalone entry: configuration from the environment, as the upstream echo-basic image reads it. */
function readEnv(name: string, fallback?: string): string {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  process.stderr.write(`echo-server: environment variable ${name} is required\n`);
  process.exit(2);
}

function readPort(name: string, fallback: number): number {
  const raw = readEnv(name, String(fallback));
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`echo-server: ${name}=${raw} is not a port number\n`);
    process.exit(2);
  }
  return port;
}

const certPath = process.env.TLS_SERVER_CERT;
const keyPath = process.env.TLS_SERVER_PRIV_KEY;
const server = await startEchoServer({
  host: readEnv('HOST', '0.0.0.0'),
  httpPort: readPort('HTTP_PORT', 3000),
  httpsPort: readPort('HTTPS_PORT', 8443),
  ...(certPath && keyPath ? { tls: { certPem: readFileSync(certPath, 'utf8'), keyPem: readFileSync(keyPath, 'utf8') } } : {}),
  env: {
    POD_NAME: readEnv('POD_NAME', 'echo-server'),
    NAMESPACE: readEnv('NAMESPACE', 'default'),
    SERVICE_NAME: readEnv('SERVICE_NAME', ''),
    INGRESS_NAME: readEnv('INGRESS_NAME', ''),
  },
  log: (line) => void process.stdout.write(`${line}\n`),
});
process.stderr.write(`echo-server: h2c on ${server.httpPort}${server.httpsPort ? `, TLS on ${server.httpsPort}` : ''}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
