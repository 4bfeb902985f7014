import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { echoProtoPath } from '../../../echo-server/src/index.ts';

interface EchoContext {
  namespace: string;
  pod: string;
}

type EchoStub = grpc.Client & {
  Echo(request: object, options: grpc.CallOptions, callback: (error: grpc.ServiceError | null, response?: { assertions?: { context?: EchoContext } }) => void): void;
};

const definition = protoLoader.loadSync(echoProtoPath('grpcecho.proto'), { keepCase: false, defaults: true });
const loaded = grpc.loadPackageDefinition(definition) as unknown as {
  gateway_api_conformance: { echo_basic: { grpcecho: { GrpcEcho: new (address: string, credentials: grpc.ChannelCredentials) => EchoStub } } };
};

/** Calls GrpcEcho/Echo on a pod address over h2c and returns the pod context it reports. */
export async function echoContext(address: string): Promise<EchoContext> {
  const client = new loaded.gateway_api_conformance.echo_basic.grpcecho.GrpcEcho(address, grpc.credentials.createInsecure());
  try {
    return await new Promise<EchoContext>((resolve, reject) =>
      client.Echo({}, { deadline: Date.now() + 5000 }, (error, response) => (error ? reject(error) : resolve(response?.assertions?.context ?? { namespace: '', pod: '' }))),
    );
  } finally {
    client.close();
  }
}
