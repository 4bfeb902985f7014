import { buildAssertions } from './assertions.ts';
import type { PodContext } from './assertions.ts';
import { Status } from './grpc-status.ts';
import { ECHO_SERVICE, serviceMethods } from './protos.ts';
import type { ServiceRegistry } from './service-registry.ts';
import { onSingleRequest } from './unary-request.ts';

/** The upstream GrpcEcho service: Echo and EchoTwo echo the call; EchoThree is deliberately unimplemented. */
export function registerGrpcEcho(registry: ServiceRegistry, context: PodContext): void {
  const methods = serviceMethods(ECHO_SERVICE);
  for (const name of ['Echo', 'EchoTwo']) {
    const method = methods[name];
    if (!method) throw new Error(`${ECHO_SERVICE}/${name} missing from grpcecho.proto`);
    registry.register(method.path, (call) =>
      onSingleRequest(call, () => {
        call.write(method.responseSerialize({ assertions: buildAssertions(call, context) }));
        call.finish(Status.OK);
      }),
    );
  }
  const three = methods.EchoThree;
  if (!three) throw new Error(`${ECHO_SERVICE}/EchoThree missing from grpcecho.proto`);
  registry.register(three.path, (call) => call.finish(Status.UNIMPLEMENTED, 'method EchoThree not implemented'));
}
