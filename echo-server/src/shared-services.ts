import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { grpcJsServiceTarget } from './grpc-js-service-adapter.ts';
import { PROTO_LOADER_OPTIONS, echoPackageDefinition } from './protos.ts';
import { ServiceRegistry } from './service-registry.ts';

let shared: ServiceRegistry | undefined;

/**
 * Reflection (v1 and v1alpha) answers the same on every server, and building it parses protos, so it
 * is built once per process and every server's registry falls back to it.
 */
export function sharedServices(): ServiceRegistry {
  if (!shared) {
    const registry = new ServiceRegistry();
    const health = protoLoader.loadSync(healthProtoPath, PROTO_LOADER_OPTIONS);
    new ReflectionService({ ...echoPackageDefinition(), ...health }).addToServer(grpcJsServiceTarget(registry));
    shared = registry;
  }
  return shared;
}
