import { fileURLToPath } from 'node:url';
import * as protoLoader from '@grpc/proto-loader';

const PROTO_DIR = fileURLToPath(new URL('../proto/', import.meta.url));

/** Loader options shared by the server and anything decoding its messages: camelCase fields, defaults filled. */
export const PROTO_LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

export const ECHO_SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
export const ECHO_PLUS_SERVICE = 'grpcroute_conformance.echo.v1.EchoPlus';

let cached: protoLoader.PackageDefinition | undefined;

/** Both echo protos, parsed once per process: servers start many times (one per pod) and must start fast. */
export function echoPackageDefinition(): protoLoader.PackageDefinition {
  cached ??= protoLoader.loadSync(['grpcecho.proto', 'echo_plus.proto'], PROTO_LOADER_OPTIONS);
  return cached;
}

/** Path of a .proto file of the echo contract, for clients that load it themselves. */
export function echoProtoPath(name: 'grpcecho.proto' | 'echo_plus.proto'): string {
  return `${PROTO_DIR}${name}`;
}

export function serviceMethods(service: string): protoLoader.ServiceDefinition {
  const definition = echoPackageDefinition()[service];
  if (!definition || !('path' in (Object.values(definition)[0] ?? {}))) {
    throw new Error(`service ${service} is not in the echo protos`);
  }
  return definition as protoLoader.ServiceDefinition;
}
