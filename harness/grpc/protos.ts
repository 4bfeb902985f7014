import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as protoLoader from '@grpc/proto-loader';

// The echo contract is the .proto files the echo server publishes; reading them is not importing its code.
const ECHO_PROTO_DIR = fileURLToPath(new URL('../../echo-server/proto/', import.meta.url));
const REFLECTION_PROTO = createRequire(import.meta.url).resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');

const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [ECHO_PROTO_DIR],
};

export type Method = protoLoader.MethodDefinition<object, object>;

let definitions: protoLoader.PackageDefinition | undefined;

function allDefinitions(): protoLoader.PackageDefinition {
  definitions ??= {
    ...protoLoader.loadSync(['grpcecho.proto', 'echo_plus.proto'], LOADER_OPTIONS),
    ...protoLoader.loadSync(REFLECTION_PROTO, LOADER_OPTIONS),
  };
  return definitions;
}

/** A method of a service in the echo or reflection protos, or undefined for services we have no proto for. */
export function findMethod(service: string, method: string): Method | undefined {
  const definition = allDefinitions()[service] as protoLoader.ServiceDefinition | undefined;
  const found = definition?.[method];
  return found && 'path' in found ? (found as Method) : undefined;
}

/** A method that must exist (our own contract); a typo here is a harness bug. */
export function requireMethod(service: string, method: string): Method {
  const found = findMethod(service, method);
  if (!found) throw new Error(`no method ${service}/${method} in the echo or reflection protos`);
  return found;
}
