import { EventEmitter } from 'node:events';
import type * as grpc from '@grpc/grpc-js';
import { Status } from './grpc-status.ts';
import type { ServerCall } from './server-call.ts';
import type { ServiceRegistry } from './service-registry.ts';

type LooseCallback = (error: { code?: number; details?: string; message?: string } | null, value?: unknown) => void;
type LooseHandler = (call: EventEmitter, callback?: LooseCallback) => void;

/**
 * Lets libraries written against grpc-js (`addToServer(server)`: reflection, health) register on our
 * raw HTTP/2 server. Their handlers get a small call object with the grpc-js surface they use:
 * `request`, `write`, `end`, and the 'data' / 'end' / 'cancelled' events.
 */
export function grpcJsServiceTarget(registry: ServiceRegistry): Pick<grpc.Server, 'addService'> {
  return {
    addService(service: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation): void {
      for (const [name, method] of Object.entries(service)) {
        const impl = (implementation[name] ?? implementation[method.originalName ?? '']) as LooseHandler | undefined;
        if (!impl) continue;
        registry.register(method.path, (call) => runAdapted(call, method, impl));
      }
    },
  };
}

function runAdapted(call: ServerCall, method: grpc.MethodDefinition<unknown, unknown>, impl: LooseHandler): void {
  const facade = Object.assign(new EventEmitter(), {
    request: undefined as unknown,
    write: (value: unknown) => call.write(method.responseSerialize(value)),
    end: () => call.finish(Status.OK),
  });
  const callback: LooseCallback = (error, value) => {
    if (error) {
      call.finish(error.code ?? Status.UNKNOWN, error.details ?? error.message ?? '');
      return;
    }
    call.write(method.responseSerialize(value));
    call.finish(Status.OK);
  };
  call.on('cancelled', () => facade.emit('cancelled'));

  if (method.requestStream) {
    call.on('message', (buffer: Buffer) => facade.emit('data', method.requestDeserialize(buffer)));
    call.on('halfClose', () => facade.emit('end'));
    impl(facade, method.responseStream ? undefined : callback);
    return;
  }
  // Unary request: wait for the one message and the half-close, as grpc-js does.
  call.on('message', (buffer: Buffer) => {
    facade.request = method.requestDeserialize(buffer);
  });
  call.on('halfClose', () => {
    if (facade.request === undefined) {
      call.finish(Status.INTERNAL, `no request message for ${method.path}`);
      return;
    }
    impl(facade, method.responseStream ? undefined : callback);
  });
}
