import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { startEchoServer, ECHO_SERVICE, echoProtoPath } from '../../echo-server/src/index.ts';

type UnaryClient = grpc.Client & { Echo(request: object, callback: (error: grpc.ServiceError | null) => void): void };

/** Median latency of unary Echo calls to an echo server on loopback over one reused h2c connection, in ms. */
export async function echoUnaryP50Ms(calls = 1000, warmup = 100): Promise<number> {
  const server = await startEchoServer({ host: '127.0.0.1', httpPort: 0, env: { POD_NAME: 'bench', NAMESPACE: 'bench' }, log: () => {} });
  const definition = protoLoader.loadSync(echoProtoPath('grpcecho.proto'), { keepCase: false, defaults: true });
  const Service = grpc.loadPackageDefinition(definition)[ECHO_SERVICE] ?? lookup(grpc.loadPackageDefinition(definition), ECHO_SERVICE);
  const client = new (Service as unknown as new (address: string, credentials: grpc.ChannelCredentials) => UnaryClient)(
    `127.0.0.1:${server.httpPort}`,
    grpc.credentials.createInsecure(),
  );
  try {
    const once = () => new Promise<void>((resolve, reject) => client.Echo({}, (error) => (error ? reject(error) : resolve())));
    for (let i = 0; i < warmup; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      await once();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]!;
  } finally {
    client.close();
    await server.stop();
  }
}

function lookup(root: grpc.GrpcObject, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);
}
